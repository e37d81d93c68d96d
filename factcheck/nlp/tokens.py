"""Words (eojeol) of one sentence with exact offsets and their parts.

Korean news writes a name, an organisation or a title as one space-separated
word with particles attached ("부사장은", "KT를") and sometimes a bracketed
expansion ("한국과학기술원(KAIST)", "수소사업본부장(부사장)"). A ``Word`` keeps
the offsets of the whole word and of its base (the word without quotes,
bracket and particle), so every quote the extractor builds is a slice of the
stored text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load
from .hangul import strip_particle

# a word runs to the next space; a comma with a letter right after it ends
# one too ("사장,한서준": two words, the first with its separator), a comma
# between digits does not ("1,200")
_WORD = re.compile(r"(?:[^\s()\[\]….,]|,(?![가-힣A-Za-z])|(?<!\.)\.(?!\.)|\([^()\n]*\)|\[[^\[\]\n]*\])+(?:,(?=[가-힣A-Za-z]))?")
OPEN_Q = "'\"‘“「『《<"
CLOSE_Q = "'\"’”」』》>"
_LEAD = OPEN_Q + "▲△▷▶►■□●○◆◇•※·-–—…="
BULLETS = "▲△▷▶►■□●○◆◇•"  # "▲A ▲B ▲C", "△A △B": each bullet starts a list item  # "기자 =SK그룹": a by-line's "=" glued to the next word
_TRAIL = ",.;:!?" + CLOSE_Q + "…·"
_POSITION = re.compile(r"^(?:왼쪽|오른쪽|가운데|앞줄|뒷줄|뒤|앞|첫|[가-힣]+\s*번째|\d+번째)")
_CODE = re.compile(r"^\d{6}$")
_QUOTED_TAIL = re.compile("(.+?)([" + re.escape(CLOSE_Q) + "])([가-힣]{1,4})")
_EXTRA_PARTICLES = ("께서", "마저", "조차", "까지", "부터", "도", "만")


@dataclass(slots=True)
class Word:
    i: int
    text: str
    start: int  # offsets of the whole word in the document
    end: int
    core_start: int = 0  # without leading/trailing punctuation
    core_end: int = 0
    base: str = ""  # without quotes, bracket, particle
    base_end: int = 0  # document offset where the base ends
    paren: str | None = None  # content of a bracket
    particle: str = ""
    sep_after: str = ""  # "," when the word ends with a comma
    opens_quote: bool = False
    closes_quote: bool = False

    @property
    def bare(self) -> bool:
        return not self.particle


def split_words(text: str, offset: int = 0) -> list[Word]:
    words: list[Word] = []
    append, parse, make = words.append, _parse, Word  # the hottest loop of extraction
    i = 0
    for m in _WORD.finditer(text):
        raw = m.group()
        at = offset + m.start()
        g = _GLUED_DEUNG.search(raw) if "등" in raw else None
        pieces = ((raw[: g.start() + 1], at), (raw[g.start() + 1 :], at + g.start() + 1)) if g else ((raw, at),)
        for raw, at in pieces:
            ls, le, opens, closes, sep, base, particle, paren, base_end = parse(raw)
            append(make(i, raw, at, at + len(raw), at + ls, at + le, base, at + base_end, paren, particle, sep, opens, closes))
            i += 1
    return words


# "김하늘(전자)등을": 등 glued to a closing bracket is a word of its own
_GLUED_DEUNG = re.compile(r"\)(?=등(?:[을이은도과와]|까지)?[,.]?$)")


@lru_cache(maxsize=200_000)
def _parse(raw: str) -> tuple[int, int, bool, bool, str, str, str, str | None, int]:
    """The parts of one word, by its text alone (so the result is cached:
    news repeats its words, and this is the extractor's hottest path).

    Returns (core start, core end, opens quote, closes quote, separator,
    base, particle, bracket content, base end), offsets relative to ``raw``.
    """
    opens = closes = False
    sep = ""
    ls = 0
    while ls < len(raw) and raw[ls] in _LEAD:
        if raw[ls] in OPEN_Q:
            opens = True
        ls += 1
    le = len(raw)
    while le > ls and raw[le - 1] in _TRAIL:
        if raw[le - 1] == ",":
            sep = ","
        if raw[le - 1] in CLOSE_Q:
            closes = True
        le -= 1
    core = raw[ls:le]
    if any(q in core for q in CLOSE_Q):
        closes = True
    base, particle, paren, base_end = _analyse(core)
    if base_end < 0:
        base_end = le
    else:
        base_end += ls
    return ls, le, opens, closes, sep, base, particle, paren, base_end


def _analyse(core: str) -> tuple[str, str, str | None, int]:
    """Base, particle, bracket content and where the base ends in ``core``
    (-1: at the end of the core)."""
    # a closing quote ends the name: the hangul after it is particles,
    # whatever they are ("'실증 협의체'와도", "'길잇다'도", "'누리'로부터")
    qm = _QUOTED_TAIL.match(core)
    if qm:
        head = "".join(ch for ch in qm.group(1) if ch not in OPEN_Q + CLOSE_Q)
        if head and "(" not in head and qm.group(3) in _quote_particles() and strip_particle(head + qm.group(3))[0] != head:
            return head, qm.group(3), None, qm.start(2)
    # quotes inside the word ("'AI원팀'에") are dropped from the base
    cleaned = "".join(ch for ch in core if ch not in OPEN_Q + CLOSE_Q)
    pm = re.search(r"\(([^()]*)\)", cleaned)
    inner = False
    paren = None
    if pm:
        paren = pm.group(1).strip()
        head, after = cleaned[: pm.start()], cleaned[pm.end() :]
        if after and not _is_particle(after):
            inner = True  # a bracket inside the word: "연구개발(R&D)전략실장"
            head, after = head + after, ""
            base, particle = strip_particle(head)
        else:
            base, particle = head, after
    else:
        base, particle = strip_particle(cleaned) if cleaned else ("", "")
    if not particle and base:
        for extra in _EXTRA_PARTICLES:
            if base.endswith(extra) and len(base) > len(extra) + 1 and _title_like(base[: -len(extra)]):
                base, particle = base[: -len(extra)], extra
                break
    if pm and not inner:
        end = core.find("(")
    elif particle and core.endswith(particle):
        end = len(core) - len(particle)
    else:
        end = -1
    if end == 0:
        end = -1
    if paren == "":
        paren = None  # "김하늘() 한빛전자 사장": an empty bracket (hanja the page dropped) says nothing
    return base, particle, paren, end



@lru_cache(maxsize=1)
def _quote_particles() -> frozenset[str]:
    """What may follow a closing quote as particles: the particle list, the
    extra ones, and each of them with 도 or 는 after it ("와도", "에게도")."""
    one = {p for p, _ in load().particles} | set(_EXTRA_PARTICLES) | {"로부터", "으로부터", "라도", "이라도", "만큼", "처럼"}
    return frozenset(one | {p + "도" for p in one} | {p + "는" for p in one if not p.endswith(("는", "은"))})


def _is_particle(s: str) -> bool:
    lx = load()
    return any(s == p for p, _ in lx.particles) or s in _EXTRA_PARTICLES


def _title_like(s: str) -> bool:
    lx = load()
    return s in lx.ranks or s.endswith(lx.role_suffixes)


def paren_kind(paren: str | None) -> str | None:
    """What a bracket after a word says: code, position, title, acronym, alias or note."""
    if paren is None:
        return None
    p = paren.strip()
    lx = load()
    if _CODE.match(p):
        return "code"
    if _POSITION.match(p):
        return "position"
    if p in lx.ranks or re.fullmatch(r"제?\d차관", p):
        return "title"
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9&+.\- ]{0,30}", p):
        return "acronym"
    if re.fullmatch(r"[가-힣A-Za-z0-9·&+ ]{2,30}", p):
        return "alias"
    return "note"
