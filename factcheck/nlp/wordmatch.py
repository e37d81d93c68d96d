"""A small matcher of word-type sequences: patterns as data.

A sentence's words are typed first (``TWord``: a word with the set of types
its rules gave it, e.g. PERSON, ORG, RANK); a pattern is a list of items over
those types, loaded from a data file (``factcheck/patterns/*.json``):

    {"t": "ORG", "op": "?", "as": "org"}        an optional organisation
    {"t": ["ROLE", "RANK"], "op": "*"}          any number of title words
    {"t": "RANK", "p": ["이", "가"]}             a rank with a subject particle
    {"t": "ANY", "w": ["맡은"]}                  one word as written
    {"t": "ANY", "stem": ["선임"], "p": "*"}     a word beginning so
    {"t": "ANY", "op": "*", "max": 3, "nt": ["PERSON"]}   a gap without names
    {"t": "ANY", "paren": ["RANK", "PERSON"], "paren_as": ["title", "person"]}
                                                a bracket holding a rank and a name

``op`` is one of "", "?", "*", "+" (``max`` caps a repetition); ``as`` names
the capture; ``p`` lists the particles the word may carry ("*": any; by
default none, "의" too for an organisation, any for the last item); ``sep``
lets a separator follow the word (true: any; or a list: ",", "·"),
``sep_needed`` requires one. ``match`` returns the longest match at a start
(greedy, with backtracking), ``find_all`` every pattern's matches in a
sentence. The same machinery fits counts and lists: only the word types and
the pattern file differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .tokens import Word

_OPS = {"": (1, 1), "?": (0, 1), "*": (0, 6), "+": (1, 6)}
_ORG_TYPES = frozenset(("ORG", "ORGX"))

Capture = tuple[str, int, "str | None"]  # (name, word index, bracket part or None)


@dataclass
class TWord:
    """A word as patterns see it: its base and particle (as the typing rules
    split them) and its types; ``flags`` hold what words skipped before it
    said (e.g. "former" for a 전 in front)."""

    w: Word
    base: str
    particle: str
    types: frozenset[str]
    flags: frozenset[str] = frozenset()

    @property
    def raw(self) -> str:
        """The word as written, without quotes and punctuation around it."""
        return self.w.text.strip(".,;:!?\"'‘’“”()[]")


@dataclass
class Item:
    types: frozenset[str]
    lo: int = 1
    hi: int = 1
    cap: str | None = None
    particles: tuple[str, ...] | None = None  # None: default by position
    sep: tuple[str, ...] = ()  # the separators that may follow the word ("," "·"); ("*",): any
    sep_needed: tuple[str, ...] = ()  # one of these separators must follow the word
    words: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    paren: tuple[str, ...] | None = None
    paren_caps: tuple[str, ...] = ()
    not_types: frozenset[str] = frozenset()


@dataclass
class Pattern:
    id: str
    items: list[Item]
    prev_not: tuple[str, ...] = ()  # types the word before the match must not have
    next_not: frozenset[str] = frozenset()  # types the word after the match must not have
    spec: dict = field(default_factory=dict)  # the whole entry of the data file
    tail_optional: list[bool] = field(default_factory=list)
    first_types: frozenset[str] | None = None  # types a match can start with (None: any)
    needs: list[frozenset[str]] = field(default_factory=list)  # one of each must be in the sentence
    needs_literal: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)  # (words, stems) of required literal items
    # required items that say more than ANY, with how far after the start
    # they can stand (min, max): a match starts only where one of them fits
    anchors: list[tuple[Item, int, int]] = field(default_factory=list)


def compile_item(d: dict) -> Item:
    t = d.get("t", "ANY")
    lo, hi = _OPS[d.get("op", "")]
    p = d.get("p")
    return Item(
        types=frozenset(t) if isinstance(t, list) else frozenset((t,)),
        lo=lo,
        hi=d.get("max", hi),
        cap=d.get("as"),
        particles=None if p is None else (("*",) if p == "*" else tuple(p)),
        sep=(("*",) if d.get("sep") is True else tuple(d.get("sep") or ())),
        sep_needed=tuple(d.get("sep_needed") or ()),
        words=tuple(d.get("w", ())),
        stems=tuple(d.get("stem", ())),
        paren=tuple(d["paren"]) if d.get("paren") else None,
        paren_caps=tuple(d.get("paren_as", ())),
        not_types=frozenset(d.get("nt", ())),
    )


def compile_pattern(d: dict) -> Pattern:
    items = [compile_item(x) for x in d["seq"]]
    p = Pattern(d["id"], items, tuple(d.get("prev_not", ())), frozenset(d.get("next_not", ())), d)
    p.tail_optional = [all(x.lo == 0 for x in items[k + 1 :]) for k in range(len(items))]
    first: set[str] = set()
    for it in items:
        if "ANY" in it.types:
            first = set()
            break
        first |= set(it.types)
        if it.lo > 0:
            break
    else:
        first = set()
    p.first_types = frozenset(first) or None
    lo = hi = 0
    for it in items:
        if it.lo > 0 and ("ANY" not in it.types or it.paren or it.words or it.stems):
            p.anchors.append((it, lo, hi))
        lo += it.lo
        hi += it.hi
    p.needs = [it.types | frozenset(it.paren or ()) for it in items if it.lo > 0 and "ANY" not in it.types]
    p.needs += [frozenset((t,)) for it in items if it.lo > 0 and it.paren for t in it.paren]
    p.needs_literal = [(it.words, it.stems) for it in items if it.lo > 0 and (it.words or it.stems)]
    return p


_NO_PARTS: tuple = ()


def item_ok(it: Item, tw: TWord, last: bool, paren_types: Callable[[str], set[str]]):
    """The bracket parts one word captures when it fits one item (often
    none: an empty tuple), or None when it does not fit."""
    ts = tw.types
    if it.types.isdisjoint(ts) or not it.not_types.isdisjoint(ts):
        return None
    if it.words and tw.raw not in it.words:
        return None
    if it.stems and not tw.raw.startswith(it.stems):
        return None
    allowed = it.particles
    if allowed is None:
        if it.words or it.stems or last:
            allowed = ("*",)  # a literal word is matched as written; the last word takes any particle
        elif not it.types.isdisjoint(_ORG_TYPES):
            allowed = ("", "의")
        else:
            allowed = ("",)
    if tw.particle not in allowed and "*" not in allowed:
        return None
    if tw.w.sep_after and not (last or "*" in it.sep or tw.w.sep_after in it.sep or tw.w.sep_after in it.sep_needed):
        return None
    if it.sep_needed and tw.w.sep_after not in it.sep_needed:
        return None
    if it.paren is None:
        return _NO_PARTS
    if not tw.w.paren:
        return None
    got = re.split(r"[\s·]+", tw.w.paren.strip())
    if len(got) != len(it.paren) or not all(t in paren_types(g) for t, g in zip(it.paren, got)):
        return None
    return tuple((c, g) for c, g in zip(it.paren_caps, got) if c)


def match(p: Pattern, tws: list[TWord], start: int, paren_types: Callable[[str], set[str]]) -> tuple[int, list[Capture]] | None:
    """The longest match of ``p`` starting at word ``start``: (end, captures)."""
    items, tail, n, size = p.items, p.tail_optional, len(p.items), len(tws)

    def rec(k: int, i: int) -> tuple[int, list] | None:
        if k == n:
            return i, []
        it = items[k]
        taken = []
        j = i
        while len(taken) < it.hi and j < size:
            parts = item_ok(it, tws[j], tail[k], paren_types)
            if parts is None:
                break
            taken.append(parts)
            j += 1
        for m in range(len(taken), it.lo - 1, -1):  # greedy, then fewer
            got = rec(k + 1, i + m)
            if got:
                caps = []
                for off in range(m):
                    if it.cap:
                        caps.append((it.cap, i + off, None))
                    for c, g in taken[off]:
                        caps.append((c, i + off, g))
                return got[0], caps + got[1]
        return None

    return rec(0, start)


def _literal_in(words: tuple[str, ...], stems: tuple[str, ...], raws: set[str], seen: dict) -> bool:
    """Whether the sentence has one of ``words`` (or a word beginning with one
    of ``stems``); ``seen`` caches per sentence, with the words' prefixes."""
    if words:
        return not raws.isdisjoint(words)
    prefixes = seen.get("")
    if prefixes is None:
        prefixes = seen[""] = {r[:k] for r in raws for k in range(1, min(len(r), 6) + 1)}
    return any(st in prefixes if len(st) <= 6 else any(r.startswith(st) for r in raws) for st in stems)


