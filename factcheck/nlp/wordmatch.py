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
    {"t": "RANK", "also": ["BUL"]}              a rank that also opens a △ item
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

Matching is done by Python's ``re``: each pattern is compiled once into a
regular expression over the sentence written as a string of word "chunks"
(types, particle, separator, text, bracket), so the search with backtracking
runs in C; ``tests/test_wordmatch.py`` checks it against a direct reading of
the items on random sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left
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
    also_types: frozenset[str] = frozenset()  # types the word must have as well ("also": a rank that opens a △ item)


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
    # the required literal items: (words, short stems, long stems); a short
    # stem is looked up among the sentence's word prefixes
    needs_literal: list[tuple[frozenset[str], frozenset[str], tuple[str, ...]]] = field(default_factory=list)
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
        also_types=frozenset(d.get("also", ())),
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
    p.needs_literal = [(frozenset(it.words), frozenset(st for st in it.stems if len(st) <= _PREFIX), tuple(st for st in it.stems if len(st) > _PREFIX))
                       for it in items if it.lo > 0 and (it.words or it.stems)]
    return p


# -- matching: a pattern is compiled to a regular expression over the
# sentence's words written as one string (a "chunk" a word), so the greedy
# search with backtracking runs in the re engine, not in Python.
#
# A chunk: \x01 type letters \x02 particle \x02 separator \x02 the word as
# written \x02 bracket \x03, where the bracket is \x06 (none) or one
# \x04 type letters \x05 a part. Type names get a private-use letter each.
_TYPE_LETTER: dict[str, str] = {}
_CONTROL = re.compile(r"[\x00-\x08]")


def _letter(t: str) -> str:
    got = _TYPE_LETTER.get(t)
    if got is None:
        got = _TYPE_LETTER[t] = chr(0xE000 + len(_TYPE_LETTER))
    return got


def _letters(types) -> str:
    return "".join(sorted(_letter(t) for t in types))


def _alt(strings) -> str:
    return "(?:" + "|".join(re.escape(x) for x in sorted(strings, key=lambda x: (-len(x), x))) + ")"


def _item_regex(it: Item, last: bool) -> str:
    """One item as a regular expression over chunks: whether one word fits
    the item (its types, particle, separator, text and bracket), decided at
    compile time (tests/test_wordmatch.py reads the items directly)."""
    rx = ["\x01"]
    if "ANY" not in it.types:
        rx.append(f"(?=[^\x02]*[{''.join(map(_letter, sorted(it.types)))}])")
    if it.not_types:
        rx.append(f"(?![^\x02]*[{''.join(map(_letter, sorted(it.not_types)))}])")
    for t in sorted(it.also_types):
        rx.append(f"(?=[^\x02]*{_letter(t)})")
    rx.append("[^\x02]*\x02")
    allowed = it.particles
    if allowed is None:
        if it.words or it.stems or last:
            allowed = ("*",)
        elif not it.types.isdisjoint(_ORG_TYPES):
            allowed = ("", "의")
        else:
            allowed = ("",)
    rx.append("[^\x02]*" if "*" in allowed else _alt(allowed))
    rx.append("\x02")
    if it.sep_needed:
        rx.append(_alt(it.sep_needed))
    elif last or "*" in it.sep:
        rx.append("[^\x02]*")
    else:
        rx.append(_alt(("",) + it.sep))
    rx.append("\x02")
    if it.stems:
        rx.append("(?=" + _alt(it.stems) + ")")
    rx.append(_alt(it.words) if it.words else "[^\x02]*")
    rx.append("\x02")
    if it.paren is None:
        rx.append("[^\x03]*")
    else:
        rx.append("".join(f"\x04[^\x05]*{_letter(t)}[^\x05]*\x05" for t in it.paren))
    rx.append("\x03")
    return "".join(rx)


def pattern_regex(p: Pattern) -> re.Pattern:
    """The pattern as one regular expression, a group an item (``i0``,
    ``i1``, ...): greedy repetition with backtracking, as the patterns mean."""
    rx = p.__dict__.get("_rx")
    if rx is None:
        parts = []
        for k, it in enumerate(p.items):
            lo, hi = it.lo, it.hi
            parts.append(f"(?P<i{k}>(?:{_item_regex(it, p.tail_optional[k])}){{{lo},{hi}}})")
        rx = p.__dict__["_rx"] = re.compile("".join(parts), re.S)
    return rx


def _paren_parts(paren: str) -> list[str]:
    return re.split(r"[\s·]+", paren.strip())


def encode(tws: list[TWord], paren_types: Callable[[str], set[str]]) -> tuple[str, list[int]]:
    """The sentence's words as one string of chunks, and where each chunk starts."""
    out, starts, at = [], [], 0
    for tw in tws:
        chunk = _chunk(tw.types, tw.particle, tw.w.sep_after, tw.raw, tw.w.paren, paren_types)
        starts.append(at)
        out.append(chunk)
        at += len(chunk)
    starts.append(at)
    return "".join(out), starts


_CHUNKS: dict[tuple, str] = {}


def _chunk(types, particle, sep, raw, paren, paren_types) -> str:
    key = (types, particle, sep, raw, paren)
    got = _CHUNKS.get(key)
    if got is None:
        if paren:
            br = "".join("\x04" + _letters(paren_types(g)) + "\x05" for g in _paren_parts(paren))
        else:
            br = "\x06"
        got = f"\x01{_letters(types)}\x02{_CONTROL.sub('?', particle)}\x02{sep}\x02{_CONTROL.sub('?', raw)}\x02{br}\x03"
        if len(_CHUNKS) > 200_000:
            _CHUNKS.clear()
        _CHUNKS[key] = got
    return got


