"""The store hands the checks only claims that share a block with another
claim (SQL in checks/base.py). That must never change a finding: compare with
the checks run over every claim."""
import json
import random
import sys

import pytest
from conftest import CORPUS, ROOT, SEED_000, SEED_001

from factcheck import checks
from factcheck.checks import base
from factcheck.store.db import open_store


def _everything(store):
    """Every claim, ordered by block as the store streams them (a stable
    sort keeps the claims' order within a block)."""
    titled = base.load_claims(store, ("title",), "AND c.org IS NOT NULL AND coalesce(json_extract(c.detail, '$.former')::BOOLEAN, false) = false")
    grouped = base.load_claims(store, ("member_count", "members", "event"))
    return sorted(titled, key=base.title_block), sorted(grouped, key=base.group_block)


def test_prefiltered_checks_find_exactly_what_full_checks_find(run, tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    import bench

    bench.make_corpus(tmp_path / "synthetic", 120)
    paths = [SEED_000, SEED_001, tmp_path / "synthetic"]
    if (CORPUS / "cases").exists():
        paths.append(CORPUS / "cases")
    assert run("add", "--jobs", "2", *paths).exit_code in (0, None)  # issue 13: these hold with two extraction processes
    store = open_store(run.db)
    try:
        filtered = sorted(f.id for f in checks.compute(store))
        titled, grouped = _everything(store)
        assert len(list(base.load_titles(store))) < len(titled)  # the filter does filter
        monkeypatch.setattr(checks, "load_titles", lambda s, scoped=False: iter(titled))
        monkeypatch.setattr(checks, "load_group_claims", lambda s, scoped=False: iter(grouped))
        full = sorted(f.id for f in checks.compute(store))
    finally:
        store.close()
    assert filtered == full
    assert len(full) > 10


def _full_check(db):
    """The findings of a full check of the store, as people see them."""
    store = open_store(db)
    try:
        return checks.one_per_problem(checks.compute(store))
    finally:
        store.close()


def _comparable(findings):
    return sorted(json.dumps({k: v for k, v in f.as_json().items() if k not in ("status", "acknowledged")}, ensure_ascii=False, sort_keys=True)
                   for f in findings)


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
        api.add_sources(db, [str(f) for f in files[a:b]], jobs=2)
        res = api.run_check(db)
        scoped_runs += not res.summary["recomputed"].startswith("all")
        full = _full_check(db)
        assert _comparable(res.findings) == _comparable(full)
    # most checks recomputed only scopes (a check after an add that merges
    # or relabels an entity recomputes all, and says so)
    assert scoped_runs >= 2
    assert len(full) > 10


def test_a_new_source_that_merges_two_groups_by_their_members(tmp_path):
    """Outlet A calls the group by a descriptor, outlet B by its name; their
    member lists (same day) are the same, so they are one group (method
    member_overlap), and the count disagreement is found, incrementally exactly
    as by a full check. 'alias --split' keeps them apart again."""
    from click.testing import CliRunner

    from factcheck import api
    from factcheck.cli import cli

    a = tmp_path / "a.txt"
    a.write_text("---\npublished: 2024-05-02\noutlet: 가온일보\n---\n해양 데이터 협의체 출범\n\n"
                 "[가온일보 김기자 기자] 해양 데이터 협의체가 2일 출범했다.\n\n"
                 "협의체에는 가온해운, 누리조선, 다솜랩, 바다소프트 4개 기업이 참여한다.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("---\npublished: 2024-05-02\noutlet: 누리신문\n---\n'파도마루' 출범\n\n"
                 "[누리신문 이기자 기자] 바다 정보 연합 '파도마루'가 2일 출범했다.\n\n"
                 "파도마루에는 가온해운, 누리조선, 다솜랩, 바다소프트, 한빛항만 5개 기업이 참여한다.\n", encoding="utf-8")
    db = str(tmp_path / "claims" / "f.duckdb")
    api.add_sources(db, [str(a)])
    api.run_check(db)
    api.add_sources(db, [str(b)])
    res = api.run_check(db)
    conflicts = [f for f in res.findings if f.kind == "member_count_conflict"]
    assert len(conflicts) == 1 and sorted(conflicts[0].values) == ["4", "5"]
    assert conflicts[0].subject == "파도마루"  # the group's own name, not the other outlet's description of it
    store = open_store(db)
    try:
        full = checks.one_per_problem(checks.compute(store))
        method = store.scalar("SELECT method FROM entities WHERE kind = 'group' AND method = 'member_overlap' LIMIT 1")
    finally:
        store.close()
    assert _comparable(res.findings) == _comparable(full)
    assert method == "member_overlap"
    groups = {c["subject"] for c in api.list_claims(db, kind="member_count")}
    assert len(groups) == 2  # two names, one entity
    out = CliRunner().invoke(cli, ["--db", db, "alias", "--split", *sorted(groups)])
    assert out.exit_code == 0, out.output
    assert not [f for f in api.run_check(db).findings if f.kind == "member_count_conflict"]


def test_an_announced_change_of_post_is_not_a_conflict(tmp_path):
    """Outlet A: 이도윤 부사장 "was named" 사장; outlet B two weeks later: 이도윤
    사장. The change is announced, so the two ranks are info, not an error —
    also when B is checked before A arrives (the announcement dirties the
    person's block, so the incremental check equals the full one). Without
    the announcement the same two ranks are an error."""
    from factcheck import api

    a = tmp_path / "a.txt"
    a.write_text("---\npublished: 2024-03-05\noutlet: 가온일보\n---\n한빛그룹 인사\n\n"
                 "한빛전자 이도윤 부사장은 한빛전자 반도체사업부장 사장에 내정됐다.\n\n"
                 "한빛그룹은 김하늘 한빛전자 사장과 박서준 한빛화학 사장을 부회장으로 승진시키는 인사를 단행했다.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("---\npublished: 2024-03-20\noutlet: 누리신문\n---\n한빛전자 간담회\n\n"
                 "이도윤 한빛전자 사장은 20일 간담회에서 투자 계획을 밝혔다. 김하늘 한빛전자 부회장과 박서준 한빛화학 부회장도 참석했다.\n",
                 encoding="utf-8")
    c = tmp_path / "c.txt"
    c.write_text("---\npublished: 2024-03-04\noutlet: 다솜경제\n---\n한빛전자 실적\n\n"
                 "한빛전자 이도윤 부사장은 4일 실적을 설명했다. 김하늘 한빛전자 사장도 참석했다.\n", encoding="utf-8")
    db = str(tmp_path / "claims" / "f.duckdb")
    api.add_sources(db, [str(b), str(c)])
    before = api.run_check(db)
    errors = {f.subject for f in before.findings if f.kind == "title_conflict" and f.severity == "error"}
    assert errors == {"이도윤", "김하늘"}  # nothing announced yet: two ranks within a month
    api.add_sources(db, [str(a)])
    res = api.run_check(db)
    conflicts = [f for f in res.findings if f.kind == "title_conflict"]
    assert {f.subject for f in conflicts} == {"이도윤", "김하늘"}
    assert all(f.severity == "info" for f in conflicts), [(f.subject, f.severity, f.message) for f in conflicts]
    full = _full_check(db)
    assert _comparable(res.findings) == _comparable(full)


def test_a_promotion_list_explains_the_lower_rank_only(tmp_path, article):
    """A personnel list under "<승진>" names 문다온 부사장 and 서하준 전무;
    another outlet five days earlier has 문다온 전무 (the rank she moved up
    from: info) and 서하준 부사장 (above the rank he moved up to: still an
    error)."""
    from factcheck import api

    a = article("a.txt", "2026-03-20", "가온통신", "[인사] 라온소프트\n\n◇ 라온소프트\n\n<승진>\n"
                "▲ 부사장 문다온(경영총괄)\n▲ 전무 서하준(개발본부장)\n")
    b = article("b.txt", "2026-03-15", "누리신문", "라온소프트 간담회\n\n"
                "문다온 라온소프트 전무는 15일 간담회에서 계획을 밝혔다. 서하준 라온소프트 부사장도 참석했다.\n")
    db = str(tmp_path / "claims" / "p.duckdb")
    api.add_sources(db, [str(a), str(b)])
    sev = {f.subject: f.severity for f in api.run_check(db).findings if f.kind == "title_conflict"}
    assert sev == {"문다온": "info", "서하준": "error"}, sev
