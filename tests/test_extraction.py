"""Sentence-level extraction rules, on made-up sentences (no corpus names)."""
from datetime import date

from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 4, 18)):
    doc = next(process([(text, published, None)]))
    for c in doc._.fc_claims:
        assert 0 <= c.start <= c.end <= len(text)
    return doc._.fc_claims


def test_topic_and_list_launch_together():
    text = ("[서울=테스트] 김기자 기자 = 가온중공업이 '해양 안전 컨소시엄'을 꾸린다.\n\n"
            "가온중공업(123456)은 누리조선, 한빛엔지니어링, 세온랩과 함께 전날 컨소시엄을 출범시켰다.\n")
    cs = claims_of(text)
    ev = [c for c in cs if c.kind == "event"]
    assert len(ev) == 1 and ev[0].value == "launch"
    assert ev[0].subject == "해양 안전 컨소시엄"  # not "전날 컨소시엄"
    assert ev[0].as_of == date(2024, 4, 17)
    assert [m["name"] for m in ev[0].detail["members"]] == ["가온중공업", "누리조선", "한빛엔지니어링", "세온랩"]
    lists = [c for c in cs if c.kind == "members"]
    assert len(lists) == 1 and lists[0].detail["role"] == "launch"
    for m in lists[0].detail["members"]:
        assert text[m["start"]:m["end"]] == m["name"]


def test_joining_with_others():
    text = "다온텔레콤은 미르뱅크와 함께 지난달 수소 협의회에 새로 합류했다.\n"
    ev = [c for c in claims_of(text) if c.kind == "event"]
    assert len(ev) == 1 and ev[0].value == "join"
    assert [m["name"] for m in ev[0].detail["members"]] == ["다온텔레콤", "미르뱅크"]


def test_together_without_an_event_is_not_a_list():
    text = "한빛전자는 대학병원과 함께 환자 데이터를 분석한다.\n"
    assert [c for c in claims_of(text) if c.kind in ("event", "members")] == []


def test_time_words_are_not_part_of_a_group_name():
    for word in ("전날", "이날", "오늘", "지난달"):
        text = f"세진소재는 {word} 소재 얼라이언스에 합류했다.\n"
        ev = [c for c in claims_of(text) if c.kind == "event"]
        assert ev and ev[0].subject == "소재 얼라이언스", (word, ev)


def test_a_quote_inside_a_listed_name_stays_in_the_name():
    # found by the whole-pipeline property test: a stray quote inside a word
    text = '소재 얼라이언스에는 누리텔레콤, 한"빛증권, 세온랩 등 3곳이 참여한다.\n'
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert lists
    for m in lists[0].detail["members"]:
        assert text[m["start"]:m["end"]] == m["name"]
    assert '한"빛증권' in lists[0].value


def test_two_joiners_make_one_event():
    text = "수소 협의회에는 지난달 미르모터스와 서해플랜트가 합류했다.\n"
    ev = [c for c in claims_of(text) if c.kind == "event"]
    assert len(ev) == 1 and [m["name"] for m in ev[0].detail["members"]] == ["미르모터스", "서해플랜트"]
    assert ev[0].detail and text[ev[0].start:ev[0].end].endswith("합류했다")


def test_group_proper_name_labels_descriptors_and_bare_mentions():
    """A descriptor apposed to a quoted name, the name with a particle, and a
    bare descriptor are one group, labelled by its proper name."""
    text = ("[한빛경제 박도윤 기자] 해양 데이터 협의체 '파도마루'가 5일 출범했다.\n\n"
            "파도마루에는 가온해운, 누리조선, 다솜대학교 등 3개 기관이 참여한다.\n\n"
            "협의체는 연내 회원사를 10곳으로 늘릴 계획이다.\n")
    cs = claims_of(text)
    counts = [c for c in cs if c.kind == "member_count"]
    assert {(c.subject, c.value, c.detail["role"]) for c in counts} == {("파도마루", "3", "total"), ("파도마루", "10", "planned")}
    lists = [c for c in cs if c.kind == "members"]
    assert [c.subject for c in lists] == ["파도마루"]


def test_a_descriptor_before_a_quoted_group_name_is_that_group():
    """"N개 기업이 모인 … 연합체 '이름 얼라이언스'": the count is the named
    group's, and a by-line's "=" glued to the first member is not part of it."""
    text = ("한빛경제 박도윤 기자 =가온그룹, 누리타이어 등 12개 기업이 모인 지역 상생 연합체 '온누리 얼라이언스'가 "
            "활동에 들어간다.\n\n온누리 얼라이언스는 지난해 결성됐다.\n")
    cs = claims_of(text)
    counts = [c for c in cs if c.kind == "member_count"]
    assert [(c.subject, c.value) for c in counts] == [("온누리 얼라이언스", "12")]
    lists = [c for c in cs if c.kind == "members"]
    assert [(c.subject, [m["name"] for m in c.detail["members"]]) for c in lists] == [("온누리 얼라이언스", ["가온그룹", "누리타이어"])]


def test_an_adjective_in_ics_is_not_part_of_a_group_name():
    """"본격적인 협회 활동": "-적인" describes; the group is the association."""
    text = "새 지회는 지난달 26일 창립총회에서 초대 지회장을 뽑고 본격적인 협회 활동을 시작했다.\n"
    cs = claims_of(text)
    assert not [c for c in cs if "본격적인" in c.subject]


def test_count_roles_and_what_is_not_a_member_count():
    text = ("'바람길 연합'은 기존 7곳에서 9곳으로 늘었다. 신규 회원사 2곳은 모두 스타트업이다.\n\n"
            "연합 회원사가 운영하는 물류센터 4곳도 함께 쓴다. 40개 기업에서 120여명이 참석했다.\n")
    cs = [c for c in claims_of(text) if c.kind == "member_count"]
    got = {(c.value, c.detail["role"], c.as_of_precision) for c in cs}
    assert ("7", "total", "before") in got
    assert ("2", "joined") in {(v, r) for v, r, _ in got}
    assert "4" not in {v for v, _, _ in got}  # warehouses, not members
    assert "40" not in {v for v, _, _ in got}  # attendees' organisations


def test_joiners_named_together_are_a_members_claim():
    text = "가온모터스와 누리플랜트가 '수소 도시 협의회'에 새로 합류했다.\n"
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert len(lists) == 1 and lists[0].detail["role"] == "joined"
    assert [m["name"] for m in lists[0].detail["members"]] == ["가온모터스", "누리플랜트"]


def test_admitted_members_are_a_joined_list():
    """"A, B, C의 가입을 승인했다" and "A, B를 신규 회원사로 받아들였다": joiners;
    "A, B를 협력사로 선정했다" admits nobody to the group."""
    pre = "[한빛경제 박도윤 기자] '물길 얼라이언스'가 정기회의를 열었다.\n\n"
    for sentence in ("얼라이언스는 8일 가온해운, 누리조선, 다솜랩의 가입을 승인했다.\n",
                     "얼라이언스는 가온해운, 누리조선, 다솜랩을 신규 회원사로 받아들였다고 밝혔다.\n"):
        lists = [c for c in claims_of(pre + sentence) if c.kind == "members"]
        assert [(c.subject, c.detail["role"], [m["name"] for m in c.detail["members"]]) for c in lists] == [
            ("물길 얼라이언스", "joined", ["가온해운", "누리조선", "다솜랩"])]
    assert not [c for c in claims_of(pre + "회사는 가온해운, 누리조선을 협력사로 선정했다.\n") if c.kind == "members"]


