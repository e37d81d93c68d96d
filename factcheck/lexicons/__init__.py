"""Lexicons are data files in this folder; this module only loads them.

Every word list the extractor and the checks depend on lives in a ``.txt`` or
``.tsv`` file here, so that tuning for another outlet's style is an edit to a
data file, not to code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.rstrip("\n"))
    return out


def words(name: str) -> list[str]:
    """A word list: whitespace-separated words, one or many per line."""
    out: list[str] = []
    for line in _lines(name):
        if "\t" in line:
            out.append(line.split("\t")[0].strip())
        else:
            out.extend(line.split())
    return out


def phrases(name: str) -> list[str]:
    """A phrase list: one entry per line (entries may contain spaces)."""
    return [line.strip() for line in _lines(name)]


def table(name: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in _lines(name)]


@dataclass(frozen=True)
class Rank:
    word: str
    ladder: str
    level: int


@dataclass
class Lexicon:
    ranks: dict[str, Rank] = field(default_factory=dict)
    rank_qualifiers: tuple[str, ...] = ()
    title_expansions: dict[str, str] = field(default_factory=dict)
    role_suffixes: tuple[str, ...] = ()
    fused_titles: tuple[tuple[str, str], ...] = ()
    org_suffixes: tuple[str, ...] = ()
    org_suffixes_2: tuple[str, ...] = ()  # those of two letters or more
    org_short_forms: tuple[tuple[str, str], ...] = ()
    group_words: tuple[str, ...] = ()
    generic_group_modifiers: frozenset[str] = frozenset()
    member_nouns: dict[str, str] = field(default_factory=dict)
    member_heads: frozenset = frozenset()
    category_prefixes: frozenset = frozenset()
    business_group_suffixes: tuple = ()
    count_adverbs: frozenset = frozenset()
    premises: tuple[str, ...] = ()  # rooms a group meets in (nlp/groups.py)
    body_nouns: frozenset[str] = frozenset()  # words for a body of any kind (nlp/groups.py)
    body_kinds: tuple[str, ...] = ()  # kinds of member that are bodies of members (nlp/counts.py)
    occasion_ends: tuple[str, ...] = ()  # ends of words for an event or a meeting (nlp/counts.py)
    member_kinds: tuple[str, ...] = ()  # kinds of a committee's members: 당연직, 민간 (nlp/counts.py)
    professions: frozenset[str] = frozenset()  # "소설가", "변호사": beside a name, no title (type PROF)
    regions: frozenset[str] = frozenset()  # provinces and metropolitan cities
    place_names: frozenset[str] = frozenset()  # districts and cities that read like a person's name
    counters: tuple[str, ...] = ()
    counter_kinds: tuple[str, ...] = ()  # kinds of organisation counted with 개 (the counter grammar)
    count_words: dict[str, int] = field(default_factory=dict)
    surnames: frozenset[str] = frozenset()
    particles: tuple[tuple[str, str], ...] = ()
    furniture: dict[str, list[str]] = field(default_factory=dict)
    events: tuple[tuple[str, str], ...] = ()
    launch_stems: frozenset[str] = frozenset()  # the stems of events.tsv that launch a group
    membership_cues: tuple[str, ...] = ()
    descriptors: frozenset[str] = frozenset()
    generic_nouns: frozenset[str] = frozenset()
    sector_nouns: frozenset[str] = frozenset()
    org_units: frozenset[str] = frozenset()
    org_aliases: dict[str, str] = field(default_factory=dict)
    letter_names: dict[str, str] = field(default_factory=dict)
    foreign_name_syllables: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()

    # derived, compiled once
    counter_re: re.Pattern | None = None


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lx = Lexicon()
    for word, ladder, level in table("ranks.tsv"):
        lx.ranks[word] = Rank(word, ladder, int(level))
    lx.rank_qualifiers = tuple(sorted(words("rank_qualifiers.txt"), key=len, reverse=True))
    lx.title_expansions = {a: b for a, b in table("title_expansions.tsv")}
    lx.role_suffixes = tuple(sorted(words("role_suffixes.txt"), key=len, reverse=True))
    lx.fused_titles = tuple(sorted(((a, b) for a, b in table("fused_titles.tsv")), key=lambda t: -len(t[0])))
    lx.org_suffixes = tuple(sorted(set(words("org_suffixes.txt")), key=len, reverse=True))
    lx.org_suffixes_2 = tuple(s for s in lx.org_suffixes if len(s) >= 2)
    lx.org_short_forms = tuple(sorted(((a, b) for a, b in table("org_short_forms.tsv")), key=lambda t: -len(t[0])))
    lx.group_words = tuple(sorted(words("group_words.txt"), key=len, reverse=True))
    lx.generic_group_modifiers = frozenset(words("generic_group_modifiers.txt"))
    lx.professions = frozenset(words("professions.txt"))
    lx.member_nouns = {row[0]: (row[1] if len(row) > 1 else "") for row in table("member_nouns.tsv")}
    lx.counters = tuple(sorted(phrases("counters.txt"), key=len, reverse=True))
    lx.count_words = {a: int(b) for a, b in table("count_words.tsv")}
    lx.surnames = frozenset(words("surnames.txt"))
    lx.particles = tuple(sorted(((r[0], r[1]) for r in table("particles.txt")), key=lambda t: -len(t[0])))
    fur: dict[str, list[str]] = {}
    for kind, pattern in table("furniture.tsv"):
        fur.setdefault(kind, []).append(pattern)
    lx.furniture = fur
    lx.events = tuple((a, b) for a, b in table("events.tsv"))
    lx.launch_stems = frozenset(stem for kind, stem in lx.events if kind == "launch")
    lx.membership_cues = tuple(phrases("membership_cues.txt"))
    lx.descriptors = frozenset(words("descriptors.txt"))
    # a kind of organisation counted ("4개 대학병원과 …") names no one either
    # (but a group word, "협회 부회장에", may be the article's own group)
    lx.counter_kinds = tuple(words("counter_kinds.txt"))
    lx.generic_nouns = frozenset(words("generic_nouns.txt")) | frozenset(
        w for w in lx.counter_kinds if "·" not in w and not w.endswith(lx.group_words))
    lx.sector_nouns = frozenset(words("sector_nouns.txt"))
    lx.org_units = frozenset(words("org_units.txt"))
    lx.org_aliases = {a: b for a, b in table("org_aliases.tsv")}
    lx.letter_names = {a: b for a, b in table("letter_names.tsv")}
    lx.foreign_name_syllables = frozenset(words("foreign_name_syllables.txt"))
    lx.stopwords = frozenset(words("stopwords.txt"))
    lx.time_words = frozenset(words("time_words.txt"))
    lx.member_heads = frozenset(words("member_heads.txt"))
    lx.category_prefixes = frozenset(words("category_prefixes.txt"))
    lx.business_group_suffixes = tuple(sorted(words("business_group_suffixes.txt"), key=len, reverse=True))
    lx.count_adverbs = frozenset(words("count_adverbs.txt"))
    lx.premises = tuple(words("premises.txt"))
    lx.body_nouns = frozenset(words("body_nouns.txt"))
    lx.body_kinds = tuple(words("body_kinds.txt"))
    lx.occasion_ends = tuple(words("occasion_words.txt"))
    lx.member_kinds = tuple(words("member_kinds.txt"))
    lx.regions = frozenset(words("regions.txt"))
    lx.place_names = frozenset(words("place_names.txt"))

    # "9개 기업·기관", "산학연 9곳", "12개사", "다섯 곳": number + counter.
    def flex(counter: str) -> str:
        parts = [re.escape(p) for p in counter.split(" ")]
        return r"\s*".join(parts)

    # a number word starts a word ("열여섯 곳" is no "여섯 곳"); digits start a
    # number ("1백12개국" is no 12: the tail of a mixed numeral is not read)
    number = r"(?P<num>(?<![\d백천만])(?:\d{1,3}(?:,\d{3})+|\d{1,5})|(?<![가-힣])(?:" + "|".join(sorted(map(re.escape, lx.count_words), key=len, reverse=True)) + r"))"
    # the grammar of counter_kinds.txt: 개(의) + modifiers + kind, kinds joined
    # ("개 국내 기업과 연구기관", "개 병원·의원", "개의 조합"; plural "개 단체들")
    mods = "|".join(sorted(map(re.escape, words("counter_modifiers.txt")), key=len, reverse=True))
    kinds = "|".join(sorted(map(re.escape, lx.counter_kinds), key=len, reverse=True))
    kind = rf"(?:(?:{mods})\s?)*(?:{kinds})"
    counted = rf"개(?:의)?\s?{kind}(?:\s?(?:·|,\s?|및\s|과\s|와\s){kind})*(?:들)?(?![가-힣]*(?:지역|명|대\b))(?=[^가-힣]|[은는이가을를과와도의에로으만]|$)"
    counters = "|".join([counted] + [flex(c) for c in lx.counters])
    # a counter ends its noun: "7개 사업", "5개 회사채", "3개 사이트" count no 사(社)
    # ("12개 사업자" counts operators)
    noun_goes_on = r"(?!(?<=사)(?:업(?!자)|채|장|원|무|람|회|례|항|실|진|이트))"
    lx.counter_re = re.compile(number + r"(?P<yeo>여)?\s?(?P<counter>" + counters + r")" + noun_goes_on + r"(?![가-힣]*(?:지역|명|대\b))")
    return lx
