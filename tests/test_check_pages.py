"""Issue 13: ``check`` keeps its findings on disk, not in memory. The result's
findings (``checks.FindingPages``) still behave as a list for callers: len,
iteration, indexing and slices, the same findings as a check over a list, and
the JSON printed a finding at a time is the JSON of the whole payload."""
import json
import sys

from conftest import ROOT, SEED_000, SEED_001

import factcheck.checks as checks
from factcheck import api
from factcheck.report import render
from factcheck.store.db import open_store


def test_findings_read_from_disk_behave_as_a_list(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import bench

    bench.make_corpus(tmp_path / "synthetic", 150)
    db = str(tmp_path / "claims" / "f.duckdb")
    api.add_sources(db, [str(SEED_000), str(SEED_001), str(tmp_path / "synthetic")])
    api.add_sources(db, [str(tmp_path / "synthetic")])
    res = api.run_check(db)
    pages = res.findings
    assert isinstance(pages, checks.FindingPages)
    listed = list(pages)
    assert len(pages) == len(listed) > 10
    assert [f.id for f in pages] == [f.id for f in listed]  # read again, the same
    assert pages[0].id == listed[0].id and pages[-1].id == listed[-1].id
    assert [f.id for f in pages[3:9:2]] == [f.id for f in listed[3:9:2]]
    assert bool(pages)
    # in the order people read them, each id once
    order = [(-checks.SEVERITY_ORDER[f.severity], f.attribute, f.subject, f.id) for f in listed]
    assert order == sorted(order) and len({f.id for f in listed}) == len(listed)
    # what a check over a list of findings shows
    store = open_store(db)
    try:
        full = checks.one_per_problem(checks.compute(store))
    finally:
        store.close()
    assert [f.as_json() | {"status": None} for f in full] == [f.as_json() | {"status": None} for f in listed]
    assert res.summary["errors"] == sum(f.severity == "error" for f in listed)
    # the JSON in pieces is the JSON of the whole
    assert render.to_json(res) == json.dumps(render.payload(res), ensure_ascii=False, indent=2, default=render._default)
    res.gone = [{"id": "Fx", "kind": "k", "values": '["a", "b"]', "message": "m", "extra": None}]
    assert render.to_json(res) == json.dumps(render.payload(res), ensure_ascii=False, indent=2, default=render._default)
    empty = checks.CheckResult([], [], 1, {"errors": 0})
    assert render.to_json(empty) == json.dumps(render.payload(empty), ensure_ascii=False, indent=2, default=render._default)
    # a second check: every finding unchanged, the same ones
    again = api.run_check(db)
    assert [f.id for f in again.findings] == [f.id for f in listed]
    assert {f.status for f in again.findings} == {"unchanged"}
