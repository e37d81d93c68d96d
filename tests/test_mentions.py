"""The typed-mention layer (nlp/mention_layer.py, ``factcheck mentions``):
spans typed PERSON, ORG, GROUP, ROLE, RANK, COUNT, DATE, each with its
evidence, each an exact slice of the stored text."""
import json
from datetime import date

from click.testing import CliRunner
from conftest import news_articles

from factcheck.cli import cli
from factcheck.ingest.reader import read_path
from factcheck.nlp.pipeline import process

ARTICLE = ("누리소재, '그린 얼라이언스' 합류\n\n"
           "김하늘 누리소재 사장은 25일 '그린 얼라이언스'에 한빛화학(051910), 온새전자 등 12곳이 참여한다고 밝혔다. "
           "박서준 한빛화학 전략기획본부장(부사장)도 자리를 함께했다.\n")


def _mentions(text: str, published=date(2024, 4, 18)):
    doc = next(process([(text, published, None)]))
    return doc, doc._.fc_mentions


def _by_type(ms):
    out = {}
    for m in ms:
        out.setdefault(m.type, []).append(m)
    return out


def test_every_type_with_its_evidence():
    _, ms = _mentions(ARTICLE)
    got = {(m.type, m.text) for m in ms}
    assert ("PERSON", "김하늘") in got and ("PERSON", "박서준") in got
    assert ("ORG", "누리소재") in got and ("ORG", "한빛화학") in got
    assert ("RANK", "사장") in got and ("RANK", "부사장") in got
    assert ("ROLE", "전략기획본부장") in got
    assert ("GROUP", "그린 얼라이언스") in got
    assert ("COUNT", "12곳") in got
    assert ("DATE", "25일") in got
    ev = {(m.type, m.text): m.evidence for m in ms}
    assert "사장" in ev[("PERSON", "김하늘")]  # named with a title
    assert "051910" in ev[("ORG", "한빛화학")] or "title" in ev[("ORG", "한빛화학")]
    assert "얼라이언스" in ev[("GROUP", "그린 얼라이언스")]
    assert "2024-03-25" in ev[("DATE", "25일")]  # the 25th before the 18 April article
    # a company named only in a list is an organisation because the list says so
    assert ("ORG", "온새전자") in got


def test_a_word_is_not_a_person_for_its_shape_alone():
    _, ms = _mentions("국내 부사장 인사가 이어졌다. 이번 사장단 회의는 길었다.\n")
    assert not [m for m in ms if m.type == "PERSON"]


def test_mentions_are_slices_of_their_sentence_on_news():
    for p in news_articles():
        src = read_path(p)
        doc, ms = _mentions(src.text, src.published)
        sents = {s.idx: s for s in doc._.fc_sentences}
        for m in ms:
            assert src.text[m.start:m.end] == m.text and m.text.strip() == m.text, (p.name, m)
            s = sents[m.sentence_idx]
            assert s.start <= m.start < m.end <= s.end, (p.name, m)
            assert m.evidence


def test_cli_places_each_mention_in_the_file(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\npublished: 2024-04-18\noutlet: 테스트일보\n---\n" + ARTICLE, encoding="utf-8")
    out = CliRunner().invoke(cli, ["mentions", str(f), "--format", "json", "--type", "PERSON"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)["mentions"]
    assert {r["text"] for r in rows} == {"김하늘", "박서준"}
    lines = f.read_text(encoding="utf-8").split("\n")
    for r in rows:
        assert r["type"] == "PERSON"
        assert lines[r["line"] - 1][r["col"] - 1:].startswith(r["text"])
    table = CliRunner().invoke(cli, ["mentions", str(f)])
    assert table.exit_code == 0 and "그린 얼라이언스" in table.output
    bad = CliRunner().invoke(cli, ["mentions", str(tmp_path / "missing.txt")])
    assert bad.exit_code == 2 and "missing.txt" in bad.output


def test_an_organisation_another_source_confirmed():
    """A name the store's gazetteer holds (another source gave its stock
    code, say) is an organisation here too, and the layer says why."""
    text = "가람은 새 협의회 참여를 검토한다.\n"
    plain = next(process([(text, date(2024, 4, 18), None)]))
    assert not [m for m in plain._.fc_mentions if m.text == "가람"]
    doc = next(process([(text, date(2024, 4, 18), None, frozenset({"가람"}))]))
    ms = [m for m in doc._.fc_mentions if m.type == "ORG" and m.text == "가람"]
    assert ms and "another source" in ms[0].evidence


def test_sentences_that_cannot_hold_a_claim_are_not_read_word_by_word():
    """The pre-screen (may_hold_claims) lets through every sentence a claim
    came from, on the seeds and the development corpus."""
    from factcheck.nlp.mention_layer import may_hold_claims

    assert not may_hold_claims("날씨가 맑았다.")
    assert may_hold_claims("가온 3곳이 함께한다.") and may_hold_claims("그는 부사장이다.")
    for p in news_articles():
        src = read_path(p)
        doc = next(process([(src.text, src.published, None)]))
        sents = {s.idx: s for s in doc._.fc_sentences}
        for c in doc._.fc_claims:
            s = sents[c.sentence_idx]
            assert may_hold_claims(src.text[s.start:s.end]), (p.name, c.kind, c.subject)
