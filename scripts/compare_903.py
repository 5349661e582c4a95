#!/usr/bin/env python3
"""Compare Oversight's SSDA903 validation with the DfE-community validator csc-validator-be-903.

Usage:
    python3 scripts/compare_903.py DIR YEAR [--previous PREV_DIR] [--ours-json FILE] [--examples N]

DIR holds one collection year's SSDA903 CSV files (one file per table, recognised by its header,
as both validators do). YEAR is the collection year (2024 = 1 April 2023 to 31 March 2024).
PREV_DIR holds last year's; its path must name its year (e.g. `.../2023/` or `.../2022-23/`) so
that `oversight validate` can tell the two years' files apart.

The script
  1. creates .venv-validators/ at the repository root (git-ignored) if needed and pip-installs
     csc-validator-be-903 into it, then runs that validator on the files in a child process;
  2. runs `swift run oversight validate --format json --year YEAR` on the same CSV files (and
     last year's, whose findings are then left out), or reads --ours-json;
  3. prints, for every rule code either side reports, the (rule, child) pairs each side flagged,
     how many agree, and how many only one side flagged, with a few example children.

It always exits 0: it reports differences, it does not judge them. Synthetic data only.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv-validators"
PACKAGE = "csc-validator-be-903"

# Runs inside the virtualenv: validates the files and prints {"pairs": [[rule, child, table, row], ...]}.
THEIR_RUNNER = r"""
import copy, importlib, json, logging, sys
logging.disable(logging.CRITICAL)
from lac_validator.datastore import create_datastore
from lac_validator.ingress import read_from_text
from lac_validator.utils import process_uploaded_files

year = int(sys.argv[1])
current = json.loads(sys.argv[2])
previous = json.loads(sys.argv[3])
ruleset = f"lac{year - 1}_{str(year)[2:]}"
registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
files = {"This year": current}
if previous:
    files["Prev year"] = previous
dfs, extras = read_from_text(process_uploaded_files(files))
metadata = {"collectionYear": str(year), "localAuthority": "E09000027", **extras}
store = create_datastore(dfs, metadata)
pairs, failed = [], []
for code, rule in registry.items():
    # Each rule gets its own deep copy: the package's own loop hands rules shallow copies, and
    # rules that change data in place then alter what later rules see.
    ds = {k: (v.copy(deep=True) if hasattr(v, "copy") and k != "metadata" else v) for k, v in store.items()}
    ds["metadata"] = copy.deepcopy(store["metadata"])
    try:
        result = rule.func(ds)
    except Exception:
        failed.append(code)
        continue
    for table, locations in (result or {}).items():
        if table.endswith("_last") or table not in store:
            continue
        df = store[table]
        for index in locations:
            if index in df.index:
                pairs.append([code, str(df.loc[index, "CHILD"]), table, int(df.index.get_loc(index)) + 1])
print(json.dumps({"pairs": pairs, "rules": sorted(registry.keys()), "failed": failed}))
"""


def normalise_child(raw):
    """Oversight's ChildID normalising: trimmed, upper-cased, a trailing '.0' dropped."""
    t = (raw or "").strip().upper()
    if t.endswith(".0"):
        t = t[:-2]
    t = t.strip()
    return t if t and t != "NAN" else ""


def ensure_venv():
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"Creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = subprocess.run([str(python), "-c", "import lac_validator"], capture_output=True)
    if probe.returncode != 0:
        print(f"Installing {PACKAGE} into {VENV} ...", file=sys.stderr)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PACKAGE], check=True)
    return python


def clean_copies(directory, into):
    """Copies the CSV files with any UTF-8 byte order mark removed (the Python validator matches
    headers exactly and would not recognise a table whose first column carries a BOM)."""
    out = []
    for path in sorted(Path(directory).glob("*.csv")):
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        target = Path(into) / path.name
        target.write_bytes(data)
        out.append(str(target))
    return out