def find_all(patterns: list[Pattern], tws: list[TWord], paren_types: Callable[[str], set[str]]) -> list[tuple[Pattern, int, int, int, list[Capture]]]:
    """Every pattern's longest match at every start: (pattern, its order,
    start, end, captures), longest first, then by pattern order and start."""
    found = []
    present: set[str] = set()
    for tw in tws:
        present |= tw.types
        if tw.w.paren:
            for part in re.split(r"[\s·]+", tw.w.paren.strip()):
                present |= paren_types(part)
    raws = {tw.raw for tw in tws}
    seen: dict = {}
    at: dict[str, list[int]] = {}
    for k, tw in enumerate(tws):
        for t in tw.types:
            at.setdefault(t, []).append(k)
    for order, p in enumerate(patterns):
        missing = False
        for need in p.needs:
            if need.isdisjoint(present):
                missing = True  # a word the pattern needs is not in the sentence
                break
        if missing:
            continue
        if p.needs_literal and not all(_literal_in(ws, st, raws, seen) for ws, st in p.needs_literal):
            continue
        starts = None
        best = None
        for a, lo, hi in p.anchors:
            ks = [k for t in a.types for k in at.get(t, ())]
            if best is None or len(ks) < len(best[0]):
                best = (ks, a, lo, hi)
            if not ks:
                break
        if best is not None:
            ks, a, lo, hi = best
            starts = set()
            for k in ks:
                tw = tws[k]
                if (a.paren is None or tw.w.paren) and (not a.words or tw.raw in a.words) and (not a.stems or tw.raw.startswith(a.stems)):
                    starts.update(range(max(0, k - hi), k - lo + 1))
            if not starts:
                continue
        starts = range(len(tws)) if starts is None else sorted(starts)
        for s in starts:
            if p.first_types is not None and p.first_types.isdisjoint(tws[s].types):
                continue
            if p.prev_not and s > 0 and not tws[s - 1].types.isdisjoint(p.prev_not):
                continue
            got = match(p, tws, s, paren_types)
            if got is not None and p.next_not and got[0] < len(tws) and not tws[got[0]].types.isdisjoint(p.next_not):
                continue
            if got is not None and got[0] > s:
                found.append((p, order, s, got[0], got[1]))
    found.sort(key=lambda f: (-(f[3] - f[2]), f[1], f[2]))
    return found
