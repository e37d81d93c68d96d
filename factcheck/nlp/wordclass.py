"""Word classes: is this word a rank, a role, a fused title, a name, an
organisation, an event verb, a group word? Pure functions of one word (and
the lexicons), cached, shared by the title, group and count rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load
from .hangul import is_hangul_word
from .tokens import Word, paren_kind

_ADNOMINAL = ("한", "된", "는", "던", "난", "운", "진", "은", "온", "간", "린", "할", "될", "쓴", "낸", "인")
# endings of verbs and adverbs: a word ending so is not part of a name
_VERBISH = _ADNOMINAL + ("해", "며", "고", "서", "면", "다", "게", "지", "을", "를", "히", "께", "까", "듯", "록", "써", "하되", "되")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&+.\-]*$")
_DIGITS = re.compile(r"\d")
_LIST_LINKS = ("비롯해", "비롯한", "비롯하여", "주관사로", "대표사로", "주간사로", "간사로", "중심으로", "포함해", "포함한", "필두로")


def is_list_link(w) -> bool:
    """"KT를 비롯해 A, B", "누리오토를 주관사로 A, B": the word that links a
    list's first member (in 을/를) to the rest; "주관사로" is 주관사 + 로."""
    return w.base in _LIST_LINKS or w.base + w.particle in _LIST_LINKS

_LETTER = re.compile(r"[가-힣A-Za-z]")
# a number with a counter or an ordinal ("11명", "8기", "제6대", "2차"): not an organisation
_COUNTED = re.compile(r"제?\d+(?:명|인|개|개사|곳|기|대|차|회|위|번째|세|여명|여곳|여개)")
# a noun with a suffix that makes another noun ("지역별", "당연직", "가능성"): not a name when the noun is a common one
_NOUN_SUFFIXES = ("별", "직", "성", "엔", "적", "용", "급", "층", "권")
_CUE_VERB = re.compile(r"^(?:참여|구성|합류|가입|동참|출범)(?:하|했|한|해|합|할|중|됐|된|되|시켰|$)")


@lru_cache(maxsize=100_000)
def rank_of(base: str) -> str | None:
    """The rank/post word a title word names, normalised (제2차관 -> 2차관)."""
    lx = load()
    b = base
    m = re.fullmatch(r"제?(\d)차관", b)
    if m:
        return f"{m.group(1)}차관"
    if b in lx.ranks:
        return b
    if b in lx.title_expansions:
        return lx.title_expansions[b]
    q = rank_qualifier(b)
    if q:
        return rank_of(b[len(q):])
    return None


@lru_cache(maxsize=100_000)
def rank_qualifier(base: str) -> str | None:
    """"정무부시장" -> "정무": a qualifier (rank_qualifiers.txt) fused before
    a rank of two letters or more; the rank is the rest of the word."""
    lx = load()
    if base in lx.ranks:
        return None
    for q in lx.rank_qualifiers:
        rest = base[len(q):]
        if base.startswith(q) and len(rest) >= 2 and rest in lx.ranks:
            return q
    return None


@lru_cache(maxsize=100_000)
def role_of(base: str) -> str | None:
    """A role inside an organisation: a word ending in a role suffix."""
    lx = load()
    b = base[:-1] if base.endswith("인") and len(base) > 3 else base
    if b in lx.ranks:
        return None
    if not b.endswith(lx.role_suffixes):
        return None
    for suf in lx.role_suffixes:
        if b.endswith(suf) and len(b) > len(suf):
            return b
    return None


@lru_cache(maxsize=100_000)
def fused_title(base: str) -> tuple[str, str] | None:
    """"한국첨단소재연구원장" -> ("한국첨단소재연구원", "원장")."""
    lx = load()
    if base in lx.ranks or rank_qualifier(base) or not is_hangul_word(base.replace("AI", "가")):
        return None
    for org_suffix, title in lx.fused_titles:
        if base.endswith(org_suffix + "장"):
            org = base[:-1]
            if len(org) >= len(org_suffix) + 2:
                return org, title
    return None