def match(p: Pattern, tws: list[TWord], start: int, paren_types: Callable[[str], set[str]],
          encoded: tuple[str, list[int]] | None = None) -> tuple[int, list[Capture]] | None:
    """The longest match of ``p`` starting at word ``start``: (end, captures)."""
    text, starts = encoded or encode(tws, paren_types)
    m = pattern_regex(p).match(text, starts[start])
    if m is None:
        return None
    return bisect_left(starts, m.end()), _captures(p, m, starts, tws, 1)


def _captures(p: Pattern, m: re.Match, starts: list[int], tws: list[TWord], first_group: int) -> list[Capture]:
    """The captures of a match: each named item's words, in order, with the
    parts of their brackets (groups from ``first_group`` on, one an item)."""
    caps: list[Capture] = []
    for k, it in enumerate(p.items):
        if not it.cap and not it.paren_caps:
            continue
        a, b = m.span(k + first_group)
        if a == b:
            continue
        for i in range(bisect_left(starts, a), bisect_left(starts, b)):
            if it.cap:
                caps.append((it.cap, i, None))
            if it.paren_caps:
                caps.extend((c, i, g) for c, g in zip(it.paren_caps, _paren_parts(tws[i].w.paren)) if c)
    return caps


class PatternSet:
    """Patterns in their order, with the ones a sentence can match looked up
    by the set of word types it has (sentences repeat few such sets)."""

    def __init__(self, patterns: list[Pattern]):
        self.patterns = list(patterns)
        self._by_present: dict[frozenset[str], list[tuple[int, Pattern]]] = {}

    def candidates(self, present: frozenset[str]) -> list[tuple[int, Pattern]]:
        got = self._by_present.get(present)
        if got is None:
            got = [(order, p) for order, p in enumerate(self.patterns) if not any(need.isdisjoint(present) for need in p.needs)]
            if len(self._by_present) > 10_000:
                self._by_present.clear()
            self._by_present[present] = got
        return got


def find_all(patterns: "PatternSet | list[Pattern]", tws: list[TWord], paren_types: Callable[[str], set[str]]) -> list[tuple[Pattern, int, int, int, list[Capture]]]:
    """Every pattern's longest match at every start: (pattern, its order,
    start, end, captures), longest first, then by pattern order and start.

    A pattern whose required word types or words are absent from the
    sentence is skipped; the others are tried where their rarest required
    word allows a match to start."""
    if not isinstance(patterns, PatternSet):
        patterns = PatternSet(patterns)
    found = []
    present: set[str] = set()
    for tw in tws:
        present |= tw.types
    text, starts = encode(tws, paren_types)
    if "\x04" in text:
        for tw in tws:
            if tw.w.paren:
                for part in _paren_parts(tw.w.paren):
                    present |= paren_types(part)
    raws: set[str] | None = None
    prefixes: set[str] | None = None
    index = {pos: k for k, pos in enumerate(starts)}
    at: dict[str, list[int]] = {}  # word type -> the words that have it
    for k, tw in enumerate(tws):
        for t in tw.types:
            at.setdefault(t, []).append(k)
    for order, p in patterns.candidates(frozenset(present)):
        if p.needs_literal:
            if raws is None:
                raws = {tw.raw for tw in tws}
                prefixes = {r[:k] for r in raws for k in range(1, min(len(r), _PREFIX) + 1)}
            if not all(_literal_in(ws, short, long, raws, prefixes) for ws, short, long in p.needs_literal):
                continue
        starts_at = range(len(tws))
        best = None
        for a, lo, hi in p.anchors:
            ks = [k for t in a.types for k in at.get(t, ())]
            if best is None or len(ks) < len(best[0]):
                best = (ks, a, lo, hi)
            if not ks:
                break
        if best is not None:
            ks, a, lo, hi = best
            cand: set[int] = set()
            for k in ks:
                tw = tws[k]
                if (a.paren is None or tw.w.paren) and (not a.words or tw.raw in a.words) and (not a.stems or tw.raw.startswith(a.stems)):
                    cand.update(range(max(0, k - hi), k - lo + 1))
            if not cand:
                continue
            starts_at = sorted(cand)
        rx = pattern_regex(p)
        for s in starts_at:
            if p.first_types is not None and p.first_types.isdisjoint(tws[s].types):
                continue
            if p.prev_not and s > 0 and not tws[s - 1].types.isdisjoint(p.prev_not):
                continue
            m = rx.match(text, starts[s])
            if m is None or m.end() == starts[s]:
                continue
            e = index[m.end()]
            if p.next_not and e < len(tws) and not tws[e].types.isdisjoint(p.next_not):
                continue
            found.append((p, order, s, e, _captures(p, m, starts, tws, 1)))
    found.sort(key=lambda f: (-(f[3] - f[2]), f[1], f[2]))
    return found


_PREFIX = 6  # stems up to this long are looked up among the words' prefixes


def _literal_in(words: frozenset[str], short: frozenset[str], long: tuple[str, ...], raws: set[str], prefixes: set[str]) -> bool:
    """Whether the sentence has one of ``words`` (or a word beginning with one of the stems)."""
    if words:
        return not raws.isdisjoint(words)
    if not prefixes.isdisjoint(short):
        return True
    return bool(long) and any(r.startswith(long) for r in raws)
