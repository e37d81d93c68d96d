"""Phrasings met in a second set of real news (wrong findings, wrong claims,
misses), each on an invented sentence of the same structure."""
from datetime import date

from factcheck.copydesk import check_articles
from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 3, 5)):
    doc = next(process([(normalise(text), published, None)]))
    return doc._.fc_claims


def titles_of(text: str, **kw):
    return {(c.subject, c.value, c.detail.get("org"), c.detail.get("status") or "current")
            for c in claims_of(text, **kw) if c.kind == "title"}


def findings_of(article, *texts):
    paths = [str(article(f"a{i}.txt", "2024-03-05", f"가람일보{i}", t)) for i, t in enumerate(texts)]
    return [(f.severity, f.kind, f.subject) for f in check_articles(paths).findings]


def test_a_qualifier_fused_before_a_rank_keeps_the_rank():
    # "정무부시장" is a 부시장 (not 정무부시 + 시장); the qualifier is its role
    (c,) = [c for c in claims_of("한서윤 가람시 행정부시장은 \"협력하겠다\"고 말했다.\n") if c.kind == "title"]
    assert (c.subject, c.value, c.detail["rank"], c.detail["role"]) == ("한서윤", "행정부시장", "부시장", "행정")
    got = titles_of("누리식품 하윤슬 총괄부사장과 가람시 제1부시장 오세린이 참석했다.\n")
    assert {(s, v) for s, v, _, _ in got} == {("하윤슬", "총괄부사장"), ("오세린", "제1부시장")}


def test_a_qualified_rank_and_the_bare_rank_are_one_post(article):
    text = "가람시 한서윤 부시장이 개회사를 했다. 한서윤 가람시 행정부시장은 \"협력하겠다\"고 말했다.\n"
    assert findings_of(article, text) == []


def counts_of(text: str, **kw):
    return [(c.subject, c.detail["count"], c.detail["role"]) for c in claims_of(text, **kw) if c.kind == "member_count"]


def test_attendance_at_a_ceremony_is_no_member_count(article):
    text = ("'누리 얼라이언스' 출범\n\n어제 가람홀에서 12개 기업이 참가한 가운데 누리 얼라이언스 협약식이 열렸다. "
            "누리 얼라이언스 회원사는 모두 15곳이다.\n")
    assert [n for _, n, _ in counts_of(text)] == [15]
    assert findings_of(article, text) == []


def test_countries_and_places_a_network_reaches_are_no_members():
    text = "누리항공동맹은 세계 58개국 1천2백40개 공항을 잇는다. 누리항공동맹 회원사는 모두 11곳이다.\n"
    assert [n for _, n, _ in counts_of(text)] == [11]
    text = "누리항공동맹은 1백12개국에 취항한다. 이로써 누리항공동맹의 취항국은 40개국에서 52개국으로 늘었다.\n"
    assert counts_of(text) == []


def test_a_counter_ends_its_noun_and_organisations_count():
    text = "가람협회는 올해 7개 사업을 추진한다. 가람협회 회원사는 31개사다.\n"
    assert [n for _, n, _ in counts_of(text)] == [31]
    text = "'누리 원팀'은 지난해 출범했다. 출범식에는 모두 12개 조직이 참여했다.\n"
    assert [n for _, n, _ in counts_of(text)] == [12]


def test_growth_one_article_reports_with_its_first_count_dated_to_a_month(tmp_path, article):
    a = article("a.txt", "2023-05-24", "가람일보", "'누리 원팀' 출범\n\n'누리 원팀'이 24일 출범했다. 누리 원팀에는 12개 기업이 참여했다.\n")
    b = article("b.txt", "2024-07-02", "한빛경제",
                "'누리 원팀' 1년\n\n지난해 3월 열린 누리 원팀 발대식에는 모두 12개 조직이 함께했다. "
                "누리 원팀 회원사는 현재 16곳이다.\n")
    (f,) = check_articles([str(a), str(b)]).findings
    assert (f.kind, f.severity, f.values) == ("member_count_change", "info", ["12", "16"])
    assert "한빛경제" in str(f.message)


def test_a_name_with_one_syllable_replaced_by_two_outlets_on_one_day(tmp_path, article):
    a = article("a.txt", "2024-03-05", "가람일보", "누리회관 한도윤 사장은 5일 \"협력하겠다\"고 말했다.\n")
    b = article("b.txt", "2024-03-05", "한빛경제", "한가윤 누리회관 사장은 5일 협약식에 참석했다.\n")
    (f,) = check_articles([str(a), str(b)]).findings
    assert (f.kind, f.severity, sorted(f.values)) == ("name_spelling", "warning", ["한가윤", "한도윤"])
    # an article naming both: two people
    c = article("c.txt", "2024-03-05", "다온신문", "누리회관 한도윤 사장과 한가윤 누리회관 사장이 참석했다.\n")
    assert check_articles([str(a), str(b), str(c)]).findings == []
    # months apart: a successor, not a misspelling
    d = article("d.txt", "2024-09-05", "한빛경제", "한가윤 누리회관 사장은 5일 협약식에 참석했다.\n")
    assert check_articles([str(a), str(d)]).findings == []


