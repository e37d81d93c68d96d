"""The ``factcheck_mentions`` component: the typed-mention layer under the claims.

For every sentence ``factcheck_sections`` found, it reads the words with
their exact offsets (tokens.py), the dates (ingest/dates.py, each resolved
against the article's date and the last day the article named), and the
organisations the article itself confirms: a stock code "(005930)" or an
acronym "(KAIST)" after a name. The claims component (claims.py) works on
these; it adds the organisations it confirms on its way (the organisation of
a title, the members of a list), each with how it knew.

``doc._.fc_mentions`` shows the layer as spans typed PERSON, ORG, GROUP,
ROLE, RANK, COUNT and DATE, each with the evidence that typed it (the rank
lexicon, a name's shape, an organisation suffix, a confirmation in the
article, a group word, a number with its counter, a date expression). It is
built when asked — the claims need only the words and their types — and
``factcheck mentions FILE`` prints it, so a reader can see why the checker
took a word for a person or an organisation. For every mention
``text[start:end] == mention.text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..ingest.dates import DateExpr, find_dates
from ..lexicons import load
from .doctext import doc_text
from .hangul import has_final
from .mentions import MENTION_TYPES  # noqa: F401  (the types a Mention has)
from .sections import Sentence
from .tokens import CLOSE_Q, OPEN_Q, Word, paren_kind, split_words
from .wordclass import (
    _LATIN,
    CUE_STEMS,
    fused_title,
    group_head,
    is_name,
    rank_of,
    role_of,
    short_form_in_bracket,
)

_QUOTES = OPEN_Q + CLOSE_Q


@dataclass(frozen=True, slots=True)
class Mention:
    type: str  # one of mentions.MENTION_TYPES
    start: int  # document offsets: text[start:end] == text
    end: int
    text: str
    sentence_idx: int
    evidence: str  # what typed it, in words a reader can check


@dataclass(slots=True)
class SentenceWords:
    """One sentence as the claims see it."""

    sent: Sentence
    words: list[Word]
    dates: list[DateExpr]
    context: date | None  # the last day the article named before this sentence


for _name in ("fc_words", "fc_orgs"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@lru_cache(maxsize=1)
def _cue_words() -> re.Pattern:
    """Every string a claim needs somewhere in its sentence: a rank, a post,
    a group word, a member noun or cue, an event verb, a list's 등, a bracket
    (a stock code, an acronym, a title in brackets). Built from the lexicons."""
    lx = load()
    words = set(lx.ranks) | set(lx.role_suffixes) | set(lx.title_expansions) | set(lx.group_words)
    words |= set(lx.membership_cues) | set(lx.member_nouns)
    words |= {w for _, stem in lx.events for w in stem.split()}
    words |= {*CUE_STEMS, " 등", "(", "△", "▲"}
    return re.compile("|".join(sorted(map(re.escape, filter(None, words)), key=len, reverse=True)))


def may_hold_claims(sentence: str) -> bool:
    """Whether a sentence can hold any claim or mention the claims use: most
    sentences of an article can't, and their words are not read (two regular
    expressions, where reading the words is the extractor's biggest cost)."""
    return bool(_cue_words().search(sentence) or load().counter_re.search(sentence))


# a line that is only a date ("2023.09.19."): a photo's stamp, not the day the story tells of
_DATE_STAMP = re.compile(r"^\s*\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2}\.?\s*$")


def read_sentences(doc: Doc) -> list[SentenceWords]:
    """Words and dates of every sentence that is not a repeat (a caption
    printed twice); a sentence that cannot hold a claim (``may_hold_claims``)
    has its dates only."""
    text = doc_text(doc)
    published: date | None = doc._.fc_published
    context: date | None = None
    out: list[SentenceWords] = []
    for sent in doc._.fc_sentences or []:
        if sent.repeat_of is not None:
            continue
        chunk = text[sent.start : sent.end]
        words = split_words(chunk, sent.start) if may_hold_claims(chunk) else []
        dates = [DateExpr(d.start + sent.start, d.end + sent.start, d.date, d.precision, d.future)
                 for d in find_dates(chunk, published, context)]
        out.append(SentenceWords(sent, words, dates, context))
        if sent.section in ("body", "quote", "caption") and not _defines(chunk) and not _DATE_STAMP.match(chunk):
            day = [d for d in dates if d.usable and d.precision == "day"]
            if day:
                context = day[-1].date
    return out


