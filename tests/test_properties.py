"""Property tests: arbitrary text never crashes ingest, and spans are exact."""
from datetime import date

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factcheck.nlp.pipeline import process

LEXICON_WORDS = ["KT", "LG전자", "한양대학교", "한국과학기술원(KAIST)", "사장", "부사장은", "전무", "총장", "대표",
                 "원팀", "얼라이언스", "협의회", "9개 기관", "12곳", "등", "합류했다", "출범한", "참여한다", "김 사장은",
                 "전홍범", "박일평", "권봉석", "AI·DX사업부문장", "제2차관", "25일", "지난 3월", ",", ".", "\n", "\n\n",
                 "(왼쪽부터)", "[사진=KT]", "저작권자 ©", "[관련기사]", "\"", "'", "를 비롯해", "와"]

korean_news = st.lists(st.sampled_from(LEXICON_WORDS), min_size=0, max_size=60).map(" ".join)


def _check(text: str, published):
    doc = next(process([(text, published, None)]))
    for s in doc._.fc_sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    for c in doc._.fc_claims:
        assert 0 <= c.start <= c.end <= len(text)
        sent = doc._.fc_sentences[c.sentence_idx]
        assert sent.start <= c.start and c.end <= sent.end
        for m in c.detail.get("members") or []:
            assert text[m["start"]:m["end"]] == m["name"]
    sents = {s.idx: s for s in doc._.fc_sentences}
    for m in doc._.fc_mentions:  # the typed-mention layer: exact slices inside their sentence
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert sents[m.sentence_idx].start <= m.start and m.end <= sents[m.sentence_idx].end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
def test_arbitrary_unicode(text, published):
    _check(text, published)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(korean_news, st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)))
def test_korean_like_news(text, published):
    _check(text, published)


# --------------------------------------------------------------------------
# the whole pipeline: files -> add -> check -> reports, on arbitrary input

import json
import tempfile
from pathlib import Path

import duckdb
from conftest import SEED_000, SEED_001

from factcheck import api
from factcheck.errors import FactcheckError

SEEDS = [SEED_000.read_text(encoding="utf-8"), SEED_001.read_text(encoding="utf-8")]
ODD = ["\r\n", "\r", "\u200b", "\u00a0", "\u3000", "\ufeff", "e\u0301", "\u1100\u1161\u11a8", "ㄱ", "…", "·", "(", ")", "[", "]",
       "\"", "'", "「", "」", "<script>", "&amp;", "---", "\n\n", "9곳", "12개사", "제1차관", "(부사장)", "(CTO)", "등 ", "와 함께"]


@st.composite
def mutated_seed(draw):
    """A seed with spans deleted, duplicated or moved, and odd characters
    (line ends, zero-width, decomposed Hangul, brackets) dropped in."""
    text = draw(st.sampled_from(SEEDS))
    head, sep, body = text.partition("\n---\n")  # keep the front matter readable
    for _ in range(draw(st.integers(0, 6))):
        if not body:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "move", "lexicon"]))
        i = draw(st.integers(0, len(body)))
        j = min(len(body), i + draw(st.integers(0, 200)))
        if op == "delete":
            body = body[:i] + body[j:]
        elif op == "duplicate":
            body = body[:j] + body[i:j] + body[j:]
        elif op == "insert":
            body = body[:i] + draw(st.one_of(st.sampled_from(ODD), st.text(max_size=5))) + body[i:]
        elif op == "move":
            piece = body[i:j]
            rest = body[:i] + body[j:]
            k = draw(st.integers(0, len(rest)))
            body = rest[:k] + piece + rest[k:]
        else:
            body = body[:i] + " " + draw(st.sampled_from(LEXICON_WORDS)) + " " + body[i:]
    return head + sep + body


def _front(published: date | None, outlet: str) -> str:
    lines = ["---"]
    if published:
        lines.append(f"published: {published.isoformat()}")
    lines.append("outlet: '" + outlet.replace("'", "''") + "'")
    return "\n".join(lines + ["---", ""])


any_article = st.one_of(
    mutated_seed(),
    st.builds(lambda d, o, t: _front(d, o) + t, st.none() | st.dates(date(2000, 1, 1), date(2025, 1, 1)),
              st.text(max_size=30), korean_news),
    st.builds(lambda d, t: _front(d, "x") + t, st.dates(date(2000, 1, 1), date(2025, 1, 1)), st.text(max_size=300)),
)


def _assert_spans(db: str) -> int:
    con = duckdb.connect(db, read_only=True)
    try:
        texts = dict(con.execute("SELECT id, text FROM sources").fetchall())
        n = 0
        for sid, start, end, quote, s0, s1, detail in con.execute(
            'SELECT source_id, start, "end", quote, sentence_start, sentence_end, detail FROM claims'
        ).fetchall():
            text = texts[sid]
            assert text[start:end] == quote
            assert s0 <= start <= end <= s1 <= len(text)
            for m in json.loads(detail).get("members") or []:
                assert text[m["start"]:m["end"]] == m["name"]
            n += 1
        for sid, start, end, sent in con.execute('SELECT source_id, start, "end", text FROM sentences').fetchall():
            assert texts[sid][start:end] == sent
        return n
    finally:
        con.close()


def _assert_evidence(result, db: str) -> None:
    con = duckdb.connect(db, read_only=True)
    try:
        texts = dict(con.execute("SELECT id, text FROM sources").fetchall())
    finally:
        con.close()
    for f in result.findings:
        assert f.evidence
        for ev in f.evidence:
            text = texts[ev["source"]]
            assert text[ev["sentence_start"]:ev["sentence_end"]] == ev["sentence"]
            assert ev["sentence_start"] <= ev["start"] <= ev["end"] <= ev["sentence_end"]
            if ev["quote"] is not None:
                assert text[ev["start"]:ev["end"]] == ev["quote"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(any_article, min_size=1, max_size=4))
def test_whole_pipeline_on_arbitrary_articles(articles):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        for i, a in enumerate(articles):
            (root / "sources" / f"{i}.txt").write_bytes(a.encode("utf-8", "surrogatepass"))
        db = str(root / "claims" / "factcheck.duckdb")
        try:
            added = api.add_sources(db, [str(root / "sources")])
        except FactcheckError:
            return  # e.g. nothing readable: a one-line error is the right answer
        for e in added.errors:
            assert isinstance(e, FactcheckError) and "\n" not in str(e)
        if not Path(db).exists():
            return
        claims = _assert_spans(db)
        result = api.run_check(db)
        _assert_evidence(result, db)
        event(f"claims: {'some' if claims else 'none'}; findings: {'some' if result.findings else 'none'}")
        written = api.write_reports(db, str(root / "reports"), ("html", "markdown", "json"), result)
        assert len(written) == 3
        report = json.loads((root / "reports" / "report.json").read_text(encoding="utf-8"))
        assert len(report["findings"]) == len(result.findings)
        html = (root / "reports" / "report.html").read_text(encoding="utf-8")
        assert "<script" not in html.lower()
