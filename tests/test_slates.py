"""Slates and boards of people, and short names of organisations that are no
people (invented names, the structure of phrasings met in real news)."""
from datetime import date

from factcheck.nlp.pipeline import process
from factcheck.nlp.wordclass import short_form_in_bracket


def claims_of(text: str, published=date(2024, 3, 2)):
    doc = next(process([(text, published, None)]))
    return doc._.fc_claims


def titles(cs):
    return {(c.subject, c.detail["title"]) for c in cs if c.kind == "title"}


def test_a_short_form_in_brackets_after_an_organisation_is_no_person():
    """"가람농민회총연맹(가농)", "(이하 누보협)": the short form names the
    organisation; "가농 의장" and "누보협 새 회장" hold no person."""
    assert short_form_in_bracket("전국가람농민회총연맹", "가농") == "가농"
    assert short_form_in_bracket("전국빈민연합", "전빈련") == "전빈련"
    assert short_form_in_bracket("대한누리보건협회", "이하 누보협") == "누보협"
    assert short_form_in_bracket("한빛전자", "김하늘") is None  # no syllables of the name
    assert short_form_in_bracket("김하늘", "하늘") is None  # no organisation
    text = ("누리진보연대에는 가람노총, 전국가람농민회총연맹(가농), 전국빈민연합(전빈련) 등이 참여한다.\n\n"
            "공동대표는 조하람 가람노총 위원장, 문가온 가농 의장, 김다솜 전빈련 의장 등 3명이 맡고 있다.\n\n"
            "가농 문가온 의장도 참석했다.\n")
    ts = titles(claims_of(text))
    assert not {p for p, _ in ts} & {"가농", "전빈련"}
    assert ("문가온", "의장") in ts and ("김다솜", "의장") in ts
    ts = titles(claims_of("대한누리보건협회(이하 누보협)가 총회를 열었다.\n\n누보협 새 회장에 김동하 직전 회장이 선출됐다.\n"))
    assert not {p for p, _ in ts} & {"누보협"}


def test_a_post_shared_by_a_slate_goes_to_each_person():
    """"공동대표에는 A …, B 변호사, C … 이 선출됐다", "이사는 A, B, … M 씨가 각각
    선임됐다" (thirteen names), "부지회장으로는 A(…), B(…), C(…)등을 선출하고",
    "공동준비위원장은 A …, B …, C … 3인이다", "소설가 A 씨를 비롯해 … 등이 위원으로
    참여했다": every person of the slate holds the post; a profession beside a
    name is no post and no organisation."""
    ts = titles(claims_of("공동대표에는 김하늘 가람연대 상임대표, 이바다 누리연맹 사무총장, 최서진 변호사, 박도윤 한빛21 사무총장이 선출됐다.\n"))
    assert {p for p, t in ts if t == "공동대표"} == {"김하늘", "이바다", "최서진", "박도윤"}
    assert not [p for p, t in ts if t == "변호사"]
    names = ["이가람", "최누리", "배하늘", "윤바다", "서구름", "김다솜", "이별하", "임도윤", "이서진", "정하람", "남가온", "김새롬", "고은별"]
    ts = titles(claims_of("이사는 " + ", ".join(names) + " 씨가 각각 선임됐다.\n"))
    assert {p for p, t in ts if t == "이사"} == set(names)
    ts = titles(claims_of("부지회장으로는 민하늘(음악협회), 정바다(문인협회), 하누리(음악협회)등을 선출하고 감사는 연구름(국악협회), 이별님(음악협회) 회원을 각각 선출했다.\n"))
    assert {p for p, t in ts if t == "부지회장"} == {"민하늘", "정바다", "하누리"}
    assert {p for p, t in ts if t == "감사"} == {"연구름", "이별님"}
    ts = titles(claims_of("공동준비위원장은 조하람 가람노총 위원장, 문가온 누리농민회 의장, 윤바다 가람여성연대 대표 3인이다.\n"))
    assert {p for p, t in ts if t == "공동준비위원장"} == {"조하람", "문가온", "윤바다"}
    ts = titles(claims_of("소설가 김하준 씨를 비롯해 영화감독 배도윤 씨, 최서하 씨 등이 위원으로 참여했다.\n"))
    assert {p for p, t in ts if t == "위원"} == {"김하준", "배도윤", "최서하"}
    ts = titles(claims_of("이사로는 가람우드 조하늘 대표, 누리우드 한바다 대표, 동해산업 김구름 대표 등 총 13개 회원사 대표가 선출됐다.\n"))
    assert {p for p, t in ts if t == "이사"} == {"조하늘", "한바다", "김구름"}


def test_a_profession_or_a_talk_is_no_slate():
    """A panel one speaks on is no post; a profession alone is no title."""
    ts = titles(claims_of("김하늘 한빛전자 대표와 박서준 누리금속 사장이 토론자로 참여했다.\n"))
    assert not [p for p, t in ts if t == "토론자"]
    ts = titles(claims_of("소설가 김하준 씨는 이날 강연했다.\n"))
    assert not ts
