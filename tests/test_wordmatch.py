"""The word-sequence matcher (nlp/wordmatch.py) against a direct reading of
its items.

The matcher compiles each pattern to a regular expression over the sentence
written as a string; here the same patterns are matched by a plain recursive
reading of the items (greedy, with backtracking: what a pattern means), on
random sentences of random typed words, and on every title pattern of the
package over the development sentences. Any difference is a bug in the
compilation.
"""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.nlp.tokens import Word
from factcheck.nlp.wordmatch import _ORG_TYPES, TWord, compile_pattern, find_all, match

TYPES = ["PERSON", "ORG", "ORGX", "RANK", "ROLE", "FUSED", "SURNAME", "JOIN"]
PARTICLES = ["", "은", "의", "이", "가", "를", "인은"]
RAWS = ["김하늘", "한빛전자", "사장", "부사장은", "맡은", "선임했다", "겸", "대표"]
PARENS = [None, "부사장", "대표 김하늘", "KAIST", "사장 박서준 위원"]


def _paren_types(part: str) -> set[str]:
    ts = {"ANY"}
    if part in ("부사장", "사장", "대표"):
        ts.add("RANK")
    if part in ("김하늘", "박서준"):
        ts.add("PERSON")
    if part.isascii():
        ts.add("ORG")
    return ts


def reference_match(p, tws, start, paren_types=_paren_types):
    """The longest match of ``p`` at ``start`` by reading the items one word
    at a time (the matcher's specification)."""
    items, tail, n, size = p.items, p.tail_optional, len(p.items), len(tws)

    def ok(it, tw, last):
        ts = tw.types
        if it.types.isdisjoint(ts) or not it.not_types.isdisjoint(ts) or not it.also_types <= ts:
            return None
        if it.words and tw.raw not in it.words:
            return None
        if it.stems and not tw.raw.startswith(it.stems):
            return None
        allowed = it.particles
        if allowed is None:
            if it.words or it.stems or last:
                allowed = ("*",)
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
            return ()
        if not tw.w.paren:
            return None
        got = re.split(r"[\s·]+", tw.w.paren.strip())
        if len(got) != len(it.paren) or not all(t in paren_types(g) for t, g in zip(it.paren, got)):
            return None
        return tuple((c, g) for c, g in zip(it.paren_caps, got) if c)

    def rec(k, i):
        if k == n:
            return i, []
        it = items[k]
        taken = []
        j = i
        while len(taken) < it.hi and j < size:
            parts = ok(it, tws[j], tail[k])
            if parts is None:
                break
            taken.append(parts)
            j += 1
        for m in range(len(taken), it.lo - 1, -1):
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


item = st.fixed_dictionaries({
    "t": st.one_of(st.sampled_from(TYPES + ["ANY"]), st.lists(st.sampled_from(TYPES), min_size=1, max_size=3)),
    "op": st.sampled_from(["", "?", "*", "+"]),
}, optional={
    "as": st.sampled_from(["person", "title", "org"]),
    "p": st.one_of(st.just("*"), st.lists(st.sampled_from(PARTICLES), min_size=1, max_size=2)),
    "sep": st.one_of(st.just(True), st.just([","])),
    "sep_needed": st.just([","]),
    "w": st.lists(st.sampled_from(RAWS), min_size=1, max_size=2),
    "stem": st.lists(st.sampled_from(["선임", "맡", "부"]), min_size=1, max_size=2),
    "nt": st.lists(st.sampled_from(TYPES), min_size=1, max_size=2),
    "max": st.integers(1, 3),
})
paren_item = st.fixed_dictionaries({
    "t": st.just("ANY"),
    "paren": st.sampled_from([["RANK"], ["RANK", "PERSON"], ["ORG"]]),
    "paren_as": st.sampled_from([["title"], ["title", "person"], []]),
})
pattern = st.lists(st.one_of(item, paren_item), min_size=1, max_size=4).map(lambda seq: {"id": "p", "seq": seq})
word = st.tuples(st.sets(st.sampled_from(TYPES), max_size=3), st.sampled_from(PARTICLES), st.sampled_from(["", ","]),
                 st.sampled_from(RAWS), st.sampled_from(PARENS))


def _sentence(words):
    tws = []
    for i, (types, particle, sep, raw, paren) in enumerate(words):
        w = Word(i, raw, 0, len(raw), base=raw, particle=particle, sep_after=sep, paren=paren)
        tws.append(TWord(w, raw, particle, frozenset(types) | {"ANY"}))
    return tws


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern, st.lists(word, min_size=1, max_size=8))
def test_compiled_patterns_match_as_the_items_read(spec, words):
    p = compile_pattern(spec)
    tws = _sentence(words)
    for start in range(len(tws)):
        assert match(p, tws, start, _paren_types) == reference_match(p, tws, start), (spec, start)
    # find_all keeps the non-empty matches, at every start the prefilters allow
    want = {(s, got[0]) for s in range(len(tws)) if (got := reference_match(p, tws, s)) and got[0] > s}
    got = {(s, e) for _, _, s, e, _ in find_all([p], tws, _paren_types)}
    assert got == want


def test_title_patterns_on_the_dev_sentences_match_as_the_items_read():
    from factcheck.nlp import titles, wordtypes
    from factcheck.patterns import title_patterns

    pats, _ = titles.patterns()
    texts = [ex["text"] for p in title_patterns()["patterns"] for ex in p["examples"]]
    texts += [t for p in title_patterns()["patterns"] for t in p["not"]]
    from factcheck.nlp.tokens import split_words

    checked = 0
    for text in texts:
        tws = wordtypes.type_words(split_words(text), set())
        found = {(m.id, s, e) for m, _, s, e, _ in find_all([p.m for p in pats], tws, wordtypes._paren_part_types)}
        want = set()
        for p in [p.m for p in pats]:
            for s in range(len(tws)):
                if p.prev_not and s > 0 and not tws[s - 1].types.isdisjoint(p.prev_not):
                    continue
                got = reference_match(p, tws, s, wordtypes._paren_part_types)
                if got and got[0] > s and not (p.next_not and got[0] < len(tws) and not tws[got[0]].types.isdisjoint(p.next_not)):
                    want.add((p.id, s, got[0]))
        assert found == want, text
        checked += len(want)
    assert checked > 100
