"""The corpus-level organisation gazetteer, on the extraction side.

An organisation whose name has no telling suffix ("누리온", "카카오") is
recognised by a suffix list nowhere; one article may still say it is one in a
context that leaves no doubt, and then every other article of the store can
use that:

- ``code``: a stock code after it, "누리온(035720)";
- ``acronym``: a parenthetical acronym after a word that ends like an
  organisation, "한국과학기술원(KAIST)", or a romanised name after any word,
  "그린타이드(GreenTide)" (not a term glossed: "인공지능(AI)", "칩렛(chiplet)");
- ``list``: a member of a comma-separated list in the body whose stated count
  equals the names listed, "가온, 누리온, 다솜 3개사" (not a count of people:
  "… 2명");
- ``title``: the word directly before "PERSON RANK" in a current title claim
  with that organisation, "누리온 김하늘 대표".

Extraction emits these *confirmations* (``doc._.fc_org_evidence``: name, start, end,
how; ``text[start:end] == name``) and receives the names other sources
confirmed (``doc.user_data["fc_gazetteer"]``, see ``pipeline.make_doc``): such a
word is an organisation, as a word the article itself gave a code is.

Confirmations never depend on the gazetteer: when a name from it answered a
question while extracting, the confirmations are read from a second run
without it. So the gazetteer is a function of the set of sources, whatever
order they were added in. The extraction also records which names it asked
the gazetteer about and the answers (``doc._.fc_org_lookups``): a source needs
extracting again only when one of those answers changes (the store side:
``ingest/gazetteer.py``).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicons import load
from .tokens import paren_kind
from .wordclass import _VERBISH, group_head, rank_of, role_of, short_form_in_bracket


class OrgEvidence(NamedTuple):
    name: str
    start: int
    end: int
    how: str  # code, acronym, list, title


class KnownOrgs(set):
    """The organisations an article has named so far (a set, as before), and
    behind them the names other sources confirmed. Every name whose answer
    the article itself did not give is written down in ``lookups`` (name ->
    found in the gazetteer): the extraction is a function of the text and of
    these answers only, so a change of the gazetteer that answers none of
    them differently leaves it as it is (``ingest/gazetteer.py`` finds the
    sources to extract again by this, in SQL)."""

    __slots__ = ("gazetteer", "lookups")

    def __init__(self, gazetteer: frozenset[str] = frozenset()):
        super().__init__()
        self.gazetteer = gazetteer
        self.lookups: dict[str, bool] = {}

    def __contains__(self, name) -> bool:
        if set.__contains__(self, name):
            return True
        found = name in self.gazetteer
        self.lookups[name] = found
        return found

    @property
    def consulted(self) -> bool:
        """Whether the gazetteer answered yes anywhere (the extraction is then
        not what it would be without it)."""
        return any(self.lookups.values())

    def decisive(self) -> dict[str, bool]:
        """The lookups a gazetteer could ever answer: names it may hold."""
        return {n: f for n, f in self.lookups.items() if f or _plausible(n)}


_PEOPLE_COUNT = re.compile(r"(?:\d|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*명")
_HANGUL_OR_LATIN = re.compile(r"[가-힣A-Za-z]")


def _plausible(name: str) -> bool:
    """A name the gazetteer may hold: one word, with letters, no post, no
    common word."""
    lx = load()
    return (len(name) >= 2 and not any(ch.isspace() for ch in name) and bool(_HANGUL_OR_LATIN.search(name))
            and not rank_of(name) and not role_of(name) and not group_head(name)
            and name not in lx.stopwords and name not in lx.generic_nouns and name not in lx.descriptors)


def _named_by_acronym(base: str, paren: str) -> bool:
    """"한국과학기술원(KAIST)", "그린타이드(GreenTide)": an organisation; "인공지능(AI)",
    "칩렛(chiplet)": a term glossed. Either the word ends like an organisation,
    or the bracket spells a name (a capital, then small letters), not an
    initialism or a common noun."""
    if _org_suffixed(base):
        return True
    # one romanised word, capitalised: "GreenTide", "Q-Plex" (not "Frost & Sullivan"
    # after its last word only, nor an initialism "AI", nor "chiplet")
    return len(paren) >= 4 and paren[:1].isupper() and any(ch.islower() for ch in paren) and not any(ch.isspace() or ch == "&" for ch in paren)


def _org_suffixed(name: str) -> bool:
    return len(name) >= 2 and any(name.endswith(suf) for suf in load().org_suffixes)


def confirmations(ex) -> list[OrgEvidence]:
    """The organisations one extraction (``claims.Extractor`` after ``run``)
    confirms, with where: sorted, one per (name, start)."""
    text = ex.text
    out: dict[tuple[str, int], OrgEvidence] = {}

    def keep(name: str, start: int, end: int, how: str) -> None:
        if 0 <= start < end <= len(text) and text[start:end] == name and _plausible(name):
            out.setdefault((name, start), OrgEvidence(name, start, end, how))

    # a stock code or an acronym in brackets right after the word
    for words in ex.words_of.values():
        for w in words:
            if not w.paren or not w.base:
                continue
            short = short_form_in_bracket(w.base, w.paren)
            if short:  # "가람농민회총연맹(가농)": the short form names the organisation
                at = text.find(short, w.base_end, w.base_end + len(w.paren) + 3)
                if at >= 0:
                    keep(short, at, at + len(short), "short form")
            kind = paren_kind(w.paren)
            if kind not in ("code", "acronym"):
                continue
            if kind == "acronym" and not _named_by_acronym(w.base, w.paren.strip()):
                continue
            start = w.base_end - len(w.base)
            keep(w.base, start, w.base_end, kind)
    section = {s.idx: s.section for s in ex.sentences}
    for c in ex.claims:
        d = c.detail
        if c.kind == "members":
            members = d.get("members") or []
            if d.get("stated_count") != len(members) or len(members) < 2:  # ("A, B, C 등 3곳": all of them)
                continue
            if section.get(c.sentence_idx) != "body" or any("," not in text[a["end"] : b["start"]] for a, b in zip(members, members[1:])):
                continue  # a headline's "항법·관제·배터리 3곳": too terse to be sure
            if _PEOPLE_COUNT.search(text[members[-1]["end"] : c.end]):
                continue  # "김하늘, 박서준 등 2명": people, not organisations
            for m in members:
                keep(m["name"], m["start"], m["end"], "list")
        elif c.kind == "title" and d.get("pattern") == "org_person_title" and d.get("org") and not d.get("org_from") \
                and (d.get("status") or "current") == "current":
            org, person = d["org"], d.get("person") or c.subject
            end = c.start + len(org)
            rest = text[end : c.end]
            if org.endswith(_VERBISH) and not _org_suffixed(org):
                continue  # "… 대표이사를 비롯해 배은 실장": a verb read as the organisation
            if text.startswith(org, c.start) and rest[:1].isspace() and rest.lstrip().startswith(person):
                keep(org, c.start, end, "title")
    return sorted(out.values(), key=lambda e: (e.start, e.name))
