"""Phrasings met in a fourth set of real news (error classes, written again
with made-up names and the same structure; no corpus text)."""
from datetime import date

from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 3, 2)):
    doc = next(process([(text, published, None)]))
    return doc._.fc_claims


def counts(cs):
    return [(c.subject, c.detail["count"], c.detail["role"]) for c in cs if c.kind == "member_count"]


def test_a_topic_owns_the_members_its_predicate_counts_whatever_it_is_called():
    """"별빛링크는 이달 기준 A, B 등 19개 항공사로 구성됐다": the topic is the
    group, adverbs of time between it and the list; a topic with a group word
    owns what joined it, before a group word written among the members."""
    cs = claims_of("별빛링크는 이달 기준 가람항공, 바다항공, 하늘항공 등 19개 항공사로 구성됐다.\n")
    assert counts(cs) == [("별빛링크", 19, "total")]
    cs = claims_of("누리진보연대에는 가람청년회, 바다학생연합, 하늘여성연대 등 총 9개 단체가 가입했다.\n")
    assert counts(cs) == [("누리진보연대", 9, "total")]  # 총: how many it has, not how many came in
    lists = [c for c in cs if c.kind == "members"]
    assert [m["name"] for m in lists[0].detail["members"]] == ["가람청년회", "바다학생연합", "하늘여성연대"]
    cs = claims_of("별빛링크는 2000년 출범한 글로벌 항공 동맹으로, 현재 18개 회원사가 참여하는 협력체다.\n")
    assert counts(cs) == [("별빛링크", 18, "total")]


def test_an_occasion_in_eneun_owns_no_members():
    """"이번 협약에는 A, B 등 11개 기관이 참여했다", "전날 출범식에는 … 아홉 곳이
    참여했다": where they took part is no group."""
    cs = claims_of("'다온링크' 컨소시엄이 협약식을 열었다.\n\n이번 협약에는 가람내비, 바다택시, 한빛렌터카 등 11개 기관이 참여했다.\n")
    assert [s for s, _, _ in counts(cs)] == ["다온링크"]


def test_a_count_of_civic_bodies_and_the_group_after_it():
    """The counter grammar takes fields of civic bodies ("19개 부문단체", "2백여개
    시민운동단체"); "N개 단체가 하나의 조직으로 뭉친 G", "N개 단체를 하나로 통합한 G",
    "N개 회원사를 거느린 G": the group after the count owns it."""
    cs = claims_of("가람노조 등 35개 노동 농민 재야운동단체가 하나의 조직으로 뭉친 '누리민중연대'가 14일 공식 출범했다.\n")
    assert counts(cs) == [("누리민중연대", 35, "total")]
    cs = claims_of("국내 2백여개 시민운동단체를 하나로 통합한 '별빛시민연대회의'가 27일 출범했다.\n")
    assert counts(cs) == [("별빛시민연대회의", 200, "total")]


def test_candidates_asking_to_join_are_no_members():
    """"A, B, C 등 3곳이 컨소시엄 구성을 요청해와 검토하고 있다", "3개 기업을 컨소시엄
    협력 대상자로 확정했다": candidates, no count and no member list."""
    cs = claims_of("누리공제회는 가람건설, 한빛산업, 바다중공업 등 3곳이 컨소시엄 구성을 요청해와 검토하고 있다고 밝혔다.\n")
    assert counts(cs) == [] and not [c for c in cs if c.kind == "members"]


def test_a_roster_lead_in_gives_each_bulleted_person_the_post():
    """"다음은 위원 명단. △A 소설가(74·경북) △B …": each person is a 위원; a
    profession (소설가) is no name."""
    text = ("가람통합위원회가 17일 출범했다.\n\n"
            "다음은 위원 명단. △김하늘 소설가(74·경북) △박서준 가람노조 정책자문위원(55·전북)\n\n"
            "자문위원 명단은 다음과 같다.\n▲정누리(74) 한빛재단 이사장 ▲이구름(63) 바다포럼 상임이사\n")
    got = {(c.subject, c.value) for c in claims_of(text) if c.kind == "title"}
    assert {("김하늘", "위원"), ("박서준", "위원"), ("정누리", "자문위원"), ("이구름", "자문위원")} <= got
    assert not [t for s, t in got if s == "소설가"]


def test_short_names_of_committees_are_no_people_and_the_late_are_former():
    """"조정위 위원장": a three-syllable short name ending in 위 is an
    organisation; "고(故) 김하늘 회장": a former title."""
    cs = claims_of("박서준 전 조정위 위원장은 자문단에 합류했다.\n")
    assert not [c for c in cs if c.kind == "title" and c.subject == "조정위"]
    cs = claims_of("이 행사는 고(故) 김하늘 가람그룹 회장의 뜻을 기렸다.\n")
    t = [c for c in cs if c.kind == "title" and c.subject == "김하늘"]
    assert t and all(c.detail["status"] == "former" for c in t)


def test_an_empty_bracket_after_a_name_and_a_clause_before_a_group_word():
    """"이누리() 한빛연합 사무총장": an empty bracket (dropped hanja) leaves the
    name a name; "가람협회가 주축인 누리협의회에는 한빛연대를 비롯해 … 150여 개
    단체가 속해 있다": "주축인" is a clause, and a group opening the list is a member."""
    cs = claims_of("이날 행사에서 이누리() 한빛연합 사무총장이 인사했다.\n")
    assert [(c.subject, c.value) for c in cs if c.kind == "title"] == [("이누리", "사무총장")]
    cs = claims_of("가람협회가 주축인 누리협의회에는 한빛연대를 비롯해 풀뿌리 단체 등 150여 개 단체가 속해 있다.\n")
    assert counts(cs) == [("누리협의회", 150, "total")]


def test_a_topic_written_with_en_owns_the_count():
    """"별빛얼라이언스엔 A, B, C 등 27개 항공사가 포함돼 있다": 엔 is 에는 written short."""
    cs = claims_of("별빛얼라이언스엔 가람항공, 바다항공, 하늘항공 등 27개 항공사가 포함돼 있다.\n")
    assert counts(cs) == [("별빛얼라이언스", 27, "total")]


def test_a_roster_of_a_kind_of_post():
    """"민간위원 명단은 다음과 같다. ▲A(74) 한빛재단 이사장 ▲B(63) …": each is a 민간위원."""
    text = "가람통합위원회가 17일 출범했다.\n민간위원 명단은 다음과 같다.\n▲김하늘(74) 한빛재단 이사장 ▲박서준(63) 바다포럼 상임이사\n"
    got = {(c.subject, c.value) for c in claims_of(text) if c.kind == "title"}
    assert {("김하늘", "민간위원"), ("박서준", "민간위원"), ("김하늘", "이사장")} <= got
