"""The store hands the checks only claims that share a block with another
claim (SQL in checks/base.py). That must never change a finding: compare with
the checks run over every claim."""
import json
import random
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
        monkeypatch.setattr(checks, "load_titles", lambda s, scoped=False: titled)
        monkeypatch.setattr(checks, "load_group_claims", lambda s, scoped=False: grouped)
        full = sorted(f.id for f in checks.compute(store))
    finally:
        store.close()
    assert filtered == full
    assert len(full) > 10


def _comparable(findings):
    return sorted((json.dumps({k: v for k, v in f.as_json().items() if k not in ("status", "acknowledged")}, ensure_ascii=False, sort_keys=True)
                   for f in findings))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_checks_after_adds_equal_a_full_check(tmp_path, seed):
    """Sources added a few at a time, checked after each add (only the new
    sources' scopes recomputed), end with exactly the findings of a full
    check of the same store."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench
    from factcheck import api

    bench.make_corpus(tmp_path / "synthetic", 70, seed=seed)
    files = [SEED_000, SEED_001, *sorted((tmp_path / "synthetic").glob("*.txt"))]
    if (CORPUS / "cases").exists():
        files += sorted((CORPUS / "cases").rglob("*.txt"))
    random.Random(seed).shuffle(files)
    db = str(tmp_path / "claims" / "f.duckdb")
    cut = sorted(random.Random(seed).sample(range(1, len(files)), 5))
    scoped_runs = 0
    for a, b in zip([0, *cut], [*cut, len(files)]):
        api.add_sources(db, [str(f) for f in files[a:b]])
        res = api.run_check(db)
        scoped_runs += not res.summary["recomputed"].startswith("all")
        store = open_store(db)
        try:
            full = checks.one_per_problem(checks.compute(store))
        finally:
            store.close()
        assert _comparable(res.findings) == _comparable(full)
    # most checks recomputed only scopes (a check after an add that merges
    # or relabels an entity recomputes all, and says so)
    assert scoped_runs >= 2
    assert len(full) > 10