def run_theirs(directory, year, previous):
    python = ensure_venv()
    with tempfile.TemporaryDirectory() as tmp:
        cur_dir = Path(tmp) / "current"
        prev_dir = Path(tmp) / "previous"
        cur_dir.mkdir()
        prev_dir.mkdir()
        current = clean_copies(directory, cur_dir)
        prev = clean_copies(previous, prev_dir) if previous else []
        result = subprocess.run(
            [str(python), "-c", THEIR_RUNNER, str(year), json.dumps(current), json.dumps(prev)],
            capture_output=True, text=True, cwd=tmp,
        )
    if result.returncode != 0:
        print("csc-validator-be-903 failed:\n" + result.stderr[-3000:], file=sys.stderr)
        return None
    data = json.loads(result.stdout.strip().splitlines()[-1])
    pairs = defaultdict(set)
    for rule, child, _table, _row in data["pairs"]:
        pairs[rule].add(normalise_child(child))
    return {"pairs": pairs, "rules": set(data["rules"]), "failed": data["failed"]}


def run_ours(directory, year, previous, ours_json):
    if ours_json:
        text = Path(ours_json).read_text()
    else:
        # The CSV files only, as the Python validator is given (a folder may also hold an XML return).
        command = ["swift", "run", "-q", "oversight", "validate", "--format", "json", "--year", str(year)]
        command += [str(p.resolve()) for p in sorted(Path(directory).glob("*.csv"))]
        if previous:
            command += [str(p.resolve()) for p in sorted(Path(previous).glob("*.csv"))]
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
        text = result.stdout
        if not text.strip().startswith("{"):
            print("`oversight validate --format json` gave no JSON (exit status "
                  f"{result.returncode}); pass --ours-json FILE instead.\n{result.stderr[-2000:]}", file=sys.stderr)
            return None
    data = json.loads(text)
    pairs = defaultdict(set)
    current = Path(directory).resolve()
    for issue in data.get("issues", []):
        rule = issue.get("rule", "")
        if rule.startswith("OV"):
            continue
        # The command validates last year's files as a return of their own too; keep this year's.
        if issue.get("file") and current not in Path(issue["file"]).resolve().parents:
            continue
        pairs[rule].add(normalise_child(issue.get("child") or ""))
    return {"pairs": pairs}


def sort_key(code):
    digits = "".join(ch for ch in code if ch.isdigit())
    return (not code[:1].isdigit(), int(digits) if digits else 0, code)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", help="folder of one year's SSDA903 CSV files")
    parser.add_argument("year", type=int, help="collection year, e.g. 2024 for 2023-24")
    parser.add_argument("--previous", help="folder of the previous year's CSV files (for cross-year rules)")
    parser.add_argument("--ours-json", help="read Oversight's JSON output from this file instead of running swift")
    parser.add_argument("--examples", type=int, default=3, help="example children to show per disagreement")
    args = parser.parse_args()

    theirs = run_theirs(args.directory, args.year, args.previous)
    ours = run_ours(args.directory, args.year, args.previous, args.ours_json)
    if theirs is None or ours is None:
        print("Comparison not possible; see the messages above.")
        return 0

    codes = sorted(set(theirs["pairs"]) | set(ours["pairs"]), key=sort_key)
    header = f"{'rule':<10} {'theirs':>7} {'ours':>7} {'agree':>7} {'only ours':>10} {'only theirs':>12}  examples"
    print(f"SSDA903 comparison, collection year {args.year}: (rule, child) pairs flagged")
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0, 0, 0]
    for code in codes:
        t = theirs["pairs"].get(code, set())
        o = ours["pairs"].get(code, set())
        agree, only_o, only_t = t & o, o - t, t - o
        for k, n in enumerate([len(t), len(o), len(agree), len(only_o), len(only_t)]):
            totals[k] += n
        examples = []
        if only_o:
            examples.append("ours: " + ", ".join(sorted(only_o)[: args.examples]))
        if only_t:
            examples.append("theirs: " + ", ".join(sorted(only_t)[: args.examples]))
        note = "; ".join(examples)
        if code not in theirs["rules"]:
            note = ("(not in their rule set) " + note).strip()
        print(f"{code:<10} {len(t):>7} {len(o):>7} {len(agree):>7} {len(only_o):>10} {len(only_t):>12}  {note}")
    print("-" * len(header))
    print(f"{'total':<10} {totals[0]:>7} {totals[1]:>7} {totals[2]:>7} {totals[3]:>10} {totals[4]:>12}")
    if theirs["failed"]:
        print(f"Rules that crashed in csc-validator-be-903: {', '.join(sorted(theirs['failed'], key=sort_key))}")
    silent = sorted(theirs["rules"] - set(codes), key=sort_key)
    print(f"{len(silent)} of their {len(theirs['rules'])} rules flagged nothing on these files.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
