"""Phrasings met in real news (2026-12 real-news round), each on an invented
sentence of the same structure: what is read as a member count, a member list
or a group, and what is not."""
from datetime import date

from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 4, 18)):
    doc = next(process([(normalise(text), published, None)]))
    return doc._.fc_claims


PRE = "[한빛경제 박도윤 기자] '미래소재 얼라이언스'가 출범했다.\n\n"


def lists_of(text, **kw):
    return [[m["name"] for m in c.detail["members"]] for c in claims_of(PRE + text, **kw) if c.kind == "members"]


def test_middle_dots_are_one_character_each():
    text = "누리텔ㆍ한빛넷‧가온랩・미르온"
    assert normalise(text) == "누리텔·한빛넷·가온랩·미르온"
    assert len(normalise(text)) == len(text)


def test_a_name_ending_like_a_particle_keeps_it_inside_a_list():
    text = "얼라이언스 회원사는 누리텍, 가온바이오, 미르세라미로, 한빛엔지니어링, 다솜소재 등이다.\n"
    assert ["누리텍", "가온바이오", "미르세라미로", "한빛엔지니어링", "다솜소재"] in lists_of(text)
    text = "얼라이언스 회원사는 누리텍, 가온바이오, 다솜소재, 미르세라미로 등이다.\n"
    assert ["누리텍", "가온바이오", "다솜소재", "미르세라미로"] in lists_of(text)
    # the list's last name takes its particle as ever
    text = "얼라이언스는 누리텍, 가온바이오, 다솜소재로 구성됐다.\n"
    assert all("다솜소재로" not in ms for ms in lists_of(text))
    # a number at the end of the line before is no amount measured by the name
    text = "협회 소식 2024\n가람·누리·다온세라미로 등 12곳이 한빛협회에 새로 가입했다.\n"
    assert ["가람", "누리", "다온세라미로"] in lists_of(text)


def subjects(text, kind="member_count"):
    return [c.subject for c in claims_of(text) if c.kind == kind]


def test_group_names_stop_at_verbs_counts_and_predecessors():
    # "20개 사가 G에": the count's own noun is not part of the group's name
    assert subjects("가온텍, 누리랩 등 12개 사가 미래산업연합회(미산련)에 가입했다.\n") == ["미래산업연합회"]
    # "H의 전신인 G": being H's predecessor
    text = ("미산련의 전신인 미래산업연합회(미산련)는 지난해 회원사가 300곳이었다.\n")
    assert all(not s.startswith("전신인") for s in subjects(text))
    # "…에 참여하여 G에": a verb ends the name
    text = "다솜상생협의체는 출범했다. 총 26개 중소기업이 멘토링에 참여하여 다솜상생협의체의 지원을 받는다.\n"
    assert all(not s.startswith("참여하여") for s in subjects(text))
    # a coordinated kind ("유관기관·협회") is no group
    assert all("유관기관" not in s for s in subjects("미래소재 얼라이언스에 17개 기업, 8개 유관기관·협회 참여\n"))


def test_a_quoted_meeting_of_a_group_is_the_group():
    text = "국토부는 28일 '누리망 코리아 제3회 본 협의체'를 열었다. 누리망 코리아 참여기관은 37개에서 47개 기관으로 늘었다.\n"
    assert set(subjects(text)) == {"누리망 코리아"}


def test_the_short_name_an_article_gives_a_group_refers_to_it():
    text = ("[한빛경제 박도윤 기자] 미래산업연합회(이하, 미산련)는 11일 이사회를 열었다.\n\n"
            "한편 가온텍, 누리랩, 다솜소재, 라온정보서비스산업협회 등도 회원사가 됐다.\n\n"
            "이로써 미산련 회원사는 모두 554개사로 늘었다.\n")
    assert subjects(text) == ["미래산업연합회"]


def test_a_photo_credit_under_a_caption_mark_is_not_the_end_of_the_article():
    from factcheck.nlp.sections import classify_lines
    text = ("미래소재 얼라이언스가 2일 임시총회를 열었다고 밝혔다. 얼라이언스는 올해 사업 계획을 의결했다고 덧붙였다.\n"
            "▲ © 미래소재 얼라이언스 임시총회\n"
            "얼라이언스는 가입을 신청한 기관을 심사해 회원을 늘렸다고 밝혔다.\n"
            "저작권자 © 한빛경제 무단전재 및 재배포 금지\n")
    labels = classify_lines(text)
    assert labels[2] != "furniture" and labels[3] == "furniture"