def test_coordinated_promotions_share_the_last_verb():
    text = ("한도윤 가람전자 전무는 가람모터스 부사장으로, 서하람 누리물산 상무는 누리물산 전무로, "
            "김탁수 누리운용 사장은 누리증권 사장으로 각각 승진했다.\n")
    assert titles_of(text) == {
        ("한도윤", "전무", "가람전자", "former"), ("한도윤", "부사장", "가람모터스", "current"),
        ("서하람", "상무", "누리물산", "former"), ("서하람", "전무", "누리물산", "current"),
        ("김탁수", "사장", "누리운용", "former"), ("김탁수", "사장", "누리증권", "current"),
    }


def test_a_foreign_name_of_two_words_before_a_title_is_one_person():
    text = ("마르코 벨리니 토리노항공 CEO와 한나 쿠르츠 알펜에어 사장이 참석했다. 오로라항공의 루카스 펠린 대표는 "
            "\"환영한다\"고 말했다. 알펜에어 로버트 밀러 사장도 왔다.\n")
    got = {(s, v, o) for s, v, o, _ in titles_of(text)}
    assert got == {("마르코 벨리니", "CEO", "토리노항공"), ("한나 쿠르츠", "사장", "알펜에어"),
                   ("루카스 펠린", "대표", "오로라항공"), ("로버트 밀러", "사장", "알펜에어")}
    for c in claims_of(text):
        if c.kind == "title":
            assert c.subject in text[c.start:c.end]
    # a Korean name beside a foreign-looking organisation, a surname back-reference: as before
    got = {(s, v, o) for s, v, o, _ in titles_of("가람테크 김하늘 사장과 한서준 페이온 전무가 왔다. 라온테크 오 대표도 왔다.\n")}
    assert ("김하늘", "사장", "가람테크") in got and ("한서준", "전무", "페이온") in got
    assert all(" " not in s for s, _, _ in got)


def test_a_comma_with_no_space_after_it_separates_titled_names():
    got = titles_of("창립회원은 한서준 가람텍 사장,윤서아 누리재단 이사장,오세린 한빛협회장 등이다.\n")
    assert {(s, v) for s, v, _, _ in got} == {("한서준", "사장"), ("윤서아", "이사장"), ("오세린", "한빛협회장")}
    # a comma between digits stays inside its number
    assert [n for _, n, _ in counts_of("가람협회 회원사는 1,200곳이다.\n")] == [1200]


def test_coordinated_slots_each_take_the_last_verb():
    got = titles_of("총회에서는 한서준 가람연합회 회장(가람식품 대표)이 부회장에, 문가온 누리연합회 회장이 사무총장에, "
                    "오세린 한빛연합회 회장이 감사에 선임됐다.\n")
    assert {("한서준", "부회장"), ("문가온", "사무총장"), ("오세린", "감사")} <= {(s, v) for s, v, _, _ in got}
    got = titles_of("부회장에는 윤하진 가람연합회장, 감사는 서도현 누리연합회장, 간사는 문가온 한빛연합회장이 맡기로 했다.\n")
    assert {("윤하진", "부회장"), ("서도현", "감사"), ("문가온", "간사")} <= {(s, v) for s, v, _, _ in got}


def test_section_heads_secretaries_and_standing_advisers_are_titles():
    got = titles_of("가람경찰서 오준서 생활안전과장과 한빛재단 서도윤 상임고문, 문가온 청와대 산업정책비서관이 참석했다.\n")
    assert {(s, v, o) for s, v, o, _ in got} == {("오준서", "생활안전과장", "가람경찰서"), ("서도윤", "상임고문", "한빛재단"),
                                                ("문가온", "산업정책비서관", "청와대")}


def test_a_genitive_count_and_large_firms_count_members():
    assert counts_of("가온동맹은 총 9개의 회원사를 보유하고 있다.\n") == [("가온동맹", 9, "total")]
    text = "'누리 얼라이언스' 2기 출범\n\n누리 얼라이언스에는 총 18개의 대기업이 참여한다.\n"
    assert counts_of(text) == [("누리 얼라이언스", 18, "total")]


def test_industries_before_a_count_are_no_members():
    text = "'누리 얼라이언스' 2기 출범\n\n이번 모임에는 패션, 게임, 물류 등 총 18개의 대기업이 참여한다.\n"
    assert [c.kind for c in claims_of(text) if c.kind in ("members", "member_count")] == ["member_count"]


def test_counts_by_kind_before_their_total_are_parts():
    text = "'누리 얼라이언스' 출범\n\n회원은 12개 대기업, 20개 중소기업, 30개 스타트업 등 62개 기업이다.\n"
    assert [n for _, n, _ in counts_of(text)] == [62]


def test_a_verb_form_is_no_part_of_a_foreign_name():
    got = titles_of("업계에 따르면 가람온 대표 송하늘 씨는 \"협력하겠다\"고 말했다. 자료에 따르면 마르코 벨리니 토리노항공 CEO가 왔다.\n")
    assert all(not s.startswith("따르면") for s, _, _, _ in got)
    assert ("마르코 벨리니", "CEO") in {(s, v) for s, v, _, _ in got}