def test_lists_closed_by_deung():
    """"A, B, C 등이 참여했다" ends at C; "A, B 등 국내 기업들이" ends at B; "회원사는
    A, B, C 등이다" is a list; kinds of company ("전자회사와 통신회사") are not one."""
    pre = "[한빛경제 박도윤 기자] '미래차 얼라이언스'가 출범했다.\n\n"

    def lists(sentence):
        return [(c.detail["partial"], [m["name"] for m in c.detail["members"]]) for c in claims_of(pre + sentence) if c.kind == "members"]

    assert lists("얼라이언스에는 가온모터스, 누리전자, 다솜랩, 라온텔레콤 등이 참여했다.\n") == [(True, ["가온모터스", "누리전자", "다솜랩", "라온텔레콤"])]
    assert lists("가온모터스, 누리전자, 다솜랩 등 국내 기업들이 얼라이언스에 참여한다.\n") == [(True, ["가온모터스", "누리전자", "다솜랩"])]
    assert lists("얼라이언스 회원사는 가온모터스, 누리전자, 다솜랩, 라온텔레콤 등이다.\n") == [(True, ["가온모터스", "누리전자", "다솜랩", "라온텔레콤"])]
    assert lists("그는 사과, 배, 감 등이 좋다고 말했다.\n") == []
    assert lists("얼라이언스에는 전자회사와 통신회사, 소재회사가 참여했다.\n") == []


def test_short_name_defined_with_iha_refers_to_the_group():
    """"'바다 데이터 얼라이언스(이하 바다 얼라이언스)'" defines the short name the
    article then uses: claims under it belong to the full name."""
    text = ("[한빛경제 박도윤 기자] '바다 데이터 얼라이언스(이하 B-얼라이언스)'가 5일 출범했다.\n\n"
            "B-얼라이언스에는 가온해운, 누리조선, 다솜랩 등 3개 기업이 참여한다.\n")
    subjects = {c.subject for c in claims_of(text) if c.kind in ("member_count", "members")}
    assert subjects == {"바다 데이터 얼라이언스"}


def test_a_sentence_naming_no_group_takes_the_one_named_just_before():
    """Two alliances in one article: a count in a sentence that names no group
    belongs to the group named (in quotes) just before it in the paragraph,
    not to the article's main group; "합류해 있다" is the membership, not joiners."""
    text = ("[한빛경제 박도윤 기자] 'AX 연합'이 출범했다. AX 연합은 가온랩, 누리소프트 등 6개사로 구성됐다. AX 연합은 클라우드를 공급한다.\n\n"
            "다솜정보도 6월 '데이터 얼라이언스'를 띄웠다. 다솜정보를 포함해 라온시스템, 바다텍 등 40개사가 합류해 있다.\n\n"
            "운영위원회는 다음 달 첫 회의를 연다. 전날 출범식에는 가온랩과 누리소프트 등 여섯 곳이 참여했다.\n")
    counts = {(c.subject, c.value, c.detail["role"]) for c in claims_of(text) if c.kind == "member_count"}
    assert ("데이터 얼라이언스", "40", "total") in counts
    assert ("AX 연합", "6", "total") in counts
    assert not any(s == "운영위원회" for s, _, _ in counts)


def test_founding_pact_and_glued_copula_lists():
    """"X는 … 출범식을 열고 A, B, C와 협약을 맺었다": X and the list founded the
    group; "…에 참여한 곳은 A, B, C다": the copula is glued to the last name."""
    pre = "[한빛경제 박도윤 기자] '미래 소재 컨소시엄'이 출범했다.\n\n"
    got = [c for c in claims_of(pre + "가온소재는 12일 본사에서 '미래 소재 컨소시엄' 출범식을 열고 누리화학, 다솜장비, 라온대학교와 공동 개발 협약을 맺었다고 밝혔다.\n") if c.kind == "members"]
    assert [(c.detail["role"], [m["name"] for m in c.detail["members"]]) for c in got] == [("launch", ["가온소재", "누리화학", "다솜장비", "라온대학교"])]
    text = pre + "업계에 따르면 컨소시엄에 참여한 곳은 가온소재, 누리화학, 다솜장비, 라온대학교다.\n"
    got = [c for c in claims_of(text) if c.kind == "members"]
    assert [[m["name"] for m in c.detail["members"]] for c in got] == [["가온소재", "누리화학", "다솜장비", "라온대학교"]]
    for m in got[0].detail["members"]:
        assert text[m["start"]:m["end"]] == m["name"]
    assert not [c for c in claims_of(pre + "그가 좋아하는 곳은 서울, 부산, 대구다.\n") if c.kind == "members"]


def test_group_name_word_ending_in_in():
    """"콜드체인 얼라이언스": a noun ending in 인 right before the group word is
    part of its name (not the adnominal 인 of "수요 기업인 A")."""
    text = "[한빛경제 박도윤 기자] 20일 업계에 따르면 콜드체인 얼라이언스 회원사는 가온물류, 누리냉장, 다솜푸드 등 12곳이다.\n"
    got = {(c.kind, c.subject) for c in claims_of(text) if c.kind in ("member_count", "members")}
    assert got == {("member_count", "콜드체인 얼라이언스"), ("members", "콜드체인 얼라이언스")}


def test_lists_named_members_by_their_predicate_or_noun():
    """"A와 B, C는 … 'G' 회원사이기도 하다" lists members of G (partial), not of the
    article's group; "A와 B 등 기존 회원사들은" is a member list; a headline's
    "A·B 합류" names joiners when the article names A and B as organisations."""
    text = ("가온랩·누리소프트 '데이터 연합' 합류\n\n[한빛경제 박도윤 기자] '데이터 연합'에 가온랩과 누리소프트가 새로 합류했다.\n\n"
            "다솜정보와 라온시스템, 바다텍은 회원사 30곳 규모의 '클라우드 포럼' 회원사이기도 하다.\n\n"
            "다솜정보와 라온시스템 등 기존 회원사들은 시범 사업 결과를 공유했다.\n")
    lists = [(c.subject, c.detail["role"], c.detail["partial"], [m["name"] for m in c.detail["members"]]) for c in claims_of(text) if c.kind == "members"]
    assert ("클라우드 포럼", "total", True, ["다솜정보", "라온시스템", "바다텍"]) in lists
    assert ("데이터 연합", "total", True, ["다솜정보", "라온시스템"]) in lists
    assert ("데이터 연합", "joined", True, ["가온랩", "누리소프트"]) in lists


