"""Build the spaCy pipeline in code: no model download, no mecab-ko.

``spacy.blank("ko")`` with the eojeol tokenizer (``factcheck.Eojeol.v1``:
space-separated words, edge punctuation apart), the sentencizer, and the
project's components: ``factcheck_sections`` (sentences and their section),
``factcheck_mentions`` (words, dates and typed mentions) and
``factcheck_claims``. A trained pipeline (e.g. ``ko_core_news_lg``) is
used instead of the blank one when the user has it installed and asks for it
(``FACTCHECK_SPACY_MODEL``); our components are added on top either way.
"""
from __future__ import annotations

import os
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """The document's text: the string we were given, else Doc.text."""
    text = doc.user_data.get("fc_text") if doc.user_data else None
    return text if text is not None else doc.text

from ..ingest.reader import MAX_CHARS
from . import claims as _claims  # noqa: F401  (registers factcheck_claims)
from . import eojeol as _eojeol  # noqa: F401  (registers factcheck.Eojeol.v1)
from . import mention_layer as _mentions  # noqa: F401  (registers factcheck_mentions)
from . import sections as _sections  # noqa: F401  (registers factcheck_sections)

RULE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}
EOJEOL_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "factcheck.Eojeol.v1"}}}


def blank_korean(tokenizer: dict = RULE_TOKENIZER) -> Language:
    """Blank Korean with the sentencizer: with spaCy's rule-based tokenizer,
    the bare baseline of the benchmark; with ``EOJEOL_TOKENIZER``, the base
    of our pipeline (the same sentences, a third of the time: eojeol.py)."""
    nlp = spacy.blank("ko", config=tokenizer)
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=2)
def build_nlp(model: str | None = None) -> Language:
    model = model or os.environ.get("FACTCHECK_SPACY_MODEL") or None
    if model:
        nlp = spacy.load(model, exclude=["ner"])
        if "sentencizer" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
    else:
        nlp = blank_korean(EOJEOL_TOKENIZER)
    nlp.add_pipe("factcheck_sections")
    nlp.add_pipe("factcheck_mentions")
    nlp.add_pipe("factcheck_claims")
    nlp.max_length = MAX_CHARS + 1  # the reader refuses longer texts first
    return nlp


def make_doc(nlp: Language, text: str, published: date | None, title: str | None = None,
             orgs: Iterable[str] | None = None, confirm: bool = True) -> Doc:
    """``orgs``: organisation names other sources confirmed (the store's
    gazetteer, or the part of it the text contains); ``confirm``: whether to
    read the document's own confirmations (``doc._.fc_org_evidence``)."""
    doc = nlp.make_doc(text)
    doc.user_data["fc_text"] = text  # Doc.text re-joins every token; keep the string
    doc._.fc_published = published
    doc.user_data["fc_title"] = title
    if orgs:
        doc.user_data["fc_gazetteer"] = orgs if isinstance(orgs, frozenset) else frozenset(orgs)
    if not confirm:
        doc.user_data["fc_confirm"] = False
    return doc


def process(items: Iterable[tuple], batch_size: int = 32, confirm: bool = True) -> Iterator[Doc]:
    """Run the pipeline over (text, published, title[, orgs]) items in batches."""
    nlp = build_nlp()
    docs = (make_doc(nlp, it[0], it[1], it[2], it[3] if len(it) > 3 else None, confirm) for it in items)
    yield from nlp.pipe(docs, batch_size=batch_size)
