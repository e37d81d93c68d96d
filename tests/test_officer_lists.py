"""A list of new officers ("△회장 김하늘(가람물산 대표) △부회장 …"):
invented sentences of a structure met in blind held-out articles."""
from datetime import date

from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process


def titles_of(text: str, published=date(2025, 2, 26)):
    text = normalise(text)
    doc = next(process([(text, published, None)]))
    out = set()
    for c in doc._.fc_claims:
        if c.kind == "title":
            assert text[c.start:c.end] in text
            out.add((c.subject, c.detail.get("title") or c.value))
    return out


def test_each_bulleted_post_is_the_post_of_the_person_after_it():
    text = ("[인사] 가람물류협회\n\n◇가람물류협회 신임 임원(26일 정기총회 선출)\n\n"
            "△회장 김하늘(가람물산 대표) △수석부회장 박서준(누리상사 전무) △감사 이도윤(바른회계법인 대표)\n")
    got = titles_of(text)
    assert {("김하늘", "회장"), ("김하늘", "대표"), ("박서준", "수석부회장"), ("박서준", "전무"), ("이도윤", "감사")} <= got
    # the post opening the next item is never the previous person's
    assert ("김하늘", "수석부회장") not in got and ("박서준", "감사") not in got
