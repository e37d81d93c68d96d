"""The store hands the checks only claims that share a block with another
claim (SQL in checks/base.py). That must never change a finding: compare with
the checks run over every claim."""
import sys

import pytest

from conftest import CORPUS, ROOT, SEED_000, SEED_001

import factcheck.checks as checks
from factcheck.checks import base
from factcheck.store.db import open_store


def _everything(store):
    titled = base.load_claims(store, ("title",), "AND c.org IS NOT NULL AND coalesce(json_extract(c.detail, '$.former')::BOOLEAN, false) = false")
    grouped = base.load_claims(store, ("member_count", "members", "event"))
    return titled, grouped


def test_prefiltered_checks_find_exactly_what_full_checks_find(run, tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    import bench

    bench.make_corpus(tmp_path / "synthetic", 120)
    paths = [SEED_000, SEED_001, tmp_path / "synthetic"]
    if (CORPUS / "cases").exists():
        paths.append(CORPUS / "cases")
    assert run("add", *paths).exit_code in (0, None)
    store = open_store(run.db)
    try:
        filtered = sorted(f.id for f in checks.compute(store))
        titled, grouped = _everything(store)
        assert len(base.load_titles(store)) < len(titled)  # the filter does filter
        monkeypatch.setattr(checks, "load_titles", lambda s: titled)
        monkeypatch.setattr(checks, "load_group_claims", lambda s: grouped)
        full = sorted(f.id for f in checks.compute(store))
    finally:
        store.close()
    assert filtered == full
    assert len(full) > 10
