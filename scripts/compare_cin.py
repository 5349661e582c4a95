#!/usr/bin/env python3
"""Compare Oversight's CIN census validation with csc-validator-be-cin (PyPI).

Usage:
    scripts/compare_cin.py PATH YEAR [--ours-json FILE] [--venv DIR] [--examples N]

PATH is a CIN census XML file or a folder of them; YEAR the collection year (2025 = 2024-25).

The script
  1. creates (once) a virtual environment, by default .venv-validators/ at the repository root
     (git-ignored), and installs csc-validator-be-cin in it (with numpy<2, which its pandas 1.x
     needs);
  2. runs that validator on each file with its rule set for YEAR;
  3. runs `swift run oversight validate --format json --year YEAR PATH`, or reads that command's
     JSON from --ours-json;
  4. prints, rule by rule, the (rule, child) pairs each side flagged: how many each found, how
     many both found, and those only one side found, with a few example children.

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
                shown = ", ".join(f"{c}" if len({n for n, _ in s}) == 1 else f"{n}:{c}" for n, c in sorted(s)[:examples])
                more = f" (+{len(s) - examples} more)" if len(s) > examples else ""
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
    ap.add_argument("--examples", type=int, default=5, help="example children to list per rule and side (0 for none)")
    args = ap.parse_args()

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
