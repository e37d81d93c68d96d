"""What a good run on the two seeds reports (SPEC "The seeds")."""

from conftest import SEED_000, SEED_001


def _findings(seeded):
    return seeded.json("check", "--fail-on", "never")["findings"]


def _problems(findings):
    return [f for f in findings if f["severity"] in ("error", "warning")]


def test_jeon_hongbeom_title_is_the_one_problem(seeded):
    problems = _problems(_findings(seeded))
    assert len(problems) == 1
    f = problems[0]
    assert f["subject"] == "전홍범" and f["attribute"] == "title" and f["severity"] == "warning"
    assert set(f["values"]) == {"AI·DX융합사업부문장 부사장", "AI·DX사업부문장 부사장"}
    quotes = {e["quote"] for e in f["evidence"]}
    assert "KT AI·DX융합사업부문장 전홍범 부사장" in quotes
    assert "전홍범 KT AI·DX사업부문장 부사장" in quotes


def test_traps_are_not_flagged(seeded):
    text = " ".join(" ".join(f["values"]) + " " + f["subject"] for f in _problems(_findings(seeded)))
    for trap in ("이상민", "장석영", "한양대", "KAIST", "박일평", "권봉석", "10"):
        assert trap not in text


def test_timeline_5_to_9_is_info_explained_by_joins(seeded):
    infos = [f for f in _findings(seeded) if f["attribute"] == "member_count"]
    assert len(infos) == 1
    f = infos[0]
    assert f["severity"] == "info" and f["values"] == ["5", "9"]
    assert f["subject"] == "AI 원팀"  # the group's name, not the summit the second article names it with
    for name in ("LG전자", "LG유플러스", "동원그룹", "한국투자증권"):
        assert name in f["message"]
    assert "explain it" in f["message"]
    # every known point: 5 at launch, 7 derived after LG전자 and LG유플러스 joined, 9 at the summit
    counts = [(p["date"], p["count"], bool(p.get("derived"))) for p in f["timeline"] if "count" in p]
    assert counts == [("2020-02", 5, False), ("2020-06-03", 7, True), ("2020-09-25", 9, False)]


def test_best_articles_block_yields_nothing(seeded):
    for f in _findings(seeded):
        for ev in f["evidence"]:
            assert ev["section"] != "furniture"
    text = SEED_000.read_text(encoding="utf-8")
    body = text[text.index("\n---\n", 4) + 5:]
    block_start = body.index("[뉴스핌 베스트 기사]")
    claims = seeded.json("claims", "--source", SEED_000)["claims"]
    in_block = [c for c in claims if c["start"] >= block_start]
    assert in_block, "the block names ministers and officials: their claims are kept"
    assert all(c["section"] == "furniture" for c in in_block)


def test_seed_claims(seeded):
    claims = seeded.json("claims", "--source", SEED_000)["claims"]
    body = [c for c in claims if c["section"] != "furniture"]
    titles = {(c["subject"], c["value"]) for c in body if c["kind"] == "title"}
    assert ("전홍범", "AI·DX융합사업부문장 부사장") in titles
    assert ("전홍범", "AI·DX사업부문장 부사장") in titles
    assert ("박일평", "최고기술책임자(CTO) 사장") in titles
    assert ("박일평", "CTO 사장") in titles
    assert sum(1 for c in body if c["kind"] == "title" and c["subject"] == "이상민") == 2
    counts = [c for c in body if c["kind"] == "member_count"]
    assert [(c["value"], c["as_of"]) for c in counts] == [("5", "2020-02-01")]
    joins = [c for c in body if c["kind"] == "event" and c["value"] == "join"]
    assert joins and all(c["as_of"] == "2020-06-03" for c in joins)
    assert {m["name"] for m in joins[0]["detail"]["members"]} == {"LG전자", "LG유플러스"}
    launch = [c for c in body if c["kind"] == "event" and c["value"] == "launch"]
    assert launch and launch[0]["as_of"] == "2020-02-01"
    # "5개 지역" (research sites) is not a member count
    assert not any("지역" in c["quote"] for c in counts)


def test_summit_claims(seeded):
    claims = seeded.json("claims", "--source", SEED_001)["claims"]
    people = {c["subject"] for c in claims if c["kind"] == "title"}
    assert people == {"장석영", "정일문", "박상규", "김우승", "정기선", "구현모", "신성철", "박인구", "권봉석", "이상민"}
    jang = {c["value"] for c in claims if c["subject"] == "장석영"}
    assert jang == {"제2차관", "2차관"}
    # the caption is printed twice but counted once
    caption = [c for c in claims if c["section"] == "caption" and c["kind"] == "title"]
    assert len(caption) == 10
    lists = [c for c in claims if c["kind"] == "members"]
    assert len(lists) == 2 and all(len(c["detail"]["members"]) == 9 for c in lists)
    assert all(c["as_of"] == "2020-09-25" for c in claims if c["kind"] in ("title", "members"))
    dongwon = [c for c in claims if c["kind"] == "event" and c["value"] == "join"]
    assert [m["name"] for m in dongwon[0]["detail"]["members"]] == ["동원그룹"]


def test_spans_are_exact(seeded):
    import duckdb

    con = duckdb.connect(seeded.db, read_only=True)
    bad = con.execute(
        """SELECT count(*) FROM claims c JOIN sources s ON s.id = c.source_id
           WHERE substring(s.text, c.start + 1, c."end" - c.start) <> c.quote"""
    ).fetchone()[0]
    con.close()
    assert bad == 0
    for f in _findings(seeded):
        for ev in f["evidence"]:
            assert ev["sentence"][ev["start"] - ev["sentence_start"]: ev["end"] - ev["sentence_start"]] == ev["quote"]
