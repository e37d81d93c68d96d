"""The ``factcheck.Eojeol.v1`` tokenizer: space-separated words (eojeol),
with the punctuation at their edges as tokens of its own.

Korean writes particles and endings onto the word ("부사장은", "참여했다."),
and the extractor reads whole words (``tokens.split_words``), so spaCy's
rule-based tokenizer, built for languages whose affixes are split off, does
work nobody uses: on Korean news it is most of bare spaCy's time. This one
makes a ``Doc`` from one regular expression: a token is a run of characters
that are not spaces and not edge punctuation, or one punctuation character.
A period inside a word stays in it ("3.5%", "2020.06.03", "A.B."), as spaCy
keeps it; a period, question or exclamation mark at the end of a word, or
before a quote or bracket, is a token, so the sentencizer ends sentences
where spaCy's tokenizer would let it.

Offsets are exact: ``doc[i].idx`` is the token's offset in the text and the
tokens with their spaces rebuild the text character for character.
"""
from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

# punctuation split from the edges of a word, one character a token
_EDGE = "\"'‘’“”「」『』《》〈〉<>()\\[\\]{}【】,;:!?…·~"
_TOKEN = re.compile(
    rf"[{_EDGE}]"  # an edge mark
    r"|\.{2,}"  # an ellipsis written with periods, one token (not a sentence end)
    r"|\.(?!\w)"  # a period not followed by a letter or digit: it ends the word
    rf"|(?:[^\s{_EDGE}.]|\.(?=\w))+"  # a word: anything else, inner periods included
)


class EojeolTokenizer:
    """Words as written, edge punctuation apart; no affix rules, no cache."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []

        def gap(white: str) -> None:
            # spaCy's model of text: a token is followed by one space or
            # none; other whitespace is a token of its own
            if words and white[:1] == " ":
                spaces[-1] = True
                white = white[1:]
            if white:
                words.append(white)
                spaces.append(False)

        pos = 0
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            if s > pos:
                gap(text[pos:s])
            words.append(m.group())
            spaces.append(False)
            pos = e
        if pos < len(text):
            gap(text[pos:])
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy serialises a tokenizer with the pipeline; this one has no state
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "EojeolTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "EojeolTokenizer":
        return self


@spacy.registry.tokenizers("factcheck.Eojeol.v1")
def create_eojeol_tokenizer():
    def make(nlp) -> EojeolTokenizer:
        return EojeolTokenizer(nlp.vocab)

    return make
