"""Phrasings met in a second set of real news (wrong findings, wrong claims,
misses), each on an invented sentence of the same structure."""
from datetime import date

from factcheck.copydesk import check_articles
from factcheck.ingest.reader import normalise
from factcheck.nlp.pipeline import process


def claims_of(text: str, published=date(2024, 3, 5)):
    doc = next(process([(normalise(text), published, None)]))
    return doc._.fc_claims


def titles_of(text: str, **kw):
    return {(c.subject, c.value, c.detail.get("org"), c.detail.get("status") or "current")
            for c in claims_of(text, **kw) if c.kind == "title"}


def findings_of(article, *texts):
    paths = [str(article(f"a{i}.txt", "2024-03-05", f"가람일보{i}", t)) for i, t in enumerate(texts)]
    return [(f.severity, f.kind, f.subject) for f in check_articles(paths).findings]


def test_a_qualifier_fused_before_a_rank_keeps_the_rank():
    # "정무부시장" is a 부시장 (not 정무부시 + 시장); the qualifier is its role
    (c,) = [c for c in claims_of("한서윤 가람시 행정부시장은 \"협력하겠다\"고 말했다.\n") if c.kind == "title"]
    assert (c.subject, c.value, c.detail["rank"], c.detail["role"]) == ("한서윤", "행정부시장", "부시장", "행정")
    got = titles_of("누리식품 하윤슬 총괄부사장과 가람시 제1부시장 오세린이 참석했다.\n")
    assert {(s, v) for s, v, _, _ in got} == {("하윤슬", "총괄부사장"), ("오세린", "제1부시장")}


def test_a_qualified_rank_and_the_bare_rank_are_one_post(article):
    text = "가람시 한서윤 부시장이 개회사를 했다. 한서윤 가람시 행정부시장은 \"협력하겠다\"고 말했다.\n"
    assert findings_of(article, text) == []

