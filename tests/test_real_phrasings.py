"""Phrasings met in real news (2026-12 real-news round), each on an invented
sentence of the same structure: what is read as a member count, a member list
or a group, and what is not."""
from datetime import date

from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 4, 18)):
    doc = next(process([(normalise(text), published, None)]))
    return doc._.fc_claims


def lists_of(text, **kw):
    return [[m["name"] for m in c.detail["members"]] for c in claims_of(text, **kw) if c.kind == "members"]


def test_middle_dots_are_one_character_each():
    text = "누리텔ㆍ한빛넷‧가온랩・미르온"
    assert normalise(text) == "누리텔·한빛넷·가온랩·미르온"
    assert len(normalise(text)) == len(text)