# "H2링크는 2026년 2월 10일 … 출범한 민간 수소 협력체다": a sentence that
# defines (a noun and its copula, "…체다", "…곳이다") tells background; its
# dates are not the day the story goes on at ("이번 가입으로 …" after it)
def _defines(chunk: str) -> bool:
    """Ends by saying what kind of body something is, a group or a company
    word and its copula ("…출범한 민간 수소 협력체다", "…에너지 전문 기업이다"),
    not an event ("…확정할 예정이다", "…밝혔다")."""
    m = _LAST_WORD.search(chunk)
    if not m:
        return False
    noun = m.group(1)
    if noun.endswith("이") and len(noun) > 1 and has_final(noun[-2]):
        noun = noun[:-1]  # "기업이다": the copula after a final consonant
    return bool(group_head(noun)) or noun.endswith(_BODY_NOUNS)


_LAST_WORD = re.compile(r"([가-힣]+)다[.\s'\"’”)]*$")
_BODY_NOUNS = ("단체", "기구", "모임", "조직", "기업", "회사", "기관", "업체")


def confirmed_orgs(sentences: list[SentenceWords]) -> dict[str, str]:
    """Names the article confirms as organisations by what stands after
    them: a stock code or an acronym in brackets. name -> evidence."""
    out: dict[str, str] = {}
    for sw in sentences:
        for w in sw.words:
            if w.paren and w.base and not rank_of(w.base):
                kind = paren_kind(w.paren)
                if kind == "code":
                    out.setdefault(w.base, f"stock code ({w.paren.strip()})")
                elif kind == "acronym":
                    out.setdefault(w.base, f"acronym ({w.paren.strip()})")
                short = short_form_in_bracket(w.base, w.paren)
                if short:
                    # "가람농민회총연맹(가농)", "대한누리보건협회(이하 누보협)": the
                    # short form is the organisation's, never a person's name
                    out.setdefault(short, f"short form of {w.base}")
    return out