def is_title_word(w: Word) -> bool:
    return bool(rank_of(w.base) or role_of(w.base) or fused_title(w.base) or w.base in load().title_expansions)


@lru_cache(maxsize=100_000)
def event_kind(base: str) -> str | None:
    """launch/join/leave when the word is an event verb ("합류했다", "출범한")."""
    for kind, stem in load().events:
        if " " in stem:
            continue
        if stem in base and (base.startswith(stem) or base.find(stem) > 0 and not base.startswith("참")):
            return kind
    return None


@lru_cache(maxsize=100_000)
def group_head(base: str) -> str | None:
    """The group word a word ends in ("얼라이언스", "협의회"), longest first."""
    words = load().group_words
    if not base.endswith(words):
        return None
    return next(g for g in words if base.endswith(g))


@lru_cache(maxsize=100_000)
def is_name(s: str) -> bool:
    lx = load()
    if not (2 <= len(s) <= 4) or not is_hangul_word(s):
        return False
    if s in lx.stopwords or s in lx.ranks or s in lx.generic_nouns or s in lx.descriptors or s in lx.place_names:
        return False
    if s.endswith(lx.org_suffixes_2) or s.endswith(lx.group_words):
        return False
    if s + "장" in lx.role_suffixes:
        return False  # a unit whose head is a post: 부문(장), 지점(장)
    if len(s) == 3 and (s[-1] in _ADNOMINAL or s[-1] in _NOUN_SUFFIXES) and (s[:2] in lx.stopwords or s[:2] in lx.generic_nouns):
        return False  # a common noun with an ending or a suffix: "사임한", "연임할", "지역별"
    if s[:2] in lx.surnames and len(s) >= 3:
        return True
    if s[0] not in lx.surnames or len(s) == 4:
        return False
    if s.endswith(("사", "들", "측", "부", "청", "시", "군", "도", "회", "단", "팀", "대", "국", "처", "원장")):
        return False
    return True


_HANJA = re.compile(r"[\u4e00-\u9fff]{2,4}")
_LABEL = re.compile(r"[가-힣][가-힣·,/ ]{0,15}")


@lru_cache(maxsize=100_000)
def name_bracket(base: str, paren: str | None) -> str | None:
    """What the bracket after a name-shaped word says about it: "hanja" for
    the name in Chinese characters, as long as the name ("장영호(張永浩)"),
    "label" for a short Hangul note on the person ("김하늘(전자)",
    "김하늘(한빛전자 회장)"), None otherwise. An organisation's own
    expansion ("한수원(한국수력원자력)") begins with its first syllable, so
    such a bracket is not a label."""
    if not paren or not is_name(base):
        return None
    p = paren.strip()
    if _HANJA.fullmatch(p) and len(p) == len(base):
        return "hanja"
    if _LABEL.fullmatch(p) and p[0] != base[0]:
        return "label"
    return None


@lru_cache(maxsize=100_000)
def name_or_unit(s: str) -> bool:
    """A name-shaped word that ``is_name`` refuses only for its last syllable
    대 or 국, which also ends abbreviations of universities and offices
    ("연세대", "사무국"): "김영대", "두성국". Whether it is a name is left to
    where it stands (before an organisation and a business rank)."""
    lx = load()
    if len(s) != 3 or not is_hangul_word(s) or s[-1] not in "대국" or s[0] not in lx.surnames:
        return False
    if s in lx.stopwords or s in lx.generic_nouns or s in lx.descriptors or s.endswith(lx.org_suffixes_2) or s.endswith(lx.group_words):
        return False
    return not is_name(s)


