"""Findings of a full check, as JSON to compare across two versions of the code.

A change in how claims are loaded or iterated must not change a finding.
Run this under the old code and the new one over the same folders, then
compare the two files (``cmp`` or ``--compare``):

    PYTHONPATH=/path/to/old/checkout .venv/bin/python bench/findings_snapshot.py before.json ../shared/corpus/cases
    .venv/bin/python bench/findings_snapshot.py after.json ../shared/corpus/cases
    .venv/bin/python bench/findings_snapshot.py --compare before.json after.json

The file's SHA-256 is printed too: tests/test_findings_unchanged.py keeps
those of the development corpus and of the 4,000-source synthetic corpus
(tests/data/findings_digest.json) and fails when a change alters a finding.

Each finding is written whole (id, kind, severity, subject, values, message,
evidence in its order, extra, scope), sorted by id; only ``status`` and
``acknowledged`` (which depend on earlier runs) are left out. The folders
are copied into a temporary workspace (so sources are named 'folder/file'
wherever the folders are), added to a fresh store there and checked with
``--full``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path


def snapshot(folders: list[str]) -> list[dict]:
    from factcheck import api

    with tempfile.TemporaryDirectory(prefix="factcheck-snapshot-") as tmp:
        db = str(Path(tmp) / "claims" / "factcheck.duckdb")
        copies = []  # copied into the workspace: paths are 'name/…' wherever the folders are
        for folder in map(Path, folders):
            copies.append(str(Path(tmp) / folder.name))
            (shutil.copytree if folder.is_dir() else shutil.copy2)(folder, copies[-1])
        api.add_sources(db, copies)
        res = api.run_check(db, full=True)
    rows = [dict({k: v for k, v in f.as_json().items() if k not in ("status", "acknowledged")}, scope=f.scope) for f in res.findings]
    return sorted(rows, key=lambda r: r["id"])


def dumps(rows: list[dict]) -> str:
    """The snapshot as written to its file."""
    return json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True)


def digest(rows: list[dict]) -> str:
    """SHA-256 of the snapshot file's text: what tests/data/findings_digest.json keeps."""
    import hashlib

    return hashlib.sha256(dumps(rows).encode()).hexdigest()


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
    Path(args.out).write_text(dumps(rows), encoding="utf-8")
    print(f"{args.out}: {len(rows)} findings, sha256 {digest(rows)}")


if __name__ == "__main__":
    main()
