#!/usr/bin/env python3
"""The analyst's alternative to Oversight, for a side-by-side benchmark: a DuckDB SQL script over
the same SSDA903 CSV and CIN census XML files, computing five headline measures for one reporting
year. Prints the values and the whole-process time.

Usage: compare-duckdb.py DATA_DIR YEAR   (DATA_DIR as written by `oversight synth`)

Its SQL applies the reading rules the simple way an analyst would (the latest collection year's
copy of each record wins), which agrees with Oversight's on consistent data such as synth's.
"""
import csv, glob, os, sys, tempfile, time
import xml.etree.ElementTree as ET

t0 = time.time()
import duckdb

data, year = sys.argv[1], int(sys.argv[2])
start, end = f"{year-1}-04-01", f"{year}-03-31"
tmp = tempfile.mkdtemp()

# CIN census XML has no SQL reader: flatten referrals and plans to CSV first.
ref_rows, plan_rows = [], []
for path in sorted(glob.glob(os.path.join(data, "cin", "*", "*.xml"))):
    cy = int(path.split(os.sep)[-2])
    for _, el in ET.iterparse(path):
        if el.tag != "Child":
            continue
        child = el.findtext("ChildIdentifiers/LAchildID", "").strip().upper()
        for d in el.findall("CINdetails"):
            ref = d.findtext("CINreferralDate", "")
            ref_rows.append((child, ref, cy))
            for p in d.findall("ChildProtectionPlans"):
                plan_rows.append((child, ref, p.findtext("CPPstartDate", ""), p.findtext("CPPendDate", ""),
                                  p.findtext("NumberOfPreviousCPP", ""), cy))
        el.clear()
with open(os.path.join(tmp, "ref.csv"), "w", newline="") as f:
    csv.writer(f).writerows([("child", "ref", "cy")] + ref_rows)
with open(os.path.join(tmp, "plans.csv"), "w", newline="") as f:
    csv.writer(f).writerows([("child", "ref", "pstart", "pend", "nprev", "cy")] + plan_rows)

db = duckdb.connect()
db.execute(f"""
CREATE TABLE ref AS SELECT child, CAST(ref AS DATE) AS ref FROM (
  SELECT *, row_number() OVER (PARTITION BY child, ref ORDER BY cy DESC) AS k FROM read_csv('{tmp}/ref.csv', all_varchar=true)) WHERE k = 1;
CREATE TABLE plans AS SELECT child, CAST(pstart AS DATE) AS pstart, TRY_CAST(pend AS DATE) AS pend, TRY_CAST(nprev AS INTEGER) AS nprev FROM (
  SELECT *, row_number() OVER (PARTITION BY child, ref, pstart ORDER BY CAST(cy AS INTEGER) DESC) AS k FROM read_csv('{tmp}/plans.csv', all_varchar=true)) WHERE k = 1;
CREATE TABLE eps AS SELECT * FROM (
  SELECT upper(trim(CHILD)) AS child, strptime(DECOM, '%d/%m/%Y')::DATE AS decom, TRY_CAST(strptime(NULLIF(DEC, ''), '%d/%m/%Y') AS DATE) AS dec,
         RNE AS rne, LS AS ls, PLACE AS place, REC AS rec, URN AS urn, PL_POST AS pl_post,
         row_number() OVER (PARTITION BY upper(trim(CHILD)), DECOM ORDER BY filename DESC) AS k
  FROM read_csv('{data}/903/*/episodes.csv', all_varchar=true, filename=true)) WHERE k = 1 AND ls NOT IN ('V3', 'V4');
""")

res = {}
res["referrals"], res["rereferrals"] = db.execute(f"""
SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ref r2 WHERE r2.child = r.child AND r2.ref < r.ref
  AND r2.ref >= r.ref - INTERVAL 1 YEAR)) FROM ref r WHERE r.ref BETWEEN DATE '{start}' AND DATE '{end}'""").fetchone()
