#!/usr/bin/env python3
"""Scans a server log for personal data: every child and worker identifier in the demo's data
folder, and every demo user's name and passphrase. Also checks the log is JSON lines with a
request line per request. Exit 1 on any finding.

    scripts/scan_logs.py DATA_FOLDER DEMO_USERS_FILE SERVER_LOG
"""
import csv
import json
import pathlib
import re
import sys

ID_COLUMNS = {"CHILD", "child_id", "worker_id", "SW_ID", "LAchildID", "Child Unique ID"}


def identifiers(folder):
    found = set()
    for path in pathlib.Path(folder).rglob("*"):
        if path.suffix == ".csv":
            with open(path, newline="", encoding="utf-8", errors="replace") as f:
                reader = csv.DictReader(f)
                for row in reader:
                    for column in ID_COLUMNS & set(row):
                        if row[column]:
                            found.add(row[column].strip())
        elif path.suffix == ".xml":
            text = path.read_text(encoding="utf-8", errors="replace")
            found.update(m.strip() for m in re.findall(r"<LAchildID>([^<]+)</LAchildID>", text))
    return {i for i in found if len(i) >= 4}


def main():
    data, users, log = sys.argv[1:4]
    ids = identifiers(data)
    secrets = set()
    for line in pathlib.Path(users).read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            secrets.update([parts[0], parts[2]])
    problems, requests, lines = [], 0, 0
    for n, line in enumerate(pathlib.Path(log).read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        lines += 1
        try:
            entry = json.loads(line)
        except ValueError:
            problems.append(f"line {n} is not a JSON object: {line[:120]}")
            continue
        if entry.get("message") == "request":
            requests += 1
            if not entry.get("request_id"):
                problems.append(f"line {n}: a request line without a request id")
        tokens = set(re.findall(r"[A-Za-z0-9_.-]+", line))
        for hit in sorted(tokens & ids):
            problems.append(f"line {n} holds the identifier {hit}")
        for secret in secrets:
            if secret in line:
                problems.append(f"line {n} holds a demo user's name or passphrase")
    print(f"log scan: {lines} lines, {requests} request lines, checked against {len(ids)} child and worker identifiers "
          f"and {len(secrets)} user names and passphrases: {len(problems)} problems")
    for p in problems[:20]:
        print("  " + p)
    if requests < 20:
        problems.append("fewer than 20 request lines: request logging is not on")
        print("  fewer than 20 request lines: request logging is not on")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