class MentionLayer:
    """Sets ``doc._.fc_words`` (list of SentenceWords) and ``doc._.fc_orgs``
    (organisation name -> how the article confirms it)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.fc_words = read_sentences(doc)
        doc._.fc_orgs = confirmed_orgs(doc._.fc_words)
        return doc


@Language.factory("factcheck_mentions")
def make_mentions(nlp: Language, name: str) -> MentionLayer:
    return MentionLayer(nlp, name)


# -- the layer as typed spans ----------------------------------------------------
def mentions(doc: Doc) -> list[Mention]:
    """Every typed mention of the document, in text order."""
    text = doc_text(doc)
    lx = load()
    orgs: dict[str, str] = doc._.fc_orgs or {}
    gazetteer: frozenset[str] = (doc.user_data or {}).get("fc_gazetteer") or frozenset()
    out: list[Mention] = []
    # people are who a title claim names; groups are what the claims read as groups
    persons: dict[tuple[int, str], str] = {}
    for c in doc._.fc_claims or []:
        if c.kind == "title" and c.detail.get("person") and not c.detail.get("backref"):
            persons.setdefault((c.sentence_idx, c.detail["person"]), f"named with a title: {c.value} ({c.detail.get('pattern')})")
    for g in (doc.user_data or {}).get("fc_group_mentions", []):
        ev = f"group word: {g.head}" if g.head else "quoted name holding a group's event"
        if g.proper and g.proper != g.name:
            ev += f", named {g.proper}"
        sidx = next((sw.sent.idx for sw in doc._.fc_words or [] if sw.sent.start <= g.start < sw.sent.end), -1)
        start, end = g.start, g.end
        while start < end and text[start] in _QUOTES:
            start += 1
        while end > start and text[end - 1] in _QUOTES:
            end -= 1
        if start < end:
            out.append(Mention("GROUP", start, end, text[start:end], sidx, ev))
    for sw in doc._.fc_words or []:
        idx = sw.sent.idx

        def add(kind: str, start: int, end: int, evidence: str, idx: int = idx) -> None:
            if start < end:
                out.append(Mention(kind, start, end, text[start:end], idx, evidence))

        words = sw.words
        for w in words:
            person = persons.get((idx, w.base))
            if person and w.core_start < w.base_end:
                add("PERSON", w.core_start, w.base_end, person)
        titled = [bool(w.base and (rank_of(w.base) or role_of(w.base) or fused_title(w.base))) for w in words]
        for i, w in enumerate(words):
            b = w.base
            if not b:
                continue
            s = w.core_start
            e = s + len(b) if text[s : s + len(b)] == b else w.base_end
            r = rank_of(b)
            if r:
                add("RANK", s, e, f"rank lexicon: {r}" + (f" (written {b})" if r != b else ""))
            elif role_of(b):
                add("ROLE", s, e, f"post ending in a role word: {role_of(b)}")
            elif fused_title(b):
                org, rank = fused_title(b)
                add("ROLE", s, e, f"organisation and rank in one word: {org} + {rank}")
            if w.paren:
                _bracket(w, text, idx, persons, add)
            if group_head(b) and not r:
                continue  # a group word: its mention is the group's whole name (below)
            if b in orgs:
                add("ORG", s, e, orgs[b])
            elif b in gazetteer and not titled[i]:
                add("ORG", s, e, "confirmed as an organisation by another source (factcheck orgs)")
            elif not titled[i] and w.particle in ("", "의"):
                ev = _org_evidence(b, lx)
                if ev:
                    add("ORG", s, e, ev)
        for d in sw.dates:
            add("DATE", d.start, d.end, f"date expression ({d.precision})" + (f": {d.date.isoformat()}" if d.date else ""))
        chunk = text[sw.sent.start : sw.sent.end]
        for m in lx.counter_re.finditer(chunk):
            add("COUNT", sw.sent.start + m.start(), sw.sent.start + m.end(), f"number + counter: {m.group('counter')}")
    return sorted(set(out), key=lambda m: (m.start, m.end, m.type, m.evidence))


def _bracket(w: Word, text: str, idx: int, persons: dict, add) -> None:
    """Ranks and titled people inside a word's bracket: "본부장(부사장)",
    "한빛전자(대표 김하늘)"."""
    open_at = text.find("(", w.start, w.end)
    if open_at < 0:
        return
    at = open_at + 1
    close = text.find(")", at, w.end)
    inner = text[at : close if close >= 0 else w.end]
    for m in re.finditer(r"[^\s·,]+", inner):
        part = m.group()
        s, e = at + m.start(), at + m.end()
        r = rank_of(part)
        if r:
            add("RANK", s, e, f"rank lexicon: {r}" + (f" (written {part})" if r != part else "") + ", in brackets")
        elif (idx, part) in persons:
            add("PERSON", s, e, persons[(idx, part)])


def _org_evidence(b: str, lx) -> str | None:
    """Why a word on its own reads as an organisation: a suffix of two or
    more letters ("전자", "대학교"), or a Latin name ("KT", "SK C&C")."""
    suffix = next((s for s in lx.org_suffixes_2 if b.endswith(s) and len(b) > len(s)), None)
    if suffix and not is_name(b):
        return f"organisation suffix: {suffix}"
    if _LATIN.match(b):
        return "Latin name"
    return None


if not Doc.has_extension("fc_mentions"):
    Doc.set_extension("fc_mentions", getter=mentions)