res["cpp_at_end"] = db.execute(f"""SELECT count(DISTINCT child) FROM plans WHERE pstart <= DATE '{end}' AND (pend IS NULL OR pend > DATE '{end}')""").fetchone()[0]
res["cpp_starts"], res["cpp_second"] = db.execute(f"""
SELECT count(*), count(*) FILTER (WHERE coalesce(nprev, 0) > 0 OR EXISTS (SELECT 1 FROM plans q WHERE q.child = p.child AND q.pstart < p.pstart))
FROM plans p WHERE pstart BETWEEN DATE '{start}' AND DATE '{end}'""").fetchone()
res["cla_at_end"] = db.execute(f"""SELECT count(DISTINCT child) FROM eps WHERE decom <= DATE '{end}' AND (dec IS NULL OR dec > DATE '{end}')""").fetchone()[0]
# Placements: periods of care, temporary placements skipped, adoption by the carer and returns from a temporary placement continue one.
res["stability_3plus"], res["stability_den"] = db.execute(f"""
WITH o AS (
  SELECT *, lag(dec) OVER w AS prev_dec, lag(rec) OVER w AS prev_rec FROM eps WINDOW w AS (PARTITION BY child ORDER BY decom)),
poc AS (SELECT *, sum(CASE WHEN prev_dec = decom AND prev_rec = 'X1' THEN 0 ELSE 1 END) OVER (PARTITION BY child ORDER BY decom) AS care FROM o),
marked AS (SELECT *, place IN ('T0','T1','T2','T3','T4') AS temp,
  lag(place IN ('T0','T1','T2','T3','T4')) OVER (PARTITION BY child, care ORDER BY decom) AS after_temp FROM poc),
nt AS (SELECT *, lag(place) OVER w AS pplace, lag(urn) OVER w AS purn, lag(pl_post) OVER w AS ppost,
       row_number() OVER w AS n, max(dec IS NULL) OVER (PARTITION BY child, care) AS open_care, max(dec) OVER (PARTITION BY child, care) AS care_end
       FROM marked WHERE NOT temp WINDOW w AS (PARTITION BY child, care ORDER BY decom)),
starts AS (SELECT child, care, decom AS pstart, open_care, care_end FROM nt WHERE n = 1 OR (
  NOT (coalesce(after_temp, false) AND place = pplace AND ((nullif(urn,'') IS NOT NULL AND nullif(purn,'') IS NOT NULL AND urn = purn)
        OR ((nullif(urn,'') IS NULL OR nullif(purn,'') IS NULL) AND nullif(pl_post,'') IS NOT NULL AND pl_post = ppost)))
  AND rne IN ('P','B','T','U') AND NOT (rne IN ('T','U') AND place IN ('A3','A5')))),
pl AS (SELECT child, pstart, coalesce(lead(pstart) OVER (PARTITION BY child, care ORDER BY pstart), CASE WHEN open_care THEN NULL ELSE care_end END) AS pstop FROM starts),
atend AS (SELECT DISTINCT child FROM eps WHERE decom <= DATE '{end}' AND (dec IS NULL OR dec > DATE '{end}')),
counts AS (SELECT a.child, count(pl.pstart) AS n FROM atend a LEFT JOIN pl ON pl.child = a.child
  AND (pl.pstart BETWEEN DATE '{start}' AND DATE '{end}' OR (pl.pstart <= DATE '{start}' AND (pl.pstop IS NULL OR pl.pstop > DATE '{start}'))) GROUP BY a.child)
SELECT count(*) FILTER (WHERE n >= 3), count(*) FROM counts""").fetchone()

elapsed = time.time() - t0
pct = lambda a, b: round(100 * a / b, 4) if b else None
print(f"rereferrals_12m_pct {pct(res['rereferrals'], res['referrals'])} ({res['rereferrals']}/{res['referrals']})")
print(f"cpp_at_end {res['cpp_at_end']}")
print(f"cpp_second_subsequent_pct {pct(res['cpp_second'], res['cpp_starts'])} ({res['cpp_second']}/{res['cpp_starts']})")
print(f"cla_at_end {res['cla_at_end']}")
print(f"placement_stability_short_pct {pct(res['stability_3plus'], res['stability_den'])} ({res['stability_3plus']}/{res['stability_den']})")
print(f"duckdb whole process: {elapsed:.2f} s")
