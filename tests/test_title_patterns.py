"""Every title pattern's examples and counter-examples (factcheck/patterns/titles.json).

An example is a sentence (or two, for a back-reference) and the claim the
pattern must make from it: person, title, organisation, status. A ``not``
sentence is one the pattern must leave alone. Adding a pattern is adding its
examples; a change that breaks one fails here.
"""
from datetime import date

import pytest

from factcheck.nlp.pipeline import process
from factcheck.patterns import title_patterns

PATTERNS = title_patterns()["patterns"]


def _titles(text: str):
    doc = next(process([(text + "\n", date(2024, 4, 18), None)]))
    return [c for c in doc._.fc_claims if c.kind == "title"]


def _norm(s):
    return (s or "").replace(" ", "")


def _show(cs):
    return [(c.subject, c.value, c.detail.get("org"), c.detail.get("status"), c.detail.get("pattern")) for c in cs]


EXAMPLES = [pytest.param(p, ex, id=f"{p['id']}-{k}") for p in PATTERNS for k, ex in enumerate(p["examples"])]
NOTS = [pytest.param(p, text, id=f"{p['id']}-not{k}") for p in PATTERNS for k, text in enumerate(p["not"])]


def test_every_pattern_has_examples():
    assert len(PATTERNS) >= 20
    ids = [p["id"] for p in PATTERNS]
    assert len(ids) == len(set(ids))
    for p in PATTERNS:
        assert len(p["examples"]) >= 2 and len(p["not"]) >= 1, p["id"]
        assert 0 < p["confidence"] <= 1, p["id"]


@pytest.mark.parametrize("pattern,example", EXAMPLES)
def test_pattern_example(pattern, example):
    cs = _titles(example["text"])
    for c in cs:
        assert example["text"][c.start:c.end]  # a span of the text
    mine = [c for c in cs if c.detail.get("pattern") == pattern["id"]]
    want = (example["person"], _norm(example["title"]), example["org"], example["status"])
    got = [(c.subject, _norm(c.value), c.detail.get("org"), c.detail.get("status")) for c in mine]
    assert want in got, f"{want} not in {_show(cs)}"
    for c in mine:
        assert c.detail["former"] == (c.detail["status"] == "former")
        assert c.detail["confidence"] == pattern["confidence"]


@pytest.mark.parametrize("pattern,text", NOTS)
def test_pattern_leaves_alone(pattern, text):
    cs = _titles(text)
    mine = [c for c in cs if c.detail.get("pattern") == pattern["id"]]
    assert not mine, _show(mine)
