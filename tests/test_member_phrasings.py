"""Member counts, lists and titles in phrasings the press uses beside the
usual ones: members counted by the noun the group is named for, polite
copulas, bullet and notice layouts, signers of a launch pact, lists by kind,
prospective members, designate titles. Made-up sentences only."""
from datetime import date

from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2025, 3, 5)):
    doc = next(process([(text, published, None)]))
    for c in doc._.fc_claims:
        assert 0 <= c.start <= c.end <= len(text)
        for m in c.detail.get("members", []) if c.kind == "members" else []:
            assert text[m["start"]:m["end"]] == m["name"]
    return doc._.fc_claims


def counts(cs):
    return [(c.detail["count"], c.detail["role"], c.detail.get("bound")) for c in cs if c.kind == "member_count"]


def test_cooperative_members_counted_by_their_noun():
    text = ("세움정밀기술연구조합은 9일 창립총회를 열었다.\n\n"
            "조합은 내년까지 3개 기관을 더 받아 조합원을 21곳으로 늘릴 계획이다.\n")
    assert (21, "planned", None) in counts(claims_of(text))


def test_noun_a_group_is_named_for_counts_its_members():
    text = ("가람 바이오 펀드에 돈을 댄 기관들이 만든 출자자협의회가 2일 출범했다.\n\n"
            "협의회 의장은 \"3호 펀드를 만들면 출자자가 19곳 안팎으로 늘어날 수 있다\"고 말했다.\n")
    assert (19, "planned", "about") in counts(claims_of(text))


def test_a_noun_no_group_is_named_for_counts_nothing():
    text = ("가람 바이오 펀드에 돈을 댄 기관들이 만든 출자자협의회가 2일 출범했다.\n\n"
            "협의회는 올해 심사역 19곳을 더 뽑는다.\n")
    assert 19 not in [n for n, _, _ in counts(claims_of(text))]


def titles(cs):
    return {(c.subject, c.value, c.detail.get("org"), c.detail.get("status")) for c in cs if c.kind == "title"}


def test_status_word_after_a_post_in_a_personnel_item():
    text = ("[인사] 세온금융\n\n◇세온은행\n▲은행장 내정자 도하림\n"
            "▲여신심사그룹장 직무대행 상무 남궁솔\n")
    got = titles(claims_of(text))
    assert ("도하림", "은행장", "세온은행", "designate") in got
    assert ("남궁솔", "여신심사그룹장", "세온은행", "acting") in got
    assert ("남궁솔", "상무", "세온은행", "current") in got


def test_bank_head_fused_with_its_bank_before_a_designate():
    text = "차기 누림은행장에는 서가윤 누림금융지주 부사장이 내정됐다.\n"
    got = titles(claims_of(text))
    assert ("서가윤", "누림은행장", "누림은행", "designate") in got
    assert ("서가윤", "부사장", "누림금융지주", "current") in got


def test_an_honorific_verb_before_a_name_is_no_name():
    text = "진행자: 연합회를 이끌고 계신 표지훈 회장 연결돼 있습니다.\n"
    got = titles(claims_of(text))
    assert all(p != "계신" for p, _, _, _ in got)
    assert any(p == "표지훈" and t == "회장" for p, t, _, _ in got)


def lists(cs):
    return [c for c in cs if c.kind == "members"]


def test_polite_copula_closes_a_member_list():
    text = ("'누리브릿지' 얼라이언스가 3일 출범했다.\n\n"
            "회원사는 다솔텍, 미르소재, 한별엔지니어링입니다.\n\n"
            "회원사는 다솔텍, 미르소재, 새온바이오 등입니다.\n")
    ls = lists(claims_of(text))
    assert [(c.value, c.detail["partial"]) for c in ls] == [
        ("다솔텍, 미르소재, 한별엔지니어링", False), ("다솔텍, 미르소재, 새온바이오", True)]


def test_bullet_lines_after_an_announced_member_list():
    text = ("'누리브릿지' 얼라이언스가 3일 출범했다. 창립 회원사는 다음과 같다.\n\n"
            "▲다솔텍 ▲미르소재 ▲한별엔지니어링\n\n"
            "참여 기업은 다음과 같다.\n· 다솔텍 · 미르소재\n· 새온바이오 · 라온랩\n")
    ls = lists(claims_of(text))
    assert [c.value for c in ls] == ["다솔텍, 미르소재, 한별엔지니어링", "다솔텍, 미르소재, 새온바이오, 라온랩"]
    assert all(c.subject == "누리브릿지" and not c.detail["partial"] for c in ls)


def test_announced_lines_that_are_not_members_are_left_alone():
    text = ("'누리브릿지' 얼라이언스가 3일 출범했다. 주요 내용은 다음과 같다.\n\n"
            "▲회원 확대 ▲공동 연구 추진\n\n"
            "수상 기업은 다음과 같다.\n· 다솔텍 · 미르소재\n")
    assert lists(claims_of(text)) == []


def test_notice_lines_of_kinds_make_one_list():
    text = ("누리시 공고\n\n「누리 먹거리 상생협의회」를 아래와 같이 발족하였음을 알립니다.\n\n"
            "1. 구    성: 5개 기관\n  ○ 공공(2): 누리시, 누리시 농업기술센터\n  ○ 민간(3): 미르푸드, 솔밭마트, 다온도시락\n2. 기능\n")
    ls = lists(claims_of(text))
    assert len(ls) == 1
    assert ls[0].value == "누리시, 누리시 농업기술센터, 미르푸드, 솔밭마트, 다온도시락"


def test_dash_lines_name_a_member_each_before_what_it_does():
    text = ("'누리브릿지' 얼라이언스가 3일 출범했다. 참여 기업은 다음과 같다.\n\n"
            "- 다솔텍 — 소재 공급\n- 미르소재 — 공정 개발\n- 한별엔지니어링: 설비\n")
    ls = lists(claims_of(text))
    assert [c.value for c in ls] == ["다솔텍, 미르소재, 한별엔지니어링"]


def test_a_one_syllable_piece_keeps_its_dot_in_the_name():
    text = "'누리브릿지' 얼라이언스 회원사는 다솔텍, 미르소재, 한·솔영농조합법인입니다.\n"
    ls = lists(claims_of(text))
    assert [m["name"] for m in ls[0].detail["members"]] == ["다솔텍", "미르소재", "한·솔영농조합법인"]


def test_laid_out_lines_before_any_group_is_named_are_left_alone():
    text = ("누리시 공고\n\n1. 구    성: 5개 기관\n  ○ 공공(2): 누리시, 누리시 농업기술센터\n"
            "  ○ 민간(3): 미르푸드, 솔밭마트, 다온도시락\n2. 기타: 운영위원회 의결을 거쳐 추가할 수 있음.\n")
    assert lists(claims_of(text)) == []
