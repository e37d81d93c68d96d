"""The text of a Doc, without rebuilding it.

``Doc.text`` joins every token's text on each call; the pipeline keeps the
string it was given in ``doc.user_data["fc_text"]`` and the components read it
from there (the same characters, so every offset holds).
"""
from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get("fc_text") if doc.user_data else None
    return text if text is not None else doc.text
