"""The organisation gazetteer (issue 9): names confirmed in a high-precision
context of one source are organisations in every other source of the store,
whatever order the sources come in. All sentences are invented."""
import json
from datetime import date

import duckdb
import pytest

from factcheck import api
from factcheck.nlp.pipeline import process

CODE = "가람온(123450)은 올해 매출이 늘었다고 2일 밝혔다.\n"
BARE = "업계에 따르면 가람온 송하늘 대표는 5일 신제품을 소개했다.\n"


def _doc(text, orgs=None):
    return next(process([(text, date(2024, 3, 5), None, orgs)] if orgs is not None else [(text, date(2024, 3, 5), None)]))


def _titles(doc):
    return [(c.subject, c.value, c.detail.get("org")) for c in doc._.fc_claims if c.kind == "title"]


def test_a_name_confirmed_elsewhere_is_an_organisation():
    # "가람온" reads as a person's name: bare, the title goes to the wrong person
    assert _titles(_doc(BARE)) == [("가람온", "대표", "송하늘")]
    doc = _doc(BARE, frozenset({"가람온"}))
    assert _titles(doc) == [("송하늘", "대표", "가람온")]
    assert doc._.fc_org_lookups["가람온"] is True
    # the organisation was known only from the gazetteer: the confirmations
    # come from a run without it (none here), never from what it made possible
    assert doc._.fc_org_evidence == []


@pytest.mark.parametrize("text, name, how", [
    (CODE, "가람온", "code"),
    ("그린타이드(GreenTide)가 첫 시험 운항을 마쳤다.\n", "그린타이드", "acronym"),
    ("한국항만연구원(KPRI)은 새 설비를 공개했다.\n", "한국항만연구원", "acronym"),
    ("협의회 출범\n\n수소도시 협의회에는 가람온, 누리솔, 다온빛 등 3개 기업이 참여한다.\n", "누리솔", "list"),
    ("누리솔 송하늘 대표는 신제품을 소개했다.\n", "누리솔", "title"),
])
def test_confirmations_keep_their_evidence(text, name, how):
    doc = _doc(text)
    got = [e for e in doc._.fc_org_evidence if e.name == name]
    assert got and got[0].how == how
    for e in doc._.fc_org_evidence:
        assert text[e.start:e.end] == e.name


@pytest.mark.parametrize("text", [
    "인공지능(AI) 반도체 수요가 늘었다.\n",  # a term glossed, not an organisation
    "칩렛(chiplet) 공정이 주목받는다.\n",
    "행사에는 김하늘, 박서준 등 2명이 참석했다.\n",  # people
    "협의회 출범\n\n수소도시 협의회에는 가람온, 누리솔, 다온빛 등 5개 기업이 참여한다.\n",  # the count is not the list
    "가람온·누리솔·다온빛 3곳 합류\n\n협의체가 커졌다.\n",  # a headline's list: too terse
])
def test_no_confirmation_from_weak_contexts(text):
    assert [e for e in _doc(text)._.fc_org_evidence if e.how in ("acronym", "list")] == []


def _write(folder, name, body, day):
    p = folder / name
    p.write_text(f"---\npublished: 2024-03-{day:02d}\noutlet: 가온일보\n---\n{body}", encoding="utf-8")
    return p


@pytest.fixture
def articles(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    a = _write(src, "a.txt", "가람온, 매출 늘어\n\n" + CODE, 2)
    b = _write(src, "b.txt", "신제품 발표회\n\n" + BARE, 5)
    c = _write(src, "c.txt", "협의체 출범\n\n가람온 송하늘 대표와 누리솔 한지민 사장이 협약서에 서명했다.\n", 6)
    return src, a, b, c


def _claims(db):
    return sorted(json.dumps({k: r[k] for k in ("path", "kind", "subject", "value", "org", "start", "end", "detail")}, ensure_ascii=False, sort_keys=True, default=str)
                  for r in api.list_claims(db))


def _store(tmp_path, name, *groups):
    db = str(tmp_path / name / "claims" / "f.duckdb")
    for g in groups:
        api.add_sources(db, [str(p) for p in g])
    return db


def test_incremental_equals_full_where_the_gazetteer_matters(tmp_path, articles):
    _src, a, b, c = articles
    full = _store(tmp_path, "full", [a, b, c])
    titles = {(r["subject"], r["org"]) for r in api.list_claims(full, kind="title")}
    assert ("송하늘", "가람온") in titles and "가람온" not in {s for s, _ in titles}
    want = _claims(full)
    assert _claims(_store(tmp_path, "abc", [a], [b], [c])) == want
    assert _claims(_store(tmp_path, "cba", [c], [b], [a])) == want
    assert _claims(_store(tmp_path, "b_ca", [b], [c, a])) == want


def test_removing_or_changing_the_confirming_source_takes_the_name_back(tmp_path, articles):
    src, a, b, c = articles
    db = _store(tmp_path, "s", [a, b])
    assert [o["name"] for o in api.list_orgs(db)] == ["가람온"]
    api.remove_source(db, str(a))
    assert api.list_orgs(db) == []
    assert _claims(db) == _claims(_store(tmp_path, "b", [b]))
    # a changed version of the source without the code: the same as never having it
    db2 = _store(tmp_path, "s2", [a, b])
    a.write_text(a.read_text(encoding="utf-8").replace("(123450)", ""), encoding="utf-8")
    api.add_sources(db2, [str(a)])
    assert _claims(db2) == _claims(_store(tmp_path, "ab2", [a, b]))


def test_orgs_lists_evidence_that_quotes_the_name(tmp_path, articles, run):
    _src, a, b, c = articles
    run("add", a, b, c)
    out = run.json("orgs")["orgs"]
    assert out and all(e["quote"] == o["name"] for o in out for e in o["evidence"])
    assert {e["how"] for o in out for e in o["evidence"]} >= {"code", "title"}


def test_a_store_from_before_the_gazetteer_is_filled_at_the_next_add(tmp_path, articles):
    _src, a, b, c = articles
    db = _store(tmp_path, "old", [a, b])
    con = duckdb.connect(db)  # as a release before the gazetteer left it
    con.execute("DROP TABLE org_names")
    con.execute("DROP TABLE org_lookups")
    con.execute("DROP TABLE org_changes")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    api.add_sources(db, [str(c)])
    assert "가람온" in [o["name"] for o in api.list_orgs(db)]
    assert _claims(db) == _claims(_store(tmp_path, "new", [a, b, c]))


def test_an_add_stopped_before_the_re_extraction_is_completed_by_the_next(tmp_path, articles, monkeypatch):
    from factcheck.ingest import gazetteer

    _src, a, b, c = articles
    db = _store(tmp_path, "s", [b])
    real = gazetteer.sync

    def killed(store, gaz):
        raise KeyboardInterrupt

    monkeypatch.setattr(gazetteer, "sync", killed)
    with pytest.raises(KeyboardInterrupt):
        api.add_sources(db, [str(a)])  # a is stored; b not yet extracted again
    monkeypatch.setattr(gazetteer, "sync", real)
    assert _claims(db) != _claims(_store(tmp_path, "ab", [a, b]))
    api.add_sources(db, [str(a)])  # nothing new to read
    assert _claims(db) == _claims(_store(tmp_path, "ab2", [a, b]))