def test_a_photo_date_stamp_is_not_the_day_of_the_next_sentence():
    text = ("[서울=한빛뉴스] 김하늘 기자 = 미래소재 얼라이언스 사무국 현판.\n2023.09.19.\nkim@example.com\n"
            "[서울=한빛뉴스]박도윤 기자 = 가온텍, 누리랩, 다솜소재 등 12개사가 미래소재 얼라이언스에 가입했다.\n")
    got = [c for c in claims_of(text) if c.kind == "member_count"]
    assert got and all(c.as_of == date(2024, 4, 18) for c in got)


def test_kinds_counts_and_sets_of_firms_are_not_members():
    # "공급·수요기업, 협단체 등 829개": kinds of member
    assert lists_of("얼라이언스에는 공급기업, 수요기업, 협단체 등 829개 기업 및 기관이 참여하고 있다.\n") == []
    # "회원사 156개, 전문기업 87개사": a count is no member
    assert lists_of("얼라이언스에는 회원사 156개, 수소전문기업 87개사가 참여하고 있다.\n") == []
    assert lists_of("얼라이언스에는 가온텍과 국내 통신사업자, 통신장비기업들이 참여한다.\n") == []
    got = lists_of("얼라이언스에는 가온텍, 통신3사, 누리랩, 다솜소재 등이 참여했다.\n")
    assert got == [["가온텍", "누리랩", "다솜소재"]]


def test_a_list_of_one_kind_of_member_is_a_part():
    text = "얼라이언스엔 가온텍, 누리랩 등 25곳이 참여했다. 중소기업으로는 다솜소재, 라온칩, 미르웍스가 참여한다.\n"
    parts = [c.detail["partial"] for c in claims_of(PRE + text) if c.kind == "members" and "라온칩" in c.value]
    assert parts == [True]


def test_a_list_closed_by_deung_that_is_another_verbs_object_is_not_the_counts():
    text = "운용계획 및 얼라이언스 참여기관 확대 등을 논의하는 자리에서 신규 참여기관으로 10개 기관을 추가 선정했다.\n"
    assert lists_of(text) == []
    got = [(c.value, c.detail["role"]) for c in claims_of(PRE + text) if c.kind == "member_count"]
    assert got == [("10", "joined")]


def test_a_join_that_did_not_happen_is_no_event():
    text = "반면 누리포털과 가온쇼핑, 다솜페이 등은 가입 신청서를 제출하지 않은 것으로 알려졌다.\n"
    got = [(c.kind, c.value) for c in claims_of(PRE + text) if c.kind in ("event", "members") and c.start >= len(PRE)]
    assert got == []


def test_deung_glued_to_a_latin_name():
    text = "얼라이언스에는 HNT·GRT·MRT등 5개사가 참여했다.\n"
    got = [(c.detail["partial"], [m["name"] for m in c.detail["members"]]) for c in claims_of(PRE + text) if c.kind == "members"]
    assert got == [(True, ["HNT", "GRT", "MRT"])]


def test_a_short_and_a_former_name_in_one_bracket_are_both_the_groups():
    text = ("[한빛경제 박도윤 기자] 가온텍 등 20개 기업이 미래경제인협회(미경협·옛 한빛경제연합회)에 가입했다.\n\n"
            "가온텍은 미경협의 전신인 한빛경제연합회를 탈퇴했다가 돌아왔다. 한빛경제연합회 회원사는 모두 427개사로 늘었다.\n")
    assert set(subjects(text)) == {"미래경제인협회"}


def test_a_group_named_in_a_later_clause_is_not_the_counts():
    text = ("[한빛경제 박도윤 기자] 미래소재 얼라이언스는 지난해 5월 발족했다. "
            "현재 829개 기업·기관이 참여하고 있으며, 한빛소재산업협회에서 운영 사무국 역할을 맡고 있다.\n")
    assert subjects(text) == ["미래소재 얼라이언스"]


def test_a_big_group_word_alone_is_no_joiner():
    text = PRE + "지난해 가온·누리·다솜·라온 등 4대 그룹이 재가입하면서 회원사가 430여곳으로 늘었다.\n"
    joiners = [m["name"] for c in claims_of(text) if c.kind == "event" for m in c.detail["members"]]
    assert "그룹" not in joiners


def test_a_bulleted_list_is_a_list():
    text = "이번에 가입한 신규회사는 ▷가온제강 ▷누리케미컬 ▷다솜유업 ▷라온시멘트다.\n"
    got = [(c.detail["role"], [m["name"] for m in c.detail["members"]]) for c in claims_of(PRE + text) if c.kind == "members"]
    assert got == [("joined", ["가온제강", "누리케미컬", "다솜유업", "라온시멘트"])]


