"""Property tests: arbitrary text never crashes ingest, and spans are exact."""
from datetime import date

from hypothesis import HealthCheck, given, settings
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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
def test_arbitrary_unicode(text, published):
    _check(text, published)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(korean_news, st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)))
def test_korean_like_news(text, published):
    _check(text, published)
