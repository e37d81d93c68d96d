"""Deterministic keys: two names with one key are one entity, no scoring needed.

- organisations: spaces, quotes and ㈜/(주) dropped, stock codes dropped, a
  business group's suffix dropped (해람그룹 = 해람홀딩스 = 해람), Latin letters
  read out in Hangul (LGU+ = LG U+ = LG유플러스 = 엘지유플러스), short forms of
  suffixes (한양대학교 = 한양대), the alias lexicon (카이스트 = KAIST);
- groups: spaces and quotes dropped (AI 원팀 = 'AI원팀');
- titles: 제2차관 = 2차관, 최고기술책임자 = CTO.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load

_QUOTES = re.compile(r"[\s'\"‘’“”「」『』《》<>·∙ㆍ\-㈜]")
_BRACKET = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=200_000)
def org_key(name: str) -> str:
    lx = load()
    s = _BRACKET.sub("", name or "")
    words = s.split()
    if len(words) > 1:
        # "한국해양대학교 산학협력단" = "한국해양대 산학협력단": each word's short form
        s = " ".join(_short_form(w, lx) for w in words[:-1]) + " " + words[-1]
    s = _QUOTES.sub("", s)
    s = _short_form(s, lx)
    # "해람그룹" = "해람홀딩스" = "해람": a business group and its holding company
    for suffix in lx.business_group_suffixes:
        if s.endswith(suffix) and len(s) - len(suffix) >= 2:
            s = s[: -len(suffix)]
            break
    out = []
    for ch in s.upper():
        out.append(lx.letter_names.get(ch, ch))
    return "".join(out)


def _short_form(s: str, lx) -> str:
    for long, short in lx.org_short_forms:
        if s.endswith(long):
            return s[: -len(long)] + short
    return s


@lru_cache(maxsize=100_000)
def group_key(name: str) -> str:
    s = _BRACKET.sub("", name or "")
    return _QUOTES.sub("", s).upper()


def group_words(name: str) -> list[str]:
    return [w for w in _BRACKET.sub("", name or "").replace("'", " ").split() if w]


def norm_role(role: str | None) -> str:
    if not role:
        return ""
    s = _BRACKET.sub("", role)
    return re.sub(r"[\s·∙ㆍ]", "", s)