def test_the_big_n_closing_a_list_of_joiners():
    text = "지난해 가온과 누리, 다솜, 라온 등 4대 그룹이 재가입하면서 회원사가 430여곳으로 늘었다.\n"
    got = [(c.detail["role"], [m["name"] for m in c.detail["members"]]) for c in claims_of(PRE + text) if c.kind == "members"]
    assert got == [("joined", ["가온", "누리", "다솜", "라온"])]


def test_dotted_names_before_deung_and_a_bound_noun_after_a_join():
    text = "가온·누리·미르세라미로 등 20곳 가입 승인\n"
    assert ["가온", "누리", "미르세라미로"] in lists_of(text)
    text = "얼라이언스에 게임 기업이 합류한 것은 이번이 처음이다.\n"
    joiners = [m["name"] for c in claims_of(PRE + text) if c.kind == "event" for m in c.detail["members"]]
    assert "것" not in joiners


def test_the_speakers_organisation_is_not_the_counted_group():
    text = ("[한빛경제 박도윤 기자] 한빛자율주행협회는 '미래차 얼라이언스(이하 M-얼라이언스)'가 15일 출범한다고 밝혔다.\n\n"
            "한빛자율주행협회 관계자는 “최종적으로 6개 업체가 참여하는 협력에 이르게 됐다”고 말했다.\n\n"
            "M-얼라이언스는 표준 플랫폼을 함께 만든다.\n")
    assert subjects(text) == ["미래차 얼라이언스"]


def test_lists_of_a_groups_subgroups_belong_to_the_subgroups():
    text = ("얼라이언스에는 대학과 기업이 참여한다. 1분과에는 가온대와 누리대, 다솜전자, 라온칩 등이, "
            "2분과에는 미르대와 바다인증, 하늘정보 등이, 3분과에는 가온대와 새솔통신, 이음모빌리티 등이 참여한다.\n")
    got = {c.subject: [m["name"] for m in c.detail["members"]] for c in claims_of(PRE + text) if c.kind == "members"}
    assert got == {"미래소재 얼라이언스 1분과": ["가온대", "누리대", "다솜전자", "라온칩"],
                   "미래소재 얼라이언스 2분과": ["미르대", "바다인증", "하늘정보"],
                   "미래소재 얼라이언스 3분과": ["가온대", "새솔통신", "이음모빌리티"]}


def test_a_subgroup_of_an_unnamed_alliance_is_not_a_subgroup_of_a_group_named_in_passing():
    text = ("이 얼라이언스는 산업부가 만들었다. 얼라이언스는 4개 분과로 나뉜다.\n"
            "국내 기업과 대학이 얼라이언스에 참여한다. 1분과에는 가온대와 누리대, 다솜전자 등이 참여한다.\n"
            "산업부는 유럽의 가람(Garam) 커뮤니케이션 컨소시엄과의 협업도 추진한다.\n")
    got = [c.subject for c in claims_of(text) if c.kind == "members"]
    assert got == ["얼라이언스 1분과"]


def test_bare_descriptors_count_for_their_group_when_the_main_group_is_chosen():
    text = ("과기부와 한빛메타산업협회는 29일 미래소재 얼라이언스 출범 1주년 포럼을 열었다.\n"
            "얼라이언스와 여러 포럼들이 협력 선언을 했다.\n"
            "이 얼라이언스는 지난해 5월 발족했다.\n"
            "현재 829개 기업·기관이 참여하고 있으며, 한빛메타산업협회에서 운영 사무국 역할을 맡고 있다.\n")
    assert subjects(text) == ["미래소재 얼라이언스"]


def test_a_member_cue_after_words_that_only_say_where_or_how():
    text = "가람 컨소시엄은 가람건설을 비롯해 누리건설, 다솜토건 등이 입찰에 공동으로 참여했다.\n"
    got = [(c.subject, [m["name"] for m in c.detail["members"]]) for c in claims_of(text) if c.kind == "members"]
    assert got == [("가람 컨소시엄", ["가람건설", "누리건설", "다솜토건"])]


def test_a_list_of_those_who_attended_is_no_member_list():
    text = "이날 행사에는 여러 분야 관계자들이 참석했다. 주요 참석 기업은 가온차·누리전자·다솜모빌리티·라온텔레콤 등이다.\n"
    assert lists_of(text) == []
    text = "주요 참여 기업은 가온차·누리전자·다솜모빌리티·라온텔레콤 등이다.\n"
    assert lists_of(text) == [["가온차", "누리전자", "다솜모빌리티", "라온텔레콤"]]
