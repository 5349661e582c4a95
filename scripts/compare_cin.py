#!/usr/bin/env python3
"""Compare Oversight's CIN census validation with csc-validator-be-cin (PyPI).

Usage:
    scripts/compare_cin.py PATH YEAR [--ours-json FILE] [--venv DIR] [--examples N] [--synthesise N [--seed S]]

PATH is a CIN census XML file or a folder of them; YEAR the collection year (2025 = 2024-25).

The script
  1. creates (once) a virtual environment, by default .venv-validators/ at the repository root
     (git-ignored), and installs csc-validator-be-cin in it (with numpy<2, which its pandas 1.x
     needs);
  2. runs that validator on each file with its rule set for YEAR;
  3. runs `swift run oversight validate --format json --year YEAR PATH`, or reads that command's
     JSON from --ours-json;
  4. prints, rule by rule, the (rule, child) pairs each side flagged: how many each found, how
     many both found, and those only one side found, listing those children (--examples).

Findings about the whole return (no child) count as one pair with child "-". Child ids are
compared normalised (trimmed, upper-case, a trailing ".0" dropped), as Oversight reports them.
The data must be synthetic: the script prints child ids.

Always exits 0: it reports, it does not judge.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ["csc-validator-be-cin", "numpy<2"]

# Runs inside the validators' virtual environment: prints one JSON object per file.
DRIVER = r'''
import importlib, json, sys, warnings, xml.etree.ElementTree as ET
warnings.filterwarnings("ignore")
from cin_validator import cin_validator

def ruleset_for(year):
    available = []
    for y in range(2015, 2040):
        try:
            importlib.import_module(f"cin_validator.rules.cin{y - 1}_{y % 100:02d}")
            available.append(y)
        except ImportError:
            pass
    y = min(max(year, available[0]), available[-1])
    return f"cin{y - 1}_{y % 100:02d}"

year = int(sys.argv[1])
ruleset = ruleset_for(year)
registry = getattr(importlib.import_module(f"cin_validator.rules.{ruleset}"), "registry")
for path in sys.argv[2:]:
    out = {"file": path, "ruleset": ruleset, "pairs": [], "error": None}
    try:
        root = ET.parse(path).getroot()
        data = cin_validator.process_data(cin_validator.convert_data(root))
        v = cin_validator.CinValidator(data, registry)
        df = v.full_issue_df
        if len(df):
            for rec in df[["rule_code", "child_id"]].drop_duplicates().to_dict("records"):
                child = rec["child_id"]
                out["pairs"].append([str(rec["rule_code"]), None if child != child or child is None else str(child)])
        for rec in v.multichild_issues.to_dict("records"):
            out["pairs"].append([str(rec["rule_code"]), None])
    except Exception as e:  # a rule or the reader failing is itself a finding of the comparison
        out["error"] = f"{type(e).__name__}: {e}"
    print(json.dumps(out))
'''


def synthesise(path: Path, year: int, children: int, seed: int) -> None:
    """Writes a synthetic CIN census XML file made to break many rules: random dates around the
    census year, some codes off the lists, repeated and overlapping blocks, a few shared ids.
    No real child is in it; the same seed gives the same file."""
    import datetime as dt
    import random

    rnd = random.Random(seed)
    ref, start = dt.date(year, 3, 31), dt.date(year - 1, 4, 1)
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"

    def day(a, b):
        return a + dt.timedelta(rnd.randint(0, max(0, (b - a).days)))

    def after(a, lo, hi):
        return a + dt.timedelta(rnd.randint(lo, hi))

    def maybe(p):
        return rnd.random() < p

    def el(name, value):
        return f"<{name}>{value.isoformat() if isinstance(value, dt.date) else value}</{name}>"

    def upn():
        body = rnd.choice(["201", "202", "999", "873"]) + "".join(rnd.choice("0123456789") for _ in range(8)) + rnd.choice("0123456789A")
        values = [int(c) if c.isdigit() else letters.index(c) for c in body]
        check = letters[sum(v * (i + 2) for i, v in enumerate(values)) % 23]
        if maybe(0.05):
            check = "B" if check == "A" else "A"
        return check + body

    factors = ["1A", "2B", "3A", "3C", "4B", "18A", "19A", "18B", "21", "20", "99"]
    disabilities = ["NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA", "XX"]
    out = ["<Message><Header><CollectionDetails>" + el("Collection", "CIN") + el("Year", year) + el("ReferenceDate", ref)
           + "</CollectionDetails><Source>" + el("SourceLevel", "L") + el("LEA", "201") + "</Source></Header><Children>"]
    for n in range(children):
        x = ["<Child><ChildIdentifiers>", el("LAchildID", "CH%04d" % (n - 1 if n and maybe(0.01) else n))]
        if maybe(0.85):
            x.append(el("UPN", upn()))
        elif maybe(0.7):
            x.append(el("UPNunknown", rnd.choice(["UN1", "UN2", "UN5", "UN7", "UN9"])))
        unborn = maybe(0.03)
        if not unborn:
            x.append(el("PersonBirthDate", day(dt.date(year - 19, 1, 1), ref)))
        if unborn or maybe(0.02):
            x.append(el("ExpectedPersonBirthDate", day(ref - dt.timedelta(60), ref + dt.timedelta(300))))
        if year >= 2025:
            x.append(el("Sex", rnd.choice(["U", "M"] if unborn else ["M", "F", "U", "M", "F", "X"])))
        else:
            x.append(el("GenderCurrent", rnd.choice(["1", "2", "0", "9", "1", "2"])))
        if maybe(0.03):
            x.append(el("PersonDeathDate", day(start - dt.timedelta(30), ref)))
        x.append("</ChildIdentifiers><ChildCharacteristics>" + el("Ethnicity", rnd.choice(["WBRI", "AIND", "BAFR", "XXXX", "WBRI"])))
        if not maybe(0.05):
            codes = rnd.sample(disabilities, rnd.choice([1, 1, 1, 2, 3]))
            if maybe(0.02):
                codes += codes[:1]
            x.append("<Disabilities>" + "".join(el("Disability", c) for c in codes) + "</Disabilities>")
        x.append("</ChildCharacteristics>")
        referral = day(start - dt.timedelta(500), ref - dt.timedelta(20))
        for e in range(rnd.choice([1, 1, 1, 2, 2, 3])):
            r = referral if e == 0 else day(referral, ref)
            referral = after(r, -20, 120)
            nfa = maybe(0.2)
            ep = ["<CINdetails>", el("CINreferralDate", r), el("ReferralSource", rnd.choice(["1A", "2A", "5B", "10", "11"]))]
            if not nfa or maybe(0.3):
                ep.append(el("PrimaryNeedCode", rnd.choice(["N1", "N4", "N9", "N0", "NX"])))
            closure = min(after(r, 0 if nfa else 1, 300), ref + dt.timedelta(5)) if maybe(0.5) or nfa else None
            if closure:
                ep.append(el("CINclosureDate", closure))
            if closure or maybe(0.05):
                ep.append(el("ReasonForClosure", rnd.choice(["RC1", "RC2", "RC7", "RC8", "RC9", "RC7", "RC11"])))
            if maybe(0.08):
                ep.append(el("DateOfInitialCPC", after(r, -3, 40)))
            conferences = []
            if not nfa or maybe(0.1):
                for _ in range(rnd.choice([0, 1, 1, 1, 2])):
                    s = after(r, -2, 60)
                    done = after(s, -2, 60) if maybe(0.75) else None
                    ep.append("<Assessments>" + el("AssessmentActualStartDate", s) + (el("AssessmentAuthorisationDate", done) if done else ""))
                    if done or maybe(0.05):
                        fs = rnd.sample(factors, rnd.choice([0, 1, 1, 2, 3]))
                        if maybe(0.03):
                            fs += fs[:1]
                        if fs:
                            ep.append("<FactorsIdentifiedAtAssessment>" + "".join(el("AssessmentFactors", f) for f in fs) + "</FactorsIdentifiedAtAssessment>")
                    ep.append("</Assessments>")
                for _ in range(rnd.choice([0, 0, 1, 1, 2])):
                    s = after(r, -2, 150)
                    end = after(s, -1, 200) if maybe(0.6) else None
                    ep.append("<CINPlanDates>" + el("CINPlanStartDate", s) + (el("CINPlanEndDate", end) if end else "") + "</CINPlanDates>")
                for _ in range(rnd.choice([0, 0, 1, 1, 2])):
                    s = after(r, -2, 60)
                    not_required = maybe(0.3)
                    held = None if not_required or maybe(0.2) else after(s, -1, 25)
                    ep.append("<Section47>" + el("S47ActualStartDate", s) + el("InitialCPCtarget", after(s, 5, 20))
                              + (el("DateOfInitialCPC", held) if held else "")
                              + el("ICPCnotRequired", rnd.choice(["1", "true"]) if not_required else rnd.choice(["0", "false"])) + "</Section47>")
                    if held:
                        conferences.append(held)
            ep.append(el("ReferralNFA", rnd.choice(["1", "true"]) if nfa else rnd.choice(["0", "false", "0"])))
            if (not nfa and maybe(0.35)) or maybe(0.02):
                for _ in range(rnd.choice([1, 1, 2])):
                    s = rnd.choice(conferences) if conferences and maybe(0.8) else after(r, -2, 90)
                    end = after(s, 0, 300) if maybe(0.5) else None
                    reviews = [after(s, -1, 200) for _ in range(rnd.choice([0, 1, 2]))]
                    ep.append("<ChildProtectionPlans>" + el("CPPstartDate", s) + (el("CPPendDate", end) if end else "")
                              + el("InitialCategoryOfAbuse", rnd.choice(["NEG", "PHY", "EMO", "XYZ"]))
                              + el("LatestCategoryOfAbuse", rnd.choice(["NEG", "SAB", "MUL"]))
                              + el("NumberOfPreviousCPP", rnd.choice(["0", "1", "3", "-1"]))
                              + ("<Reviews>" + "".join(el("CPPreviewDate", v) for v in reviews) + "</Reviews>" if reviews else "")
                              + "</ChildProtectionPlans>")
            ep.append("</CINdetails>")
            x.append("".join(ep))
        x.append("</Child>")
        out.append("".join(x))
    out.append("</Children></Message>")
    path.write_text("\n".join(out))


def normalise(child: str | None) -> str:
    if child is None:
        return "-"
    t = str(child).strip().upper()
    if t.endswith(".0"):
        t = t[:-2].strip()
    return t or "-"


def xml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() == ".xml")
    return [path]


def ensure_venv(venv: Path) -> Path | None:
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"Creating {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    probe = subprocess.run([str(python), "-c", "import cin_validator, pandas"], capture_output=True)
    if probe.returncode != 0:
        print(f"Installing {', '.join(PACKAGES)} into {venv} ...", file=sys.stderr)
        r = subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"pip failed:\n{r.stderr[-2000:]}", file=sys.stderr)
            return None
    return python


def run_theirs(python: Path, files: list[Path], year: int) -> tuple[dict, dict]:
    """(file name -> set of (rule, child)), (file name -> error or ruleset note)."""
    pairs: dict[str, set] = defaultdict(set)
    notes: dict[str, str] = {}
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(DRIVER)
        driver = f.name
    try:
        r = subprocess.run([str(python), driver, str(year), *map(str, files)], capture_output=True, text=True)
    finally:
        os.unlink(driver)
    if r.returncode != 0:
        print(f"csc-validator-be-cin failed:\n{r.stderr[-2000:]}", file=sys.stderr)
    for line in r.stdout.splitlines():
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        name = Path(rec["file"]).name
        notes[name] = rec["error"] or f"rule set {rec['ruleset']}"
        for rule, child in rec["pairs"]:
            pairs[name].add((rule, normalise(child)))
    return pairs, notes


def run_ours(path: Path, year: int, ours_json: Path | None) -> tuple[dict | None, str]:
    if ours_json is not None:
        text = ours_json.read_text()
        source = f"read from {ours_json}"
    else:
        cmd = ["swift", "run", "oversight", "validate", "--format", "json", "--year", str(year), str(path)]
        r = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        # Exit status 1 means "errors found", which is the point; only no JSON at all is a failure.
        text = r.stdout[r.stdout.find("{"):] if "{" in r.stdout else ""
        source = " ".join(cmd)
        if not text:
            return None, f"{source} gave no JSON (exit {r.returncode}): {r.stderr.strip()[-500:]}"
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        return None, f"{source}: not JSON ({e})"
    pairs: dict[str, set] = defaultdict(set)
    for issue in doc.get("issues", []):
        rule = str(issue.get("rule", ""))
        if rule.startswith("OV-XML") or rule.startswith("OV-CSV"):
            continue  # reader findings have no counterpart in the other tool
        pairs[Path(issue.get("file", "")).name].add((rule, normalise(issue.get("child"))))
    return pairs, source


def report(ours: dict, theirs: dict, examples: int) -> None:
    by_rule: dict[str, dict[str, set]] = defaultdict(lambda: {"ours": set(), "theirs": set()})
    for side, data in (("ours", ours), ("theirs", theirs)):
        for name, pairs in data.items():
            for rule, child in pairs:
                by_rule[rule][side].add((name, child))

    def key(rule: str):
        digits = "".join(ch for ch in rule if ch.isdigit())
        return (rule.startswith("OV"), int(digits) if digits else 0, rule)

    header = f"{'rule':<18}{'ours':>7}{'theirs':>8}{'agreed':>8}{'only ours':>11}{'only theirs':>13}"
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0, 0, 0]
    details = []
    for rule in sorted(by_rule, key=key):
        o, t = by_rule[rule]["ours"], by_rule[rule]["theirs"]
        agreed, only_o, only_t = o & t, o - t, t - o
        row = [len(o), len(t), len(agreed), len(only_o), len(only_t)]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{rule:<18}{row[0]:>7}{row[1]:>8}{row[2]:>8}{row[3]:>11}{row[4]:>13}")
        for label, s in (("only ours", only_o), ("only theirs", only_t)):
            if s and examples:
                limit = len(s) if examples < 0 else examples
                shown = ", ".join(f"{c}" if len({n for n, _ in s}) == 1 else f"{n}:{c}" for n, c in sorted(s)[:limit])
                more = f" (+{len(s) - limit} more)" if len(s) > limit else ""
                details.append(f"  {rule} {label}: {shown}{more}")
    print("-" * len(header))
    print(f"{'total':<18}{totals[0]:>7}{totals[1]:>8}{totals[2]:>8}{totals[3]:>11}{totals[4]:>13}")
    if details:
        print("\nExamples (children):")
        print("\n".join(details))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="a CIN census XML file or a folder of them")
    ap.add_argument("year", type=int, help="collection year, e.g. 2025 for 2024-25")
    ap.add_argument("--ours-json", type=Path, help="use this output of `oversight validate --format json` instead of running it")
    ap.add_argument("--venv", type=Path, default=REPO / ".venv-validators", help="virtual environment for csc-validator-be-cin")
    ap.add_argument("--examples", type=int, default=5, help="children to list per rule for each side's extra pairs (0 none, -1 all)")
    ap.add_argument("--synthesise", type=int, metavar="N",
                    help="first write a synthetic file of N children to PATH (overwriting it), made to break many rules")
    ap.add_argument("--seed", type=int, default=1, help="seed for --synthesise")
    args = ap.parse_args()

    if args.synthesise:
        synthesise(args.path, args.year, args.synthesise, args.seed)
        print(f"Wrote {args.synthesise} synthetic children to {args.path} (seed {args.seed})")

    files = xml_files(args.path)
    if not files:
        print(f"No XML files at {args.path}")
        return 0
    print(f"{len(files)} file(s), collection year {args.year - 1}-{args.year % 100:02d}\n")

    theirs: dict = {}
    python = ensure_venv(args.venv)
    if python is None:
        print("csc-validator-be-cin could not be installed: its side is empty.\n")
    else:
        theirs, notes = run_theirs(python, files, args.year)
        for name, note in sorted(notes.items()):
            print(f"csc-validator-be-cin on {name}: {note}")

    ours, source = run_ours(args.path, args.year, args.ours_json)
    if ours is None:
        print(f"Oversight's side is unavailable: {source}\n")
        ours = {}
    else:
        print(f"Oversight: {source}\n")

    report(ours, theirs, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
