"""Patterns are data files in this folder; this module only loads them.

``titles.json``: the word-type sequences that make a title claim (read by
``factcheck/nlp/titles.py``), each with its examples, the sentences it must
leave alone, and its precision measured on the development corpus
(``bench/pattern_precision.py`` writes it back as ``confidence``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def title_patterns() -> dict:
    return load("titles.json")