def is_org_word(w: Word, known: set[str], sandwiched: bool = False) -> bool:
    """Could this word be an organisation next to a name and title?"""
    lx = load()
    b = w.base
    if not b or w.particle not in ("", "의"):
        return False
    if rank_of(b) or role_of(b) or b in lx.stopwords or b in lx.generic_nouns:
        return False
    if _DIGITS.search(b) and not _LATIN.match(b) and not re.search(r"[가-힣]", b):
        return False
    if re.fullmatch(r"\d+(일|월|년)", b) or _COUNTED.fullmatch(b):
        return False
    if sandwiched or _LATIN.match(b):
        return True
    if any(b.endswith(s) for s in lx.org_suffixes) and len(b) >= 2:
        return True
    if len(b) >= 2 and not b.endswith(_ADNOMINAL):
        return True
    return b in known  # last: only where it decides (gazetteer.KnownOrgs)


def _org_of(w: Word) -> tuple[str, str | None]:
    """(name, alias) of an organisation word: 한국과학기술원(KAIST) -> (한국과학기술원, KAIST)."""
    kind = paren_kind(w.paren)
    if kind in ("acronym", "alias"):
        return w.base, w.paren
    return w.base, None


_NO_QUOTES = str.maketrans("", "", "'\"‘’“”「」『』《》<>")


# what every member cue word begins with ("참여한다", "이름을 올렸다")
CUE_STEMS = ("참여", "구성", "합류", "가입", "동참", "출범", "이름을")


def cue_possible(text: str) -> bool:
    """Whether any word of ``text`` could be a member cue: a fast pre-screen,
    since every cue word's base contains one of these strings."""
    return bool(_cue_any().search(text.translate(_NO_QUOTES)))


@lru_cache(maxsize=1)
def _cue_any() -> re.Pattern:
    stems = [*CUE_STEMS, *load().member_nouns]
    return re.compile("|".join(sorted(map(re.escape, stems), key=len, reverse=True)))


def _is_member_cue(w: Word) -> bool:
    """A word right after a list that makes it a member list: 참여한다, 이사사로, 회원으로."""
    return _member_cue(w.base, w.particle, w.text.startswith("이름을"))


@lru_cache(maxsize=100_000)
def _member_cue(b: str, particle: str, named: bool) -> bool:
    if _CUE_VERB.match(b) and not (b in ("참여", "구성") and particle in ("에", "에게", "의")):
        return True
    if particle in ("로", "으로") and b in load().member_nouns:
        return True
    return named or b.startswith("이름을")


# the initial-sound rule: a syllable in ㄹ or ㄴ at the start of a short form
# ("가빈련" for "가람빈민연합") is written as in the full name
_INITIAL = {"련": "연", "령": "영", "로": "노", "리": "이", "류": "유", "력": "역", "론": "논", "린": "인", "룡": "용"}
_SHORT = re.compile(r"^(?:이하\s*)?([가-힣]{2,4})$")


def short_form_in_bracket(base: str, paren: str | None) -> str | None:
    """The short form a bracket gives a long organisation name: two to four
    syllables taken in order from the name, its first syllable the name's
    first ("가람농민회총연맹(가농)", "(이하 누보협)")."""
    if not paren or not base or rank_of(base) or not re.fullmatch(r"[가-힣]{4,}", base):
        return None
    m = _SHORT.match(paren.strip())
    if not m:
        return None
    short = m.group(1)
    if len(base) < len(short) + 2 or short == base[: len(short)]:
        return None
    if not (group_head(base) or base.endswith(tuple(load().org_suffixes))):
        return None
    # a short form picks syllables of the name in order, its first from the
    # name's first word ("한국" may fall away: "한국청년단체협의회(한청)")
    syl = [_INITIAL.get(c, c) for c in short]
    full = [_INITIAL.get(c, c) for c in base]
    if syl[0] not in full[:3]:
        return None
    j = 0
    for c in full:
        if j < len(syl) and c == syl[j]:
            j += 1
    return short if j == len(syl) else None