def test_latin_names_with_spaces_ordinals_and_qualified_counts():
    pre = "[한빛경제 박도윤 기자] '디지털 연합'이 출범했다.\n\n"
    lists = [c for c in claims_of(pre + "연합에는 SK C&C, KT DS, SK On, 가온정보 등 4개 기업이 참여한다.\n") if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["SK C&C", "KT DS", "SK On", "가온정보"]
    counts = [c for c in claims_of(pre + "연합은 가온정보가 열두 번째 회원사로 이름을 올렸다고 밝혔다.\n") if c.kind == "member_count"]
    assert [(c.value, c.detail["role"]) for c in counts] == [("12", "total")]
    counts = [c for c in claims_of(pre + "연합은 협회를 제외하면 11개 기업으로 구성됐다.\n") if c.kind == "member_count"]
    assert [(c.value, c.detail["role"], c.detail["qualification"]["what"]) for c in counts] == [("11", "total", "협회")]
    assert not [c for c in claims_of(pre + "그는 세 번째 회의에 참석했다.\n") if c.kind == "member_count"]


def test_title_without_its_organisation_takes_the_one_the_article_gives():
    """"국영진 남녘관광공사 섬관광사업본부장" then "국영진 섬관광마케팅본부장은": one
    organisation for the person in the article, the same rank (none): the second
    title is at it too, so the two spellings are compared; a different rank
    ("부회장에는 … 송하늘") may be another post and stays without one."""
    text = ("[한빛경제 박도윤 기자] 패스 기획은 하도윤 가온관광공사 섬관광사업본부장이 이끈다.\n\n"
            "하도윤 섬관광마케팅본부장은 \"정보를 모으겠다\"고 말했다.\n")
    titles = [c for c in claims_of(text) if c.kind == "title" and c.subject == "하도윤"]
    assert {c.detail.get("org") for c in titles} == {"가온관광공사"}


def test_a_unit_whose_head_is_a_post_is_not_a_person():
    """"… 솔루션 부문 메모리사업부장 사장": 부문 (a 부문장's unit) is not a name,
    however much it looks like a surname and a syllable."""
    text = "한빛전자 박서준 부사장은 한빛전자 반도체 솔루션 부문 메모리사업부장 사장에 내정됐다.\n"
    titles = [c for c in claims_of(text) if c.kind == "title"]
    assert titles and {c.subject for c in titles} == {"박서준"}


def test_a_title_in_a_polite_copula_ends_the_list():
    """Broadcast copy ends lists of people with "…상무입니다": the last one counts."""
    text = "현재 실무 임원은 김하늘 가온건설 전무, 박서준 누리산업 상무입니다.\n"
    titles = {(c.subject, c.value) for c in claims_of(text) if c.kind == "title"}
    assert titles == {("김하늘", "전무"), ("박서준", "상무")}


def test_common_nouns_after_a_title_are_not_people():
    """"부회장으로 선임될 예정입니다": 예정 (like 계획, 방침, 임기) is no one's name."""
    text = "박서준 누리산업 회장은 부회장으로 선임될 예정입니다. 부회장 임기는 3년이다. 사장 계획은 미정이다.\n"
    people = {c.subject for c in claims_of(text) if c.kind == "title"}
    assert not people & {"예정", "임기", "계획"}


def test_kinds_of_member_naming_their_members_in_brackets():
    """"완성차 기업(한빛모터스)과 전자회사(누리전자), … 회사(다솜소프트·바람랩)
    등이 참여했다": the members are the names in the brackets; counts in
    brackets ("대기업(3곳)") are not names."""
    text = ("'그린 모빌리티 얼라이언스'에는 완성차 기업(한빛모터스)과 전자회사(누리전자), 통신회사(가온텔레콤), "
            "소프트웨어 회사(다솜소프트·바람랩) 등이 참여했다. '바다 협의회'에는 대기업(3곳)과 중소기업(5곳) 등이 참여했다.\n")
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [(c.subject, [m["name"] for m in c.detail["members"]]) for c in lists] == [
        ("그린 모빌리티 얼라이언스", ["한빛모터스", "누리전자", "가온텔레콤", "다솜소프트", "바람랩"])]
    for m in lists[0].detail["members"]:
        assert text[m["start"]:m["end"]] == m["name"]


def test_rates_shares_and_parts_by_region_are_not_member_counts():
    """An association's members counted by region, as a share, as a yearly
    rate, and members expelled or newly joined: only the totals are totals."""
    text = ("'한빛기재협회' 회원사가 지난달 30일 현재 300개사로 집계됐다. 집행부 출범 직전 240개 회원사에서 60개사가 늘어 "
            "매년 20개 회원사씩 늘어난 셈이다. 서울지역이 150개 회원사로 전체의 50%를 차지했고, 경기 지역이 60개 회원사, "
            "강원 20개 회원사 순이었다. 가온덴탈이 전체 회원사의 3%를 차지하는 9개 회원사로 나타났다. "
            "협회는 장기미납업체 30개사를 제명했고 올해 45개 업체가 신규회원으로 가입했다.\n")
    cs = [c for c in claims_of(text) if c.kind == "member_count"]
    got = {(c.value, c.detail["role"]) for c in cs}
    assert ("300", "total") in got and ("60", "joined") in got
    assert not {v for v, _ in got} & {"20", "150", "9"}
    assert ("30", "left") in got and ("45", "joined") in got
    assert ("45", "total") not in got and ("30", "total") not in got


def test_a_long_description_before_a_listed_name():
    """"X와 Y를 비롯해 이스라엘의 … 솔루션 기업 A, 독일 차량 부품사 B 등이
    합류했다": a kind of company takes a long description, and the list goes
    on past it; a joiner named only by a counter ("네 곳이 합류했고") is no
    member; "X는 … 얼라이언스에 합류한 기업과 …" says nothing of X joining."""
    text = ("'KM 자율주행 얼라이언스'에는 누리모빌리티의 주주로 참여한 한빛그룹과 가온칼텍스를 비롯해 이스라엘의 자율주행 원격 "
            "관제 솔루션 기업 드라이브온, 독일 차량 부품사 콘티파츠 등이 합류했다. 이후 네 곳이 차례로 합류했다. "
            "다솜정보는 '한빛 AI 얼라이언스'에 합류한 혁신 기업과 함께 일한다.\n")
    cs = claims_of(text)
    lists = [c for c in cs if c.kind == "members"]
    assert [[m["name"] for m in c.detail["members"]] for c in lists] == [["한빛그룹", "가온칼텍스", "드라이브온", "콘티파츠"]]
    joined = [m["name"] for c in cs if c.kind == "event" for m in c.detail["members"]]
    assert "곳" not in joined and "다솜정보" not in joined


def test_people_promoted_in_one_sentence_leave_their_rank():
    """"A 상무와 B 상무 등 2명은 전무로 승진했다", "A 상무, B 상무를 각각
    부사장으로 승진시켰다": the ranks they are named with are former; a
    speaker of another clause ("A 전무는 B 상무가 부사장으로 승진한 데 대해")
    keeps his."""
    def titles(text):
        return {(c.subject, c.value, c.detail["status"]) for c in claims_of(text) if c.kind == "title"}

    assert {("김하늘", "상무", "former"), ("박서준", "상무", "former")} <= titles(
        "한빛전자는 김하늘 상무와 박서준 상무 등 2명은 전무로 승진했다고 밝혔다.\n")
    assert {("김하늘", "상무", "former"), ("박서준", "상무", "former")} <= titles(
        "한빛전자는 김하늘 상무, 박서준 상무를 각각 부사장으로 승진시켰다.\n")
    got = titles("김하늘 한빛전자 전무는 이도윤 상무가 부사장으로 승진한 데 대해 축하했다.\n")
    assert ("김하늘", "전무", "current") in got and ("이도윤", "상무", "former") in got
    # to a rank after a board role
    assert ("한서윤", "부사장", "former") in titles(
        "누리그룹이 27일 한서윤 누리반도체(123450) 부사장을 대표이사 사장으로 승진시키는 등 임원 인사를 단행했다.\n")


def test_verbal_nouns_after_a_title_are_not_people():
    """"서울시 부시장 진출로", "회장 시절", "사장 복귀": nouns of what someone
    did, not who."""
    text = "박서준 한빛물산 부회장의 서울시 부시장 진출로 자리가 비었다. 김하늘 회장 시절 실적이 좋았다. 한빛전자 사장 복귀 여부가 관심이다.\n"
    people = {c.subject for c in claims_of(text) if c.kind == "title"}
    assert not people & {"진출", "시절", "복귀"}


def test_a_noun_ending_in_ga_is_not_one_syllable_and_a_particle():
    """"추가 합류를 확정했다", "추가 가입을 추진": 추가 is a word; nobody named "추" joined."""
    text = "한빛중공업과 누리토건 등은 가온건설 컨소시엄에 추가 합류를 확정했다. 협의회는 숙박업체의 추가 가입을 추진하고 있다.\n"
    joined = [m["name"] for c in claims_of(text) if c.kind in ("event", "members") for m in c.detail.get("members") or []]
    assert "추" not in joined


def test_a_join_ahead_is_no_event_and_a_count_names_no_one():
    """"A와 B가 … 합류할 예정이다" has not happened; "업체 2개가 합류" names no member."""
    def events(text):
        return [c for c in claims_of(text) if c.kind == "event"]

    assert not events("한빛중공업과 누리토건이 '가온 컨소시엄'에 합류할 예정이다.\n")
    assert all(m["name"] != "2개" for c in events("업체 2개가 '가온 컨소시엄'에 합류했다.\n") for m in c.detail["members"])
    done = events("한빛중공업과 누리토건이 '가온 컨소시엄'에 합류했다.\n")
    assert [[m["name"] for m in c.detail["members"]] for c in done] == [["한빛중공업", "누리토건"]]


def test_a_chamber_of_commerce_keeps_its_name():
    """"서울상의", "대한상의가": 상의 (상공회의소) is the name's end, not 상 + 의; its
    board is "서울상의 부회장단", and "3명이 합류한다" names no joiner."""
    text = ("김하늘 서울상의 회장은 24일 총회를 열었다. 박서준 가온물산 부회장 등 3명이 서울상의 부회장단에 새로 합류한다. "
            "이로써 서울상의 비상근 부회장단은 23명으로 늘어난다.\n")
    cs = claims_of(text)
    assert ("김하늘", "서울상의") in {(c.subject, c.detail.get("org")) for c in cs if c.kind == "title"}
    assert not [m for c in cs if c.kind == "event" for m in c.detail["members"] if m["name"] == "3명"]
    assert {c.subject for c in cs if c.kind == "member_count"} <= {"서울상의 부회장단"}


def test_new_members_announced_are_joiners_not_the_total():
    """An association admits new members: the 20 are joiners however the
    outlet words it, the list of their names is a list of joiners, 427 is the
    total, and last August's figure belongs to last August."""
    text = ("가온·누리 등 20개 기업 한빛경제협회 합류\n\n"
            "20개 기업이 한빛경제협회(한경협·옛 한빛경제연합)에 정식 회원사로 가입했다. 이번 신규 회원사는 20개사로 이로써 "
            "회원사는 총 427개사가 됐다. 협회는 회원가입을 신청한 20개사에 대한 신규 입회를 승인했다. "
            "신규 회원사로 이름을 올린 기업은 가온제강, 누리케미컬, 다솜유업 등이다. "
            "지난해 8월 한빛·가람·다온·라온 등 4대 그룹이 재가입하면서 다시 430여곳으로 확대됐다.\n")
    cs = claims_of(text, published=date(2024, 2, 16))
    counts = {(c.value, c.detail["role"]) for c in cs if c.kind == "member_count"}
    assert ("20", "total") not in counts and ("20", "joined") in counts and ("427", "total") in counts
    c430 = [c for c in cs if c.kind == "member_count" and c.value == "430"]
    assert c430 and c430[0].as_of == date(2023, 8, 1)
    lists = {(tuple(m["name"] for m in c.detail["members"]), c.detail["role"]) for c in cs if c.kind == "members"}
    assert (("가온제강", "누리케미컬", "다솜유업"), "joined") in lists
    assert not [names for names, role in lists if "한빛" in names and role == "total"]


def test_a_list_of_fields_before_a_sector_noun_names_no_members():
    """"항법, 관제, 배터리 분야 기업이 새로 합류했다": the listed words are the
    joiners' fields, not joiners; a list closed by 등 before "… 분야 기업 3곳"
    still names its members."""
    text = ("'하늘길 협의회'에 항법, 관제, 배터리 분야 기업이 새로 합류했다. "
            "'누리 협의체'에 보험과 증권, 인터넷은행 업종 회사가 가입했다. "
            "'바다 협의회'에는 한빛해운, 누리조선, 가온중공업 등 조선 분야 기업 3곳이 참여했다.\n")
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [(c.subject, [m["name"] for m in c.detail["members"]]) for c in lists] == [
        ("바다 협의회", ["한빛해운", "누리조선", "가온중공업"])]


def test_a_group_quoted_with_any_particle_and_built_by_its_count():
    """"5개 기관으로 꾸린 '실증 협의체'와도 협력": a closing quote ends the
    name whatever particle follows (와도, 도), and the count before "으로 꾸린"
    belongs to the group after it, not to the article's main group; the
    bare "협의체에는" of the next sentence is that group too."""
    text = ("'누리 얼라이언스'에는 한빛모터스, 다올내비, 케이로드 등 8개 기업이 참여한다. "
            "얼라이언스는 5개 기관으로 꾸린 '실증 협의체'와도 협력하기로 했다. "
            "협의체에는 교통안전원, 서해공사, 한빛모터스, 케이로드, 미래차연구소가 참여하고 있다.\n")
    got = [(c.kind, c.subject, int(c.value) if c.kind == "member_count" else len(c.detail["members"]))
           for c in claims_of(text) if c.kind in ("member_count", "members")]
    assert got == [("member_count", "누리 얼라이언스", 8), ("members", "누리 얼라이언스", 3),
                   ("member_count", "실증 협의체", 5), ("members", "실증 협의체", 5)], got


def test_a_group_defined_by_a_copula_names_its_descriptor_and_the_news_date_returns():
    """"H2링크는 … 출범한 민간 수소 협력체다": the topic defined as a group is
    its proper name, so "한빛에너지 주도 수소 얼라이언스 H2링크가" is that group
    (주도 is no part of a name); "이번 가입으로 …" is about the day of the
    news, not the founding day the sentence before named."""
    text = ("서울--(뉴스와이어) 2026년 06월 15일 -- 한빛에너지 주도 수소 얼라이언스 H2링크가 15일 태림가스와 미래로직스를 신규 회원사로 맞았다고 밝혔다.\n\n"
            "H2링크는 2026년 2월 10일 한빛에너지 등 5개 기업·기관이 모여 출범한 민간 수소 협력체다. "
            "이번 가입으로 H2링크는 한빛에너지, 대성수소, 세진모빌리티, 울산테크노파크, 한국수소기술원, 태림가스, 미래로직스 7개사로 구성됐다.\n")
    cs = [c for c in claims_of(text, date(2026, 6, 15)) if c.kind in ("member_count", "members")]
    assert {c.subject for c in cs} == {"H2링크"}
    got = {(c.kind, c.value if c.kind == "member_count" else len(c.detail["members"]), str(c.as_of)) for c in cs}
    assert ("member_count", "5", "2026-02-10") in got
    assert ("member_count", "7", "2026-06-15") in got and ("members", 7, "2026-06-15") in got


def test_a_founding_count_after_its_date_and_a_change_with_an_arrow():
    """"지난해 11월 아홉 곳으로 출범한 X": the month between the count and
    nothing else is no noun counted, so the count is X's founding total;
    "회원사 9곳→12곳" is a change, the first number the total before it."""
    text = ("모바일 결제 얼라이언스 '결제링크'에 핀테크 기업 세 곳이 새로 들어왔다. "
            "지난해 11월 아홉 곳으로 출범한 결제링크의 회원사는 열두 곳이 됐다.\n")
    got = {(c.value, c.detail["role"], c.detail.get("as_of_basis")) for c in claims_of(text, date(2026, 7, 2))
           if c.kind == "member_count" and c.subject == "결제링크"}
    assert got == {("3", "joined", None), ("9", "total", "launch"), ("12", "total", None)}
    head = [c for c in claims_of("결제 얼라이언스 '결제링크' 회원사 9곳→12곳\n") if c.kind == "member_count"]
    assert [(c.value, c.detail.get("as_of_basis")) for c in head] == [("9", "before"), ("12", None)]


def test_a_lead_member_two_word_names_and_a_photo_tag():
    """"X를 주관사로 A, B …": X is listed too (주관사로 is 주관사 + 로); "KS
    네트웍스" and "한국해양대학교 산학협력단" are one name each, also as the last
    item right before the count; "[사진]" is no part of a group's name."""
    text = ("[사진] 바다원 컨소시엄에는 누리정보통신을 주관사로 ㈜한결시스템, DK C&S, KS 네트웍스, 동남해운, "
            "한국해양대학교 산학협력단 등 6개 기업·기관이 참여했다. "
            "누리정보통신과 한결시스템, DK C&S, 동남해운, 한국해양대 산학협력단 5개사가 참여한 이 컨소시엄은 목표를 내걸었다.\n")
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [[m["name"] for m in c.detail["members"]] for c in lists] == [
        ["누리정보통신", "㈜한결시스템", "DK C&S", "KS 네트웍스", "동남해운", "한국해양대학교 산학협력단"],
        ["누리정보통신", "한결시스템", "DK C&S", "동남해운", "한국해양대 산학협력단"]]
    assert {c.subject for c in lists} == {"바다원 컨소시엄"}
    for c in lists:
        for m in c.detail["members"]:
            assert text[m["start"]:m["end"]] == m["name"]
    # "…, 현대 컨소 14개사": no two-word name, so no list
    assert not [c for c in claims_of("대운하, 현대 컨소 14개사 참여\n") if c.kind == "members"]


def test_a_number_in_man_units_is_not_its_last_digits():
    assert not [c for c in claims_of("'결제링크' 회원사들의 연동 가맹점은 4만2000곳이다.\n") if c.value == "2000"]


def test_cooperatives_numbers_past_ten_targets_and_a_titled_person():
    """Cooperatives count as members ("회원 조합은 8곳으로"; "A협동조합과
    B협동조합 두 곳이 합류"); "열여섯 번째" is sixteen, not six; "내년 12곳까지
    늘릴 것", "8개사 체제로 키울 계획" are targets; "구본하 협의회 사무총장은"
    is a person and his group, not a group named "구본하 협의회"."""
    text = ("'들빛연합회'에 소담딸기협동조합과 해오름채소협동조합 두 곳이 새로 합류했다. "
            "이로써 지난 3월 6곳으로 출범한 연합회의 회원 조합은 8곳으로 늘었다. "
            "누리모빌리티가 들빛연합회의 열여섯 번째 회원사로 합류했다. "
            "구본하 협의회 사무총장은 \"회원사를 내년 12곳까지 늘릴 것\"이라고 말했다. "
            "연합회는 2곳을 추가로 받아 18개사 체제로 키울 계획이다.\n")
    got = [(c.subject, c.value, c.detail["role"]) for c in claims_of(text, date(2026, 6, 12)) if c.kind == "member_count"]
    assert got == [("들빛연합회", "2", "joined"), ("들빛연합회", "6", "total"), ("들빛연합회", "8", "total"),
                   ("들빛연합회", "16", "total"), ("들빛연합회", "12", "planned"), ("들빛연합회", "2", "planned"),
                   ("들빛연합회", "18", "planned")], got


def test_a_personnel_announcement_gives_each_listed_person_the_header_post():
    """"◇부사장 승진 / ▲한빛전자 반도체사업부장 김하늘 ▲누리화학 박서준": the
    header's post at each item's organisation; 내정 is designate, 직무대행
    acting; "▲김도윤(전 한빛그룹 부회장)" under "◇고문 위촉" is 고문 now and
    부회장 before. Every span is a slice of the text."""
    text = ("[인사] 한빛그룹\n\n◇대표이사 내정\n▲한빛건설 최서연\n\n◇대표이사 직무대행\n▲한빛물산 정우진\n\n"
            "◇부사장 승진\n▲한빛전자 반도체사업부장 김하늘 ▲누리화학 박서준\n\n◇상무 신규 선임\n▲한빛전자 강도윤 이나래\n\n"
            "◇고문 위촉\n▲김도윤(전 한빛그룹 부회장)\n")
    got = {(c.subject, c.value, c.detail["org"], c.detail["status"]) for c in claims_of(text, date(2026, 11, 27))
           if c.kind == "title" and c.detail.get("pattern") == "personnel_list"}
    assert got == {("최서연", "대표이사", "한빛건설", "designate"), ("정우진", "대표이사", "한빛물산", "acting"),
                   ("김하늘", "부사장", "한빛전자", "current"), ("박서준", "부사장", "누리화학", "current"),
                   ("강도윤", "상무", "한빛전자", "current"), ("이나래", "상무", "한빛전자", "current"),
                   ("김도윤", "고문", None, "current"), ("김도윤", "부회장", "한빛그룹", "former")}
    # a bulleted list with no header is no announcement
    assert not [c for c in claims_of("주요 참석자\n▲한빛전자 김하늘 ▲누리화학 박서준\n") if c.detail.get("pattern") == "personnel_list"]


def test_a_university_joins_alone_and_counts_by_kind_are_parts():
    """"가람대는 지난 13일 X에 가입했다": a university's short name joins as an
    organisation does ("미래세대는" does not); "대학 4곳과 기업 4곳 등 여덟 개
    기관으로 출범": the counts by kind are parts of the total, not totals."""
    joins = [c for c in claims_of("가람대는 지난 13일 '누리연합'에 가입했다. 미래세대는 13일 '누리연합'에 가입했다.\n") if c.kind == "event"]
    assert [[m["name"] for m in c.detail["members"]] for c in joins] == [["가람대"]]
    counts = [c.value for c in claims_of("'누리연합'은 지난해 3월 대학 4곳과 기업 4곳 등 여덟 개 기관으로 출범했다.\n") if c.kind == "member_count"]
    assert counts == ["8"]


def test_a_verb_form_before_a_name_and_a_two_syllable_surname():
    """"컨소시엄을 기획한 정하준 누리중공업 전무": 기획한 modifies the name, it
    is no person; "남궁 회장은" is a back-reference to 남궁서아, not a person
    called 남궁."""
    text = ("컨소시엄을 기획한 정하준 누리중공업 전무는 말했다. 지난 24일 연임에 성공한 남궁서아 한빛콘텐츠협회 회장을 만났다. "
            "남궁 회장은 웃었다.\n")
    titles = {(c.subject, c.value) for c in claims_of(text) if c.kind == "title"}
    assert titles == {("정하준", "전무"), ("남궁서아", "회장")}, titles


def test_a_personnel_announcement_by_organisation_with_action_subheads():
    """"◇누리반도체 / <승진> / △메모리사업부장 부사장 오하린": the header names
    the organisation of the items under it, the subhead the action; a note
    "(前 누리반도체 전략기획실장)" is a former post."""
    text = ("[인사] 누리그룹\n\n◇누리반도체\n<승진>\n△대표이사 사장 한서윤\n△메모리사업부장 부사장 오하린\n\n"
            "◇누리정밀\n<선임>\n△대표이사 부사장 신도현(前 누리반도체 전략기획실장)\n")
    got = {(c.subject, c.value, c.detail["org"], c.detail["status"]) for c in claims_of(text, date(2026, 11, 27)) if c.kind == "title"}
    assert {("한서윤", "대표이사 사장", "누리반도체", "current"), ("오하린", "메모리사업부장 부사장", "누리반도체", "current"),
            ("신도현", "대표이사 부사장", "누리정밀", "current"),
            ("신도현", "전략기획실장", "누리반도체", "former")} <= got, got


def test_adverbs_are_not_people():
    """"여전히 권영준 … 부회장", "석 달 사이 대표가": an adverb or a noun of time
    before a title is no name."""
    titles = {(c.subject, c.value) for c in claims_of("전략은 여전히 권서준 누리홀딩스 부회장의 몫이다. 석 달 사이 대표가 두 번 바뀐다.\n") if c.kind == "title"}
    assert titles == {("권서준", "부회장")}, titles


def test_copula_lists_after_a_consonant_and_modified_member_nouns():
    """"회원사는 A, B, 가온텔레콤이다" (the copula after a final consonant),
    "회원 조합은 …이다", "참여 명단은 …다": the members; "행사의 주인공은
    A, B, C이다" names no members."""
    text = ("'바다 협의회'가 출범했다. 회원사는 한빛전자, 누리증권, 가온텔레콤이다. 회원 조합은 가람협동조합, 새봄협동조합, 해오름협동조합이다. "
            "참여 명단은 가온내비, 길잇기로드, 누리맵스, 바다대학교다. 이날 행사의 주인공은 한빛전자, 누리증권, 가온텔레콤이다.\n")
    lists = [[m["name"] for m in c.detail["members"]] for c in claims_of(text) if c.kind == "members"]
    assert lists == [["한빛전자", "누리증권", "가온텔레콤"], ["가람협동조합", "새봄협동조합", "해오름협동조합"],
                     ["가온내비", "길잇기로드", "누리맵스", "바다대학교"]], lists


def test_a_part_among_members_candidates_in_talks_and_a_chronology():
    """"참여 기관 8곳 가운데 강원권 기관은 2곳으로": a part, not a total; "병원
    두 곳과 협의 중인데": candidates, not members; "2025.9 메디온 탈퇴(8곳→7곳)":
    a chronology line is dated by its year and month."""
    text = ("'바이오 네트워크'는 참여 기관 8곳 가운데 강원권 기관은 2곳으로, 지역 기관이 참여한 것은 처음이다. "
            "운영위원장은 \"대형 병원 두 곳과 협의 중인데, 이들이 합류하면 12곳이 됩니다\"라고 말했다.\n")
    got = [(c.value, c.detail["role"]) for c in claims_of(text, date(2025, 11, 5)) if c.kind == "member_count"]
    assert got == [("8", "total"), ("12", "planned")], got
    from factcheck.ingest.dates import find_dates
    assert [(str(d.date), d.precision) for d in find_dates("2025.9 메디온 탈퇴(8곳→7곳)", date(2025, 11, 5))] == [("2025-09-01", "month")]
    assert not find_dates("매출 2025.5억원", date(2025, 11, 5))


def test_time_since_a_launch_is_no_launch_and_the_launch_keeps_its_founding_date():
    """"출범 3년" in a headline is an anniversary; "2021년 3월 8개 기관으로 출범한"
    dates the launch event as it dates the founding count, whatever count
    took the date first."""
    text = ("'가람 협의체' 출범 3년 맞아 총회\n\n"
            "2021년 3월 8개 기관으로 출범한 '가람 협의체'는 올해 들어 회원 12곳을 갖춘 협의체가 됐다.\n\n"
            "협의체는 출범한 지 3년을 맞아 총회를 열었다.\n")
    cs = claims_of(text, published=date(2024, 3, 20))
    launches = [c for c in cs if c.kind == "event" and c.value == "launch"]
    assert launches and {c.as_of for c in launches} == {date(2021, 3, 1)}
    founding = [c for c in cs if c.kind == "member_count" and c.detail.get("count") == 8]
    assert founding and founding[0].as_of == date(2021, 3, 1)


def test_a_count_in_a_quote_handed_on_is_not_the_next_quotes_group():
    """"…6곳이던 회원이 11곳으로 늘었다"며 "'파랑길'을 …": the group named in the
    next quotation is no owner of the counts before it (they go to the
    article's group); "출범 때 6곳이던" is the founding count."""
    text = ("'누리 협의회', 물류 사업 나선다\n\n"
            "'누리 협의회'는 20일 총회를 열고 물류 컨소시엄 '파랑길'을 꾸렸다. '파랑길'에는 네 곳이 참여한다.\n\n"
            "'누리 협의회'는 내년에 해외 협력도 추진한다. '누리 협의회' 사무국은 세종에 있다. '누리 협의회'는 2020년 생겼다.\n\n"
            "박하늘 회장은 \"출범 때 6곳이던 회원이 11곳으로 늘었다\"며 \"'파랑길'을 첫 공동 사업으로 삼겠다\"고 말했다.\n")
    cs = claims_of(text)
    by_count = {c.detail["count"]: c for c in cs if c.kind == "member_count"}
    assert by_count[11].subject == "누리 협의회"
    assert by_count[6].subject == "누리 협의회" and by_count[6].detail["as_of_basis"] == "launch"
    assert by_count[4].subject == "파랑길"


def test_an_ordinal_member_is_a_joiner():
    """"소프트랩이 반도체 연합체 '미르칩'에 여덟 번째 회원사로 합류했다": the
    total is 8, and 소프트랩 joined (the join explains 7 -> 8). One joiner must be
    known as an organisation: here by its chief's title."""
    text = ("전력반도체 설계사 소프트랩이 반도체 설계 연합체 '미르칩'에 여덟 번째 회원사로 합류했다고 3일 밝혔다.\n\n"
            "서하늘 소프트랩 대표는 \"공동 설계로 비용을 줄이겠다\"고 말했다.\n")
    cs = claims_of(text)
    joins = [c for c in cs if c.kind == "event" and c.value == "join"]
    assert len(joins) == 1 and [m["name"] for m in joins[0].detail["members"]] == ["소프트랩"]
    assert joins[0].subject == "미르칩"
    assert [c.detail["count"] for c in cs if c.kind == "member_count"] == [8]


def test_a_launch_date_does_not_date_a_present_count():
    """"2021년 5월 출범한 … 협의체로, … 11개 기관이 참여하고 있다": 2021-05 is when
    the group was launched; the 11 is now (else 11 and a founding count would
    clash at the launch date)."""
    text = "'한울 협의회'는 2021년 5월 출범한 물류 협력 협의체로, 대학·기업 등 11개 기관이 참여하고 있다.\n"
    cs = claims_of(text, published=date(2024, 6, 3))
    assert [c.as_of for c in cs if c.kind == "member_count"] == [date(2024, 6, 3)]
    assert [c.as_of for c in cs if c.kind == "event"] == [date(2021, 5, 1)]


def test_a_college_of_a_university_is_one_member_and_a_conditional_join_is_none():
    """"누리대학교 의과대학" is one member (a unit after its university); "논의하고
    있는데, 이들이 합류하면 13곳": nobody has joined, and "이들" names no one."""
    text = ("'한빛 네트워크' 참여 기관은 가람병원, 누리대학교 의과대학, 미르연구원, 소담바이오다.\n\n"
            "'한빛 네트워크'는 \"바이오 기업 세 곳과 논의하고 있는데, 이들이 합류하면 13곳이 된다\"고 밝혔다.\n")
    cs = claims_of(text)
    lists = [c for c in cs if c.kind == "members"]
    assert [[m["name"] for m in c.detail["members"]] for c in lists] == [["가람병원", "누리대학교 의과대학", "미르연구원", "소담바이오"]]
    assert [c for c in cs if c.kind == "event" and c.value == "join"] == []
    assert [(c.detail["count"], c.detail["role"]) for c in cs if c.kind == "member_count"] == [(13, "planned")]


def test_the_conjunction_links_the_last_member_of_a_list():
    """"A, B, C 및 D 등이 창립 회원사로 이름을 올렸다": 및 joins D to the list as a
    comma would, and is no part of a name."""
    text = ("'한빛 협의회'는 이날 창립총회를 열었다. 가람소프트, 누리게임즈, 미르툰 및 소담뮤직 등이 창립 회원사로 이름을 올렸다.\n\n"
            "오는 9월에는 다온랩 및 세온미디어가 '한빛 협의회'에 합류한다.\n")
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["가람소프트", "누리게임즈", "미르툰", "소담뮤직"]
    assert lists[0].detail["partial"] is True
    for c in lists:
        for m in c.detail["members"]:
            assert text[m["start"]:m["end"]] == m["name"]


def test_new_members_named_as_the_topic_and_a_body_described_before_its_name():
    """"지난해 신규로 가입한 회원사는 A, B 등 15곳이다" counts joiners, not the
    membership; "개발사 단체인 누리게임협회" is 누리게임협회 (the description
    is no part of the name)."""
    text = ("게임 개발사 단체인 누리게임협회(NGA)는 회원사가 150곳을 넘었다고 밝혔다.\n\n"
            "협회 회원사는 150여곳이다. 지난해 신규로 가입한 회원사는 가람에코, 누리소재 등 15곳이다.\n")
    counts = [(c.subject, c.detail["count"], c.detail["role"]) for c in claims_of(text) if c.kind == "member_count"]
    assert counts == [("누리게임협회", 150, "total"), ("누리게임협회", 150, "total"), ("누리게임협회", 15, "joined")]


def test_a_topic_made_up_of_the_listed_members_is_the_group():
    """An article that never calls it a 컨소시엄: "누리항로는 A(012340), …,
    Green Sea Labs 등 다섯 곳으로 구성됐다" makes 누리항로 the group of the
    count and the list; "한빛전자는 A, B 등 두 곳으로 컨소시엄을 꾸렸다" does not
    make 한빛전자 one."""
    text = ("가람해운 등 5개사 '누리항로' 결성…물류주 관심\n\n"
            "가람해운 주가는 이날 2.4% 올랐다.\n\n"
            "지난주 결성된 누리항로는 가람해운(012340), 다온시스템, 한빛물류, 미르조선(054320), Green Sea Labs 등 다섯 곳으로 구성됐다.\n")
    cs = claims_of(text)
    assert [(c.subject, c.detail["count"]) for c in cs if c.kind == "member_count"] == [("누리항로", 5)]
    lists = [c for c in cs if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["가람해운", "다온시스템", "한빛물류", "미르조선", "Green Sea Labs"]
    assert [c for c in claims_of("한빛전자는 가람해운, 다온시스템 등 두 곳으로 컨소시엄을 꾸렸다.\n") if c.subject == "한빛전자"] == []


def test_a_fact_box_lists_its_members_after_the_colon():
    """"◆NRN 회원 기관(4곳): A, B, C, D": the stated count and the list after
    the colon; "일정(3건): 총회, 세미나, 전시회" counts no members."""
    text = ("'누리 네트워크' 회원 10곳으로\n\n"
            "◆누리 네트워크 회원 기관(4곳): 가람병원, 다온시스템, 한빛연구원, 미르바이오\n\n"
            "일정(3건): 총회, 세미나, 전시회\n")
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert len(lists) == 1 and lists[0].detail["stated_count"] == 4 and lists[0].detail["partial"] is False
    assert [m["name"] for m in lists[0].detail["members"]] == ["가람병원", "다온시스템", "한빛연구원", "미르바이오"]


def test_the_article_group_known_only_from_a_fused_title():
    """An article that names its association only in "한빛반찬협회장" and
    then says "대전 둔산동 협회 회의실에서", "경영은 맡기되 협회 업무에":
    the counts are 한빛반찬협회's (the place and the verb are no part of a
    name), and "임기 안에 회원사 500곳 시대 열겠다" is a target."""
    text = ("한빛반찬협회 새 회장 김하람 \"임기 안에 회원사 500곳 시대 열겠다\"\n\n"
            "김하람 누리식품 대표가 지난달 한빛반찬협회장으로 뽑혔다. 김 회장을 12일 대전 둔산동 협회 회의실에서 만났다.\n\n"
            "\"회원사 280여곳의 요구를 정부에 알리겠습니다. 회사 경영은 맡기되 협회 업무에 집중하겠습니다.\"\n")
    counts = [(c.subject, c.detail["count"], c.detail["role"]) for c in claims_of(text) if c.kind == "member_count"]
    assert counts == [("한빛반찬협회", 500, "planned"), ("한빛반찬협회", 280, "total")]


def test_a_description_apposed_to_a_name_that_owns_members():
    """"테라셀 회원사 9곳" (a name owning members) and "소재 연합체 테라셀은"
    (a description apposed to it): the group is 테라셀, not "배터리 소재
    연합체"; "해외 회원사 20곳", "전국 회원사 40곳" are kinds of member, so
    "'한빛 협회' 해외 회원사는" apposes nothing."""
    text = ("배터리 소재 기업들 손잡아…테라셀 회원사 9곳\n\n"
            "배터리 소재 연합체 테라셀은 5일 가람케미칼을 새 회원사로 받아들여 회원사가 9곳이 됐다.\n\n"
            "테라셀은 내년까지 회원사를 12개사로 늘린다.\n")
    assert {c.subject for c in claims_of(text) if c.kind == "member_count"} == {"테라셀"}
    text = ("'한빛 협회'는 해외 회원사 20곳, 전국 회원사 40곳을 두고 있다. '한빛 협회' 해외 회원사는 늘고 있다.\n")
    assert {c.subject for c in claims_of(text) if c.kind == "member_count"} == {"한빛 협회"}


def test_a_demonstrative_before_the_count_is_no_member():
    """"A와 B, C, D, E, 이렇게 다섯 곳이 손을 잡은 '…'": 이렇게 (and 모두, 총)
    sums the list up; it is no fifth or sixth name, so the list agrees with
    its count."""
    text = "가람방송과 누리채널, 씨네별, 스트림A, 다온TV, 이렇게 다섯 곳이 손을 잡은 '한빛 동맹'은 업계에서 주목받는다.\n"
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["가람방송", "누리채널", "씨네별", "스트림A", "다온TV"]
    assert lists[0].detail["stated_count"] == 5


def test_a_promotion_list_with_marks_written_apart():
    """"◇ 라온소프트 / <승진> / ▲ 부사장 문다온(경영총괄)": a mark written apart
    from the item is no organisation of it (the header's is); a post under
    "<승진>" is one the person moved up to, so it announces a change."""
    text = "[인사] 라온소프트\n\n◇ 라온소프트\n\n<승진>\n▲ 부사장 문다온(경영총괄)\n▲ 전무 서하준(개발본부장)\n\n<전보>\n△ 전무 고은채\n"
    got = {(c.subject, c.value, c.detail["org"], bool(c.detail.get("promoted"))) for c in claims_of(text, date(2026, 3, 20)) if c.kind == "title"}
    assert {("문다온", "부사장", "라온소프트", True), ("서하준", "전무", "라온소프트", True),
            ("고은채", "전무", "라온소프트", False)} <= got, got


def test_two_kinds_each_with_a_list_and_observers():
    """"시공사 4개사와 A·B 등 전문업체 3개사가 참여": each number counts one
    kind; "C 등 2개사가 참관사 자격으로": observers, not members."""
    text = ("'도시안전 협의체'에는 가온건설·누리건설·미르건설·다솜건설 등 시공사 4개사와 "
            "한별설비·온누리전기·새솔안전 등 전문업체 3개사가 참여한다. "
            "이날 행사에는 바른레미콘 등 2개사가 참관사 자격으로 자리했다.\n")
    counts = {c.value: (c.detail.get("qualification") or {}).get("kind") for c in claims_of(text) if c.kind == "member_count"}
    assert counts == {"4": "part", "3": "part"}, counts


def test_a_headline_count_the_body_states_as_a_plan():
    """Headline "회원사 20곳으로…" over a body that says "20곳까지 늘리는 게
    목표다": the headline's count is the plan, not the group's number."""
    text = ("[인터뷰] 문가람 다온링크 의장 \"회원사 20곳으로…내실 다질 것\"\n\n"
            "다온 금융 얼라이언스 '다온링크'에는 현재 회원사 12곳이 참여하고 있다.\n\n"
            "\"회원사를 20곳까지 늘리는 게 목표다. 몇 곳과 이야기를 나누고 있다.\"\n")
    got = sorted((c.value, c.detail["role"]) for c in claims_of(text, date(2026, 1, 8)) if c.kind == "member_count")
    assert got == [("12", "total"), ("20", "planned"), ("20", "planned")], got


def test_task_force_and_research_association_are_groups():
    """"TF", "태스크포스" and "연구조합" head a group with members, so its count is
    its own and not the other group's of the article."""
    text = ("해운 물류 대응을 맡을 '항만 혼잡 대응 TF'가 출범했다. TF에는 모두 8개 기관이 참여했다.\n\n"
            "선사 모임인 '연안해운 연합'에는 선사 21곳이 가입해 있다.\n\n"
            "'한국수경재배기술연구조합'은 조합원 13개 기관으로 출범했다.\n")
    counts = {(c.subject, c.value) for c in claims_of(text) if c.kind == "member_count"}
    assert ("항만 혼잡 대응 TF", "8") in counts
    assert ("연안해운 연합", "21") in counts
    assert ("한국수경재배기술연구조합", "13") in counts
    assert not any(s == "연안해운 연합" and v in ("8", "13") for s, v in counts)


def test_a_clause_ending_at_a_comma_starts_no_list():
    """"…억원 가량으로, 위탁사 4곳이": the word before the comma carries an
    adverbial particle, so the clause ends there; no list, and what the
    count counts is no member."""
    text = "'바다숲 조성 협의회'는 회원 12곳으로 꾸려졌다. 사업비는 1천800억원 가량으로, 위탁사 4곳이 공사를 맡는다.\n"
    cs = claims_of(text)
    assert [c.value for c in cs if c.kind == "member_count"] == ["12"]
    assert [c for c in cs if c.kind == "members"] == []


def test_countries_counted_need_a_member_noun():
    """"조달처를 9개국으로 다변화": countries of something else, not members."""
    text = "'K-희소금속 동맹'은 회원사 18곳으로 출범했다. 동맹은 광물 조달처를 9개국으로 다변화한다. 지금은 물량 절반을 3개국에 기댄다.\n"
    assert [c.value for c in claims_of(text) if c.kind == "member_count"] == ["18"]


def test_a_name_owning_members_and_taken_as_topic_is_the_groups_name():
    """"소재 협의체 가온링크의 열 번째 회원사", "가온링크는 …", "가온링크
    회원사는 … 10곳": the word after the descriptor is the group's own name."""
    text = ("다온켐이 소재 협의체 가온링크의 열 번째 회원사로 이름을 올렸다.\n\n"
            "가온링크는 올해 들어 회원을 꾸준히 늘려 왔다.\n\n"
            "현재 가온링크 회원사는 한빛소재, 누리셀, 다온켐 등 10곳이다.\n")
    cs = [c for c in claims_of(text) if c.kind in ("member_count", "members")]
    assert cs and {c.subject for c in cs} == {"가온링크"}


def test_a_list_closed_by_geurigo():
    """"A, B, C 그리고 D 4개사": 그리고 links the last name as 및 does."""
    text = "이번 '해상풍력 공급망 연합' 결성에는 한빛중공업, 가온케이블, 다온엔지니어링 그리고 누리해운 4개사가 힘을 모았다.\n"
    lists = [c for c in claims_of(text) if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["한빛중공업", "가온케이블", "다온엔지니어링", "누리해운"]


def test_industries_and_kinds_of_investor_are_no_members():
    """"에너지·충전·해운 6개사", "은행과 연기금, 증권사 등 열 곳": kinds, not names."""
    text = ("에너지·충전·해운 6개사 뭉쳐 '누리웨이' 결성\n\n"
            "'바람 기금 운영위원회'에는 은행과 연기금, 증권사 등 열 곳이 돈을 댔다.\n")
    assert [c for c in claims_of(text) if c.kind == "members"] == []


def test_a_verb_before_a_group_word_is_no_part_of_its_name():
    """"중소 제조사들이 만든 협의회": 만든 describes the group, it does not name it."""
    text = "중소 제조사들이 만든 상생협의회가 문을 열었다. 협의회에는 기업 9곳이 참여했다.\n"
    subjects = {c.subject for c in claims_of(text) if c.kind == "member_count"}
    assert subjects and not any("만든" in s for s in subjects)


def test_a_list_by_kinds_joins_the_names_of_each_kind():
    """"A, B 등 2개 시와 C, D, E 등 3개 대학이 손잡아 모두 5개 기관": the kind
    counted ("2개 시") is no member; the names before it are, and the count
    of one kind is a part of the total."""
    text = ("'남해안 관광 협의회'가 문을 열었다. 협의회에는 바다시, 솔내시 등 2개 시와 "
            "한빛대학교, 가람대학교, 누리대학교 등 3개 대학이 손잡아 모두 5개 기관이 함께한다.\n")
    cs = claims_of(text)
    assert [c.value for c in cs if c.kind == "member_count"] == ["5"]
    lists = [c for c in cs if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["바다시", "솔내시", "한빛대학교", "가람대학교", "누리대학교"]


def test_a_clause_ending_in_go_before_a_comma_is_no_member():
    """"… 설계 업체가 5곳으로 가장 많고, 시공사 3곳, …": 많고 ends a clause."""
    text = ("'스마트건설 협의회'는 회원 10곳으로 꾸려졌다. 회원 가운데 설계 업체가 5곳으로 가장 많고, "
            "시공사 3곳, 대학 2곳이 뒤를 잇는다.\n")
    for c in claims_of(text):
        if c.kind == "members":
            assert all(not m["name"].endswith("고") for m in c.detail["members"])


def test_an_organisation_the_person_comes_from():
    """"이날 회의에 다온케미칼에서는 이서윤 생산본부장(상무)이 나왔다": the
    article confirmed 다온케미칼 as an organisation (its stock code), so it is her organisation."""
    text = ("다온케미칼(123450)이 가람메탈과 'K-소재 순환 컨소시엄'을 꾸렸다.\n\n"
            "이날 회의에 다온케미칼에서는 이서윤 생산본부장(상무)이 나왔다.\n")
    ts = [c for c in claims_of(text) if c.kind == "title" and c.subject == "이서윤"]
    assert ts and ts[0].detail["org"] == "다온케미칼"


def test_a_district_or_a_state_body_is_no_person():
    """"마포구 한도윤 지회장": the district is the branch's place, the person
    the name after it; "중국 국무원 부총리" names no one (lexicons/place_names.txt)."""
    titles = {(c.subject, c.value, c.detail.get("org")) for c in claims_of("간담회에는 마포구 한도윤 지회장과 서초구 문태오 지회장이 참석했다.") if c.kind == "title"}
    assert titles == {("한도윤", "지회장", "마포구"), ("문태오", "지회장", "서초구")}
    assert not [c for c in claims_of("이날 회의에는 중국 국무원 부총리가 참석했다.") if c.kind == "title"]


def test_a_group_listed_among_members_is_a_member_not_their_group():
    """"A, B, 하늘소재협회 등 3개 단체": the 협회 is one of the members; and
    "영·호남" (one syllable each) is a pair of places, no list."""
    cs = claims_of("누리 포럼은 한빛전자, 누리화학, 하늘소재협회 등 3곳으로 구성됐다.")
    assert {c.subject for c in cs if c.kind in ("members", "member_count")} == {"누리 포럼"}
    cs = claims_of("한빛전자, 누리화학, 하늘소재협회 등 3개 단체는 24일 공동 성명을 냈다.")
    assert not [c for c in cs if c.kind in ("members", "member_count") and c.subject == "하늘소재협회"]
    assert not [c for c in claims_of("총장 회의에는 영·호남 4개 대학이 참석했다.") if c.kind == "members"]


def test_a_quoted_group_name_holds_no_person():
    """"'한솔 미래 포럼' 회장인 이하은 교수": 한솔 reads like a name, but it
    opens the quoted name of a group; the 회장 is 이하은."""
    titles = {(c.subject, c.value) for c in claims_of("'한솔 미래 포럼' 회장인 이하은 교수가 발표했다.") if c.kind == "title"}
    assert ("이하은", "회장") in titles
    assert not [t for t in titles if t[0] == "한솔"]


def test_a_group_name_ending_in_on_is_a_name_not_a_verb():
    """"가온 협의회": 온 ends the name; "이어온 협의회" is a verb form, no name."""
    assert {c.subject for c in claims_of("가온 협의회에는 한빛전자, 누리증권, 다솜제약 등 3개 기업이 참여했다.") if c.kind == "member_count"} == {"가온 협의회"}
    assert not [c for c in claims_of("10년간 이어온 협의회에는 12곳이 참여한다.") if c.subject == "이어온 협의회"]
