"""Findings of a full check, as JSON to compare across two versions of the code.

A change in how claims are loaded or iterated must not change a finding.
Run this under the old code and the new one over the same folders, then
compare the two files (``cmp`` or ``--compare``):

    PYTHONPATH=/path/to/old/checkout .venv/bin/python bench/findings_snapshot.py before.json ../shared/corpus/cases
    .venv/bin/python bench/findings_snapshot.py after.json ../shared/corpus/cases
    .venv/bin/python bench/findings_snapshot.py --compare before.json after.json

Each finding is written whole (id, kind, severity, subject, values, message,
evidence in its order, extra, scope), sorted by id; only ``status`` and
``acknowledged`` (which depend on earlier runs) are left out. The folders
are added to a fresh store in a temporary folder and checked with ``--full``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path


def snapshot(folders: list[str]) -> list[dict]:
    from factcheck import api

    with tempfile.TemporaryDirectory(prefix="factcheck-snapshot-") as tmp:
        db = str(Path(tmp) / "claims" / "factcheck.duckdb")
        api.add_sources(db, folders)
        res = api.run_check(db, full=True)
    rows = [dict({k: v for k, v in f.as_json().items() if k not in ("status", "acknowledged")}, scope=f.scope) for f in res.findings]
    return sorted(rows, key=lambda r: r["id"])


def compare(a: Path, b: Path) -> int:
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    if before == after:
        print(f"identical: {len(before)} findings")
        return 0
    old, new = ({f["id"]: f for f in x} for x in (before, after))
    print(f"differ: {len(before)} -> {len(after)} findings; only before {len(old.keys() - new.keys())}, "
          f"only after {len(new.keys() - old.keys())}, changed {sum(old[i] != new[i] for i in old.keys() & new.keys())}")
    return 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--compare", action="store_true", help="compare two snapshot files")
    ap.add_argument("out", help="the JSON file to write (with --compare: the first file)")
    ap.add_argument("folders", nargs="+", help="folders of articles (with --compare: the second file)")
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(Path(args.out), Path(args.folders[0])))
    rows = snapshot(args.folders)
    Path(args.out).write_text(json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{args.out}: {len(rows)} findings")


if __name__ == "__main__":
    main()
