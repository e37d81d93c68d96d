"""A count of one kind of member beside named members, a count of kinds
joined by middle dots, a count restricted to one side, a part among the
members just counted, a target reached "늘려 … 계획", and names written with
a Latin corporate tail ("누리 C&C"): invented sentences of structures met in
blind held-out articles."""
from datetime import date

from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process

PRE = "[한빛경제 박도윤 기자] 가람시와 하늘대 등 9개 기관이 참여하는 '해온 얼라이언스'가 12일 출범했다.\n\n"


def claims_of(text: str, published=date(2024, 5, 12)):
    doc = next(process([(normalise(PRE + text), published, None)]))
    return [c for c in doc._.fc_claims if c.start >= len(PRE)]


def counts_of(text):
    return [(c.value, c.detail["role"]) for c in claims_of(text) if c.kind == "member_count"]


def lists_of(text):
    return [([m["name"] for m in c.detail["members"]], c.detail["partial"]) for c in claims_of(text) if c.kind == "members"]


def test_a_number_of_one_kind_beside_named_members_is_a_part():
    text = "얼라이언스는 가람해양원을 중심으로 하늘대, 다온테크노파크와 지역 기업 6곳이 참여한다.\n"
    assert counts_of(text) == []
    assert lists_of(text) == [(["가람해양원", "하늘대", "다온테크노파크"], True)]
    # the names and their own count stay a complete list with its total
    text = "얼라이언스에는 가람해양원과 하늘대, 다온테크노파크 3곳이 참여한다.\n"
    assert counts_of(text) == [("3", "total")]
    assert lists_of(text) == [(["가람해양원", "하늘대", "다온테크노파크"], False)]


def test_a_number_among_kinds_joined_by_middle_dots_is_a_part():
    assert counts_of("기업 6곳·대학·연구소 한자리에…얼라이언스 첫 회의\n") == []


def test_a_number_of_the_companies_side_is_a_part_and_so_is_its_list():
    text = "기업 쪽에서는 한빛중공업(012340)과 다솜모터스, 누리가스 3개사가 이름을 올렸다.\n"
    assert counts_of(text) == []
    assert lists_of(text) == [(["한빛중공업", "다솜모터스", "누리가스"], True)]


def test_a_part_among_the_members_just_counted_with_its_names():
    text = "얼라이언스 참여사 9곳 중 상장사는 한빛전자와 다온소재, 누리텍 3곳이다.\n"
    assert counts_of(text) == [("9", "total")]
    assert lists_of(text) == [(["한빛전자", "다온소재", "누리텍"], True)]


def test_a_target_reached_on_the_way_to_a_plan_is_planned_and_about():
    text = "얼라이언스는 실증이 끝나면 참여사를 15곳 안팎으로 늘려 상용 서비스에 나설 계획이다.\n"
    got = [(c.value, c.detail["role"], c.detail.get("bound")) for c in claims_of(text) if c.kind == "member_count"]
    assert got == [("15", "planned", "about")]


def test_a_name_with_a_latin_corporate_tail_is_one_member():
    text = "얼라이언스에는 하람 C&C, 소담 U+, 청솔 I&S, KT&G, 한국측량원, 보람랩 등 9개 기업·기관이 참여했다.\n"
    assert lists_of(text) == [(["하람 C&C", "소담 U+", "청솔 I&S", "KT&G", "한국측량원", "보람랩"], True)]
    text = "얼라이언스에는 한솔소재·동해메탈·태현 E&M·새봄모빌리티 등 9개 기관이 참여했다.\n"
    assert lists_of(text) == [(["한솔소재", "동해메탈", "태현 E&M", "새봄모빌리티"], True)]
    text = "해온 얼라이언스 출범…하람 C&C·소담 U+ 등 9곳 참여\n"
    assert lists_of(text) == [(["하람 C&C", "소담 U+"], True)]


def test_every_claim_quotes_its_span():
    text = "얼라이언스는 가람해양원을 중심으로 하늘대, 다온테크노파크와 지역 기업 6곳이 참여한다.\n"
    full = normalise(PRE + text)
    doc = next(process([(full, date(2024, 5, 12), None)]))
    for c in doc._.fc_claims:
        for m in c.detail.get("members") or []:
            assert full[m["start"]:m["end"]] == m["name"]


def test_a_description_of_the_articles_one_named_group_is_that_group():
    text = ("[가람통신] 가람시·하늘대 등 12개 기관 수소 협의체 출범\n\n"
            "(가람=가람통신) 박도윤 기자 = 가람시와 하늘대, 다솜가스 등 12개 기관이 수소 협의체를 꾸렸다.\n\n"
            "가람시는 17일 '가람 수소산업 협의회' 출범식을 열었다.\n")
    doc = next(process([(normalise(text), date(2024, 5, 17), None)]))
    assert {c.subject for c in doc._.fc_claims if c.kind in ("member_count", "members")} == {"가람 수소산업 협의회"}
    # a description with a word the name lacks is another group
    text2 = text + "\n인근 동해 수소 협의체는 회원사가 31곳이다.\n"
    doc = next(process([(normalise(text2), date(2024, 5, 17), None)]))
    assert {c.subject for c in doc._.fc_claims if c.kind == "member_count" and c.value == "31"} != {"가람 수소산업 협의회"}


def test_a_description_before_a_groups_name_is_not_part_of_it():
    text = "[가람통신] 가람시는 12일 '가람 얼라이언스'를 출범시켰다.\n\n유관 단체인 한빛드론협의체(59개사)와의 공동 건의도 추진한다.\n"
    doc = next(process([(normalise(text), date(2025, 2, 27), None)]))
    assert {c.subject for c in doc._.fc_claims if c.kind == "member_count"} == {"한빛드론협의체"}


def test_a_bare_head_is_the_organisation_the_article_names_in_a_title():
    text = ("[가람물류신문 하도윤 기자] 문하늘 가람물류협회장은 27일 통화에서 이렇게 말했다.\n\n"
            "협회는 2015년 27개사로 출범해 현재 342개 회원사를 둔 업계 최대 단체로 성장했다.\n\n"
            "유관 단체인 한빛드론협의체(59개사)와의 공동 건의도 추진한다.\n")
    doc = next(process([(normalise(text), date(2025, 2, 27), None)]))
    got = {(c.subject, c.value) for c in doc._.fc_claims if c.kind == "member_count"}
    assert {("가람물류협회", "27"), ("가람물류협회", "342"), ("한빛드론협의체", "59")} <= got


def test_and_between_listed_names_joins_the_list():
    text = "가람클라우드·하늘기전·바다정보통신·새봄쿨링 및 한국냉방연구원 등 9개 기업·기관이 얼라이언스에 참여한다.\n"
    assert (["가람클라우드", "하늘기전", "바다정보통신", "새봄쿨링", "한국냉방연구원"], True) in lists_of(text)
    text = "얼라이언스에는 가람클라우드, 하늘기전 및 한국냉방연구원 등 9개 기관이 참여한다.\n"
    assert (["가람클라우드", "하늘기전", "한국냉방연구원"], True) in lists_of(text)
