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
