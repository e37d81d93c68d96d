"""The eojeol tokenizer (nlp/eojeol.py): exact text, and the sentences spaCy's
rule-based tokenizer would give on news."""

import pytest
from conftest import news_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest.reader import read_path
from factcheck.nlp.pipeline import EOJEOL_TOKENIZER, RULE_TOKENIZER, blank_korean
from factcheck.nlp.sections import sentence_starts

EOJEOL = blank_korean(EOJEOL_TOKENIZER)
RULE = blank_korean(RULE_TOKENIZER)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("가나다 .,!?…\"'“”()[]·\n\t3A-") + ["..", "다. ", "\n\n", "  "]), max_size=80).map("".join)
       | st.text(max_size=200))
def test_tokens_rebuild_the_text_at_their_offsets(text):
    doc = EOJEOL(text)
    assert doc.text == text
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text


@pytest.mark.parametrize("text,tokens", [
    ("참여했다. 그는", ["참여했다", ".", "그는"]),
    ("말했다.\"그리고", ["말했다", ".", "\"", "그리고"]),
    ("3.5%였다. 다음", ["3.5%였다", ".", "다음"]),
    ("2020.06.03 발표", ["2020.06.03", "발표"]),
    ("동맹....' 다음", ["동맹", "....", "'", "다음"]),
    ("한빛전자(대표 김하늘)는", ["한빛전자", "(", "대표", "김하늘", ")", "는"]),
    ("했다?! 그", ["했다", "?", "!", "그"]),
])
def test_words_and_edge_marks(text, tokens):
    assert [t.text for t in EOJEOL(text)] == tokens


def test_same_sentences_as_the_rule_tokenizer_on_news():
    """On the seeds and the development corpus the sentencizer ends the same
    sentences after either tokenizer (the eojeol one costs a third)."""
    paths = news_articles()
    assert paths
    for p in paths:
        text = read_path(p).text
        assert sentence_starts(EOJEOL(text)) == sentence_starts(RULE(text)), p.name
