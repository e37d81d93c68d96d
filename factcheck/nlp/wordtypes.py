"""Word types: what each word of a sentence is, as the patterns see it.

Every word gets a set of types over the word classes of wordclass.py and
the lexicons: PERSON (a name's shape), ORG (an organisation's suffix, or a
word the article or the store's gazetteer confirms as one), ORGX (a
name-like word between a name and a title), RANK, POST, ROLE, FUSED (an
organisation and a title in one word, "한국첨단소재연구원장"), SURNAME, JOIN
("겸"), ACTING, DESIG; a status marker before a word ("전", "신임") becomes a
flag of the word it stands before. The title patterns
(``factcheck/patterns/titles.json``) are sequences over these types; the
mention layer (mention_layer.py) shows them as typed spans with the evidence
that typed them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load
from ..patterns import title_patterns
from .tokens import Word, paren_kind
from .wordclass import (
    _LATIN,
    fused_title,
    is_name,
    is_org_word,
    name_bracket,
    name_or_unit,
    rank_of,
    role_of,
)
from .wordmatch import TWord

# web noise between a name and its title: a stock quote "(23,450원 ▲150 +0.64%)"
_STOCK_QUOTE = re.compile(r"^[\d,.]+원?\s*[▲▼△▽↑↓+\-]?\s*[\d,.]*\s*[+\-]?[\d.]*%?$")
_CORP_MARKS = ("㈜", "(주)", "(유)", "㈔", "(사)", "(재)")

# "3년 전", "얼마 전": 전 after a span of time is "ago", not "former"
_AGO = re.compile(r"^(?:\d+|몇|수|여러|한|두|세|네|다섯|오래|얼마|직|며칠|조금|반|십|수십|몇십)(?:년|개월|달|주|주일|일|시간|분|세기|여년|년여)?$")
# endings of verb forms that is_name lets through ("감안해", "설명하며")
_NOT_NAME_END = ("해", "며", "고", "면", "듯", "록", "께", "까", "된", "던", "낸", "친", "간", "히")  # 히: an adverb ("여전히")
# a name's bracket with an age: "김하늘(52)", "김하늘(여·52)"
_PHOTO = re.compile(r"^\s*사진(?:\s*=.*)?\s*$")  # "김하늘(사진) 대표"
_AGE = re.compile(r"^\s*(?:[남여]\s*[·,]?\s*)?\d{1,3}(?:세)?\s*$")
_NAME_FINALS = ("은", "이", "가")  # syllables that end names and read as particles
_ACTING = ("직무대행", "권한대행", "대행")
_BULLETS = "△▲▷▶■□●○◆◇•"  # an item of a list: "△김하늘 한빛전자 사장 △박서준 …"
# a finite or connective verb ("참석했고", "선임됐다"): never a name or an organisation
_VERB_END = ("했고", "했다", "됐고", "됐다", "하고", "하며", "되며", "되고", "한다", "된다", "했으며", "됐으며", "하는", "되는", "했던", "하기로", "했지만", "됐지만", "하면서", "되면서", "했으나", "됐으나")


def title_core(w: Word) -> tuple[str, str]:
    """Base and particle with a copula "인" or a seat "직" split off ("의장인"
    -> 의장 + 인, "의장직을" -> 의장 + 을)."""
    return _title_core(w.base, w.particle)


@lru_cache(maxsize=100_000)
def _title_core(b: str, particle: str) -> tuple[str, str]:
    # a copula ("의장인") or the post as a seat ("의장직을") after a title
    for suffix in ("인", "직"):
        if b.endswith(suffix) and len(b) > 2:
            head = b[:-1]
            if rank_of(head) or role_of(head) or fused_title(head):
                return head, ("인" + particle) if suffix == "인" else particle
    return b, particle


@lru_cache(maxsize=100_000)
def _title_word(base: str, paren: str | None) -> bool:
    """Whether a word names a post (or holds one in its bracket): a sentence
    without one has no title to read."""
    b = _title_core(base, "")[0]
    if rank_of(b) or role_of(b) or fused_title(b) or b in load().title_expansions:
        return True
    if "·" in b and any(rank_of(x) or role_of(x) for x in b.split("·")):
        return True
    return bool(paren) and any(rank_of(x) for x in re.split(r"[\s·,]+", paren.strip()))


def _is_noise(w: Word) -> bool:
    if not w.base and w.paren is not None:
        return bool(_STOCK_QUOTE.match(w.paren.strip()))
    return w.base in _CORP_MARKS or w.text in _CORP_MARKS


def word_types(w: Word, base: str, known: set[str]) -> frozenset[str]:
    """The types of one word: those of its text (cached), and ORG when the
    article has already named it as an organisation."""
    ts = _word_types(w.base, w.particle, w.paren, base)
    # (asked only where the answer can change the types: a lookup in the
    # store's gazetteer is then one that mattered, gazetteer.KnownOrgs)
    if ("PERSON" in ts or "ORG" not in ts or "ORGX" not in ts) and w.base in known and is_org_word(w, known):
        # a word the article already uses as an organisation is not a name
        ts = (ts - {"PERSON"}) | {"ORG", "ORGX"}
    elif w.particle in ("에서", "에서는") and "ORG" not in ts and not w.paren and w.base in known and is_org_word(Word(w.i, w.base, w.start, w.end, base=w.base), known):
        ts = ts | {"ORG"}  # "누리소재에서는 김하늘 전무가 나왔다": the person's organisation (pattern org_from_person_title)
    if w.text[:1] in _BULLETS:
        # BUL: the word opens a list item; ITEMP: a name opening one
        ts = ts | ({"BUL", "ITEMP"} if ts & {"PERSON", "PLABEL"} else {"BUL"})
    return ts


@lru_cache(maxsize=100_000)
def _word_types(wbase: str, particle: str, paren: str | None, base: str) -> frozenset[str]:
    lx = load()
    w = Word(0, wbase, 0, 0, base=wbase, particle=particle, paren=paren)
    ts = {"ANY"}
    r = rank_of(base)
    if r:
        ts.add("RANK")
        if lx.ranks.get(r) is not None and lx.ranks[r].ladder == "position":
            ts.add("POST")  # a post held with any rank: 대표이사, CEO
    if role_of(base) or base in lx.title_expansions or (r and _LATIN.match(base)):
        ts.add("ROLE")
    if fused_title(base):
        ts.add("FUSED")
    # "조정위", "인수위": a three-syllable short name of a committee (위원회) ends in one of
    # words.short_org_endings; no name does (협 and 당 are left out: names end so too)
    not_name = wbase in _not_names() or len(wbase) == 3 and wbase[-1] in _short_org_endings()
    if wbase in lx.professions:
        ts.add("PROF")  # "소설가 김하늘", "박서준 변호사": a profession beside a name
        not_name = True
    bracket = name_bracket(wbase, paren) if paren else None
    name = not not_name and is_name(wbase) and (paren is None or paren_kind(paren) == "position" or bool(_AGE.match(paren) or _PHOTO.match(paren)) or bracket == "hanja") and not wbase.endswith(_NOT_NAME_END)
    if name and len(wbase) == 2 and wbase in lx.surnames:
        name = False  # "남궁 회장": a two-syllable surname, a back-reference
    if name:
        ts.add("PERSON")
    elif not not_name and paren is None and name_or_unit(wbase):
        ts.add("NAMEX")  # "김영대", "두성국" or "연세대": a name only before an organisation and a business rank
    elif bracket == "label" and not not_name and not wbase.endswith(_NOT_NAME_END):
        ts.add("PLABEL")  # a name with a note on the person: "김하늘(전자)", "김하늘(한빛전자 회장)"
    if len(wbase) <= 2 and wbase in lx.surnames and wbase != "전":  # 김, and 남궁, 선우
        ts.add("SURNAME")
    if wbase == "겸":
        ts.add("JOIN")
    if wbase.endswith(_VERB_END) and len(wbase) > 2 and not particle:
        ts.add("VERB")
    if base in _ACTING:
        ts.add("ACTING")
    if base in _designate_nouns():
        ts.add("DESIG")
    if not ts & {"ACTING", "JOIN", "DESIG", "VERB"} and not not_name:
        if is_org_word(w, set()):
            ts.add("ORG")
        if is_org_word(w, set(), sandwiched=True):
            ts.add("ORGX")  # between a name and a title even a name-like word is the organisation (김대성 현대차 이사)
        if particle in ("에서", "에서는") and len(wbase) >= 3 and wbase.endswith(lx.org_suffixes_2) and is_org_word(Word(0, wbase, 0, 0, base=wbase), set()):
            ts.add("ORG")  # "누리전자에서는 김하늘 전무가": an organisation by its suffix, the person's (pattern org_from_person_title)
    return frozenset(ts)


def _split_middot(w: Word) -> list[Word]:
    """"대표·송하늘" (a headline's list), "김하늘·박서준" (two names): a title
    or a name and the next name joined by a middle dot are two words (a role
    written "AI·DX융합사업부문장" is one)."""
    b = w.base
    at = b.find("·")
    if at <= 0 or w.paren is not None:
        return [w]
    left, right = b[:at], b[at + 1 :]
    if not is_name(right) or not (rank_of(left) or role_of(left) or fused_title(left) or is_name(left)):
        return [w]
    dot = w.text.find("·")
    if dot < 0:
        return [w]
    mid = w.start + dot
    lw = Word(w.i, w.text[:dot], w.start, mid, w.core_start, mid, left, mid, None, "", "·")
    rw = Word(w.i + 0.5, w.text[dot + 1 :], mid + 1, w.end, mid + 1, w.core_end, right, w.base_end, None, w.particle, w.sep_after)
    return [lw, rw]


def type_words(words: list[Word], known: set[str]) -> list[TWord]:
    """The sentence's words as the patterns see them. Web noise is dropped;
    a status marker before a word ("전 부회장", "차기 회장", "현 사장",
    "신임 원장") is dropped too and its status kept as a flag of the word it
    stands before (the markers are data: ``words.markers`` in titles.json)."""
    markers = _markers()
    out: list[TWord] = []
    flags: set[str] = set()
    for w in (part for word in words for part in (_split_middot(word) if "·" in word.base else (word,))):
        if _is_noise(w):
            continue
        mark = markers.get(w.base) if not w.particle and not w.sep_after else None
        if not mark and w.paren and len(w.base) == 1 and not w.particle and not w.sep_after:
            mark = markers.get(w.paren.strip())  # "고(故) 김하늘 회장": the marker in the bracket
        if mark and not (w.base in ("전", "前") and out and _AGO.search(out[-1].w.base)):
            if mark != "current":
                flags.add(mark)
            continue
        base, particle = title_core(w)
        out.append(TWord(w, base, particle, word_types(w, base, known), frozenset(flags)))
        flags = set()
    # "현정은 현대그룹 회장": a name whose last syllable reads as a particle,
    # right before an organisation or a title, is the whole word
    for k in range(len(out) - 1):
        tw, nxt = out[k], out[k + 1]
        if tw.particle in _NAME_FINALS and not tw.w.paren and not tw.w.sep_after and not tw.types & {"RANK", "ROLE", "FUSED", "SURNAME"}:
            whole = tw.w.base + tw.particle
            titled = {"RANK", "ROLE", "FUSED"}
            before_title = bool(nxt.types & titled) or (
                "ORGX" in nxt.types and k + 2 < len(out) and bool(out[k + 2].types & titled))
            lx = load()
            if (len(whole) == 3 and is_name(whole) and not nxt.particle and before_title and whole not in known
                    and tw.w.base not in lx.stopwords and tw.w.base not in _not_names()):
                w = tw.w
                ww = Word(w.i, w.text, w.start, w.end, w.core_start, w.core_end, whole, w.base_end + len(tw.particle), None, "", w.sep_after)
                out[k] = TWord(ww, whole, "", word_types(ww, whole, known), tw.flags)
    out = _foreign_names(out)
    # "'한솔 미래 포럼' 회장": the words of a quoted group's name are the
    # group's, never a person (the quote closes on a group word)
    heads = load().group_words
    for k, tw in enumerate(out):
        if not tw.w.opens_quote or tw.w.closes_quote:
            continue
        close = next((j for j in range(k + 1, min(len(out), k + 6)) if out[j].w.closes_quote), None)
        if close is not None and out[close].w.base.endswith(heads):
            for j in range(k, close):
                if "PERSON" in out[j].types:
                    out[j] = TWord(out[j].w, out[j].base, out[j].particle, out[j].types - {"PERSON"}, out[j].flags)
    # "컨소시엄을 기획한 정하준 누리중공업 전무", "연임에 성공한 남궁서아 협회
    # 회장": a name-shaped verb form right before a name modifies that name
    for k in range(len(out) - 1):
        tw, nxt = out[k], out[k + 1]
        if ("PERSON" in tw.types and "PERSON" in nxt.types and not tw.particle and not tw.w.sep_after and not tw.w.paren
                and tw.w.base.endswith(("한", "된", "던")) and k > 0 and out[k - 1].particle in ("을", "를", "에", "에서", "으로", "로")):
            out[k] = TWord(tw.w, tw.base, tw.particle, tw.types - {"PERSON", "ORG", "ORGX"} | {"VERB"}, tw.flags)
    return out


_TITLED = frozenset(("RANK", "ROLE", "FUSED"))
_NOT_NAME_PART = frozenset(("RANK", "ROLE", "FUSED", "VERB", "ACTING", "DESIG", "JOIN"))
_HANGUL_ONLY = re.compile(r"^[가-힣]{1,4}$")
# verb and adnominal endings ("따르면", "밝히며", "이끄는"): no part of a name
_NOT_NAME_TAIL = ("면", "며", "서", "해", "게", "듯", "록", "한", "된", "는", "던", "할", "될", "했", "된다", "니다")


def _name_part(tw: TWord) -> bool:
    """A word that can be one part of a foreign name written in Hangul:
    one to four syllables, no bracket, not a title, an organisation by its
    suffix, a verb or a word known to be no name."""
    b = tw.w.base
    lx = load()
    return (bool(_HANGUL_ONLY.match(b)) and not tw.w.paren and not tw.types & _NOT_NAME_PART and not b.endswith(_NOT_NAME_TAIL)
            and not b.endswith(lx.org_suffixes_2) and not b.endswith(lx.group_words)
            and b not in lx.stopwords and b not in lx.generic_nouns and b not in _not_names())


def _foreign_names(out: list[TWord]) -> list[TWord]:
    """"마르코 벨리니 토리노항공 CEO", "오로라항공의 한나 쿠르츠 대표": two
    name-sized words, one of them with a syllable Korean names do not use
    (foreign_name_syllables.txt), right before a title or before one more
    word and a title, are one person: one PERSON word spanning both (where
    the patterns read the first as the person and the second as the
    organisation). A Korean name of three syllables as either word ("가람테크
    김하늘 사장", "김하늘 가람테크 사장") is a name of its own."""
    lx = load()
    foreign = lx.foreign_name_syllables
    k = 0
    res: list[TWord] = []
    while k < len(out):
        tw = out[k]
        if k + 2 < len(out):
            nxt, after = out[k + 1], out[k + 2]
            titled_next = bool(after.types & _TITLED) or (
                k + 3 < len(out) and bool(after.types & {"ORG", "ORGX"}) and not after.particle and bool(out[k + 3].types & _TITLED))
            a, b = tw.w.base, nxt.w.base
            if (titled_next and "SURNAME" not in nxt.types and not tw.particle and not tw.w.sep_after and not nxt.w.sep_after and not nxt.particle
                    and _name_part(tw) and _name_part(nxt) and len(a) + len(b) >= 3
                    and any(ch in foreign for ch in a + b)
                    and not any("PERSON" in x.types and len(x.w.base) == 3 and not any(ch in foreign for ch in x.w.base) for x in (tw, nxt))
                    and not (res and _name_part(res[-1]) and not res[-1].particle and not res[-1].w.sep_after and not _org_then_name(out, k - 1))
                    and not _org_then_name(out, k)):
                w1, w2 = tw.w, nxt.w
                merged = Word(w2.i, w1.text + " " + w2.text, w1.start, w2.end, w1.core_start, w2.core_end, f"{a} {b}", w2.base_end,
                              None, w2.particle, w2.sep_after, w1.opens_quote, w2.closes_quote)
                res.append(TWord(merged, merged.base, w2.particle, frozenset(("ANY", "PERSON")), tw.flags))
                k += 2
                continue
        res.append(tw)
        k += 1
    return res


def _org_then_name(out: list[TWord], k: int) -> bool:
    """Three name-sized words before a title ("알펜에어 로버트 밀러 사장"):
    the organisation is the longer outer word, the name the other two."""
    if k + 3 >= len(out) or not out[k + 3].types & _TITLED:
        return False
    w1, w3 = out[k], out[k + 2]
    if w3.particle or not _name_part(w3):
        return False
    return len(w1.w.base) >= 4 and len(w3.w.base) <= 3


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Words that look like a name or an organisation next to a title but are
    not ("우리 회장", "공석"): neither PERSON nor ORG for the title patterns."""
    return frozenset(title_patterns().get("words", {}).get("not_names", ()))


@lru_cache(maxsize=1)
def _designate_nouns() -> frozenset[str]:
    """"내정자", "당선인": a noun after a title that makes it designate."""
    return frozenset(title_patterns().get("words", {}).get("designate", ()))


@lru_cache(maxsize=1)
def _short_org_endings() -> frozenset[str]:
    """Last syllables of three-syllable short names of organisations (titles.json words.short_org_endings)."""
    return frozenset(title_patterns().get("words", {}).get("short_org_endings", ()))


@lru_cache(maxsize=1)
def _markers() -> dict[str, str]:
    """word -> status it gives the title after it ("current": none, only skipped)."""
    data = title_patterns().get("words", {}).get("markers", {})
    return {word: status for status, ws in data.items() for word in ws}


def _paren_part_types(part: str) -> set[str]:
    ts = {"ANY"}
    if rank_of(part):
        ts.add("RANK")
    if is_name(part) and part not in _not_names():
        ts.add("PERSON")
    if not rank_of(part) and not role_of(part) and not is_name(part) and len(part) >= 2:
        ts.add("ORG")
    return ts
