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
