"""Issue 13: the findings of ``check`` are identical before and after the
checks were made to stream (claims one block at a time, sentences filled in
afterwards, findings merged per subject), on the development corpus and on a
4,000-source synthetic corpus.

tests/data/findings_digest.json keeps the SHA-256 of each corpus's findings
snapshot (``bench/findings_snapshot.py``: every finding whole, evidence in
its order) as the code before the change made it. When this fails, write
both snapshots and compare them to see what changed:

    PYTHONPATH=... .venv/bin/python bench/findings_snapshot.py before.json FOLDER   # under the old code
    .venv/bin/python bench/findings_snapshot.py after.json FOLDER
    .venv/bin/python bench/findings_snapshot.py --compare before.json after.json
"""
from __future__ import annotations

import json
import sys

import pytest
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))

DIGESTS = json.loads((ROOT / "tests" / "data" / "findings_digest.json").read_text(encoding="utf-8"))


def _check(folder) -> None:
    import findings_snapshot

    rows = findings_snapshot.snapshot([str(folder)])
    want = DIGESTS[folder.name]
    assert (len(rows), findings_snapshot.digest(rows)) == (want["findings"], want["sha256"])


@pytest.mark.skipif(not (CORPUS / "cases").exists(), reason="the development corpus (../shared/corpus) is not here")
def test_findings_of_the_development_corpus_are_unchanged():
    _check(CORPUS / "cases")


@pytest.mark.slow
def test_findings_of_a_4000_source_synthetic_corpus_are_unchanged(tmp_path):
    import bench

    bench.make_corpus(tmp_path / "c4000", 4000)
    _check(tmp_path / "c4000")
