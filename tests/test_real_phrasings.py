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
    text = "얼라이언스 회원사는 누리텍, 가온바이오, 미르에코프로, 한빛엔지니어링, 다솜소재 등이다.\n"
    assert ["누리텍", "가온바이오", "미르에코프로", "한빛엔지니어링", "다솜소재"] in lists_of(text)
    text = "얼라이언스 회원사는 누리텍, 가온바이오, 다솜소재, 미르에코프로 등이다.\n"
    assert ["누리텍", "가온바이오", "다솜소재", "미르에코프로"] in lists_of(text)
    # the list's last name takes its particle as ever
    text = "얼라이언스는 누리텍, 가온바이오, 다솜소재로 구성됐다.\n"
    assert all("다솜소재로" not in ms for ms in lists_of(text))

