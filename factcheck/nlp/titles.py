"""Titles: who holds which post where.

Every word of a sentence gets its word types (PERSON, ORG, ROLE, RANK,
FUSED, SURNAME, ...: ``word_types``, over the word classes of wordclass.py);
the title patterns (``factcheck/patterns/titles.json``: sequences over those
types, with optional and repeated pieces) are matched against the typed
words (``match``), and each match becomes a claim with its status (current,
former, designate, acting) and its pattern's measured precision as its
confidence. "KT AI·DX융합사업부문장 전홍범 부사장", "권봉석 LG전자 사장",
"한빛전자(대표 김하늘)", "수소사업본부장(부사장)", "한승우
한국첨단소재연구원장", and back-references ("김 사장은") resolved to the full
name in the same article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..ingest.dates import DateExpr, find_dates
from ..lexicons import load
from ..patterns import title_patterns
from .mentions import DEFAULT_CONFIDENCE, Claim
from .tokens import Word, paren_kind
from .wordclass import (
    _LATIN,
    _org_of,
    fused_title,
    is_name,
    is_org_word,
    name_bracket,
    name_or_unit,
    rank_of,
    role_of,
)
from .wordmatch import Pattern, PatternSet, TWord, compile_pattern, find_all

# web noise between a name and its title: a stock quote "(23,450원 ▲150 +0.64%)"
_STOCK_QUOTE = re.compile(r"^[\d,.]+원?\s*[▲▼△▽↑↓+\-]?\s*[\d,.]*\s*[+\-]?[\d.]*%?$")
_CORP_MARKS = ("㈜", "(주)", "(유)", "㈔", "(사)", "(재)")

# "3년 전", "얼마 전": 전 after a span of time is "ago", not "former"
_AGO = re.compile(r"^(?:\d+|몇|수|여러|한|두|세|네|다섯|오래|얼마|직|며칠|조금|반|십|수십|몇십)(?:년|개월|달|주|주일|일|시간|분|세기|여년|년여)?$")
# endings of verb forms that is_name lets through ("감안해", "설명하며")
_NOT_NAME_END = ("해", "며", "고", "면", "듯", "록", "께", "까", "된", "던", "낸", "친", "간")
# a name's bracket with an age: "김하늘(52)", "김하늘(여·52)"
_PHOTO = re.compile(r"^\s*사진(?:\s*=.*)?\s*$")  # "김하늘(사진) 대표"
_AGE = re.compile(r"^\s*(?:[남여]\s*[·,]?\s*)?\d{1,3}(?:세)?\s*$")
_NAME_FINALS = ("은", "이", "가")  # syllables that end names and read as particles
_ACTING = ("직무대행", "권한대행", "대행")
_BULLETS = "△▲▷▶■□●○◆◇•"  # an item of a list: "△김하늘 한빛전자 사장 △박서준 …"
# a finite or connective verb ("참석했고", "선임됐다"): never a name or an organisation
_VERB_END = ("했고", "했다", "됐고", "됐다", "하고", "하며", "되며", "되고", "한다", "된다", "했으며", "됐으며", "하는", "되는", "했던", "하기로", "했지만", "됐지만", "하면서", "되면서", "했으나", "됐으나")


def is_current(detail: dict) -> bool:
    """Whether a title claim's detail is a current title (only those are
    compared); claims stored before ``status`` existed carry ``former``."""
    status = detail.get("status") or ("former" if detail.get("former") else "current")
    return status == "current"


# -- the pattern file ---------------------------------------------------------
@dataclass
class TitlePattern:
    """A title pattern: its word sequence and what a match makes.

    ``emit``: which captures make a claim (default person, title, org);
    ``overlap``: the pattern adds a post to a person another pattern found,
    so its matches may overlap others; ``backref``: its person is a surname
    resolved to a full name in the article; ``status``: a fixed status
    (otherwise from the words around); ``old_status``: what a stated
    promotion makes of the person's own title."""

    m: Pattern
    emit: list[dict]
    status: str | None = None
    overlap: bool = False
    backref: bool = False
    old_status: str | None = None
    confidence: float = DEFAULT_CONFIDENCE

    @property
    def id(self) -> str:
        return self.m.id


@lru_cache(maxsize=1)
def patterns() -> tuple[list[TitlePattern], dict]:
    data = title_patterns()
    out = []
    for d in data["patterns"]:
        emit = d.get("emit") or [{"person": "person", "title": "title", "org": "org"}]
        out.append(TitlePattern(compile_pattern(d), emit, d.get("status"), bool(d.get("overlap")), bool(d.get("backref")),
                                d.get("old_status"), float(d.get("confidence", DEFAULT_CONFIDENCE))))
    return out, data.get("words", {})


@lru_cache(maxsize=1)
def _matcher() -> tuple[PatternSet, dict[int, TitlePattern]]:
    pats = patterns()[0]
    return PatternSet([p.m for p in pats]), {id(p.m): p for p in pats}


# -- word types -----------------------------------------------------------------
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
    if w.base in known and is_org_word(w, known):
        # a word the article already uses as an organisation is not a name
        ts = (ts - {"PERSON"}) | {"ORG", "ORGX"}
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
    not_name = wbase in _not_names()
    bracket = name_bracket(wbase, paren) if paren else None
    name = not not_name and is_name(wbase) and (paren is None or paren_kind(paren) == "position" or bool(_AGE.match(paren) or _PHOTO.match(paren)) or bracket == "hanja") and not wbase.endswith(_NOT_NAME_END)
    if name:
        ts.add("PERSON")
    elif not not_name and paren is None and name_or_unit(wbase):
        ts.add("NAMEX")  # "김영대", "두성국" or "연세대": a name only before an organisation and a business rank
    elif bracket == "label" and not not_name and not wbase.endswith(_NOT_NAME_END):
        ts.add("PLABEL")  # a name with a note on the person: "김하늘(전자)", "김하늘(한빛전자 회장)"
    if len(wbase) == 1 and wbase in lx.surnames and wbase != "전":
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
    return out


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


# -- the rules ------------------------------------------------------------------------
@dataclass
class Piece:
    """One captured part: a word, or a part of a word's bracket."""

    tw: TWord
    part: str | None = None

    @property
    def base(self) -> str:
        return self.part if self.part is not None else self.tw.base


class TitleRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, self.lx, ...)."""

    def _titles(self, sent, words: list[Word], dates, context) -> None:
        if not any(_title_word(w.base, w.paren) for w in words):
            return
        tws = type_words(words, self.known_orgs)
        pats, lex = patterns()
        matcher, by_m = _matcher()
        found = [(by_m[id(m)], order, s, end, caps) for m, order, s, end, caps in find_all(matcher, tws, _paren_part_types)]
        # primary readings do not overlap (the longest wins, then the earlier
        # pattern); overlap patterns add a post to a person another pattern found
        used: set[int] = set()
        for p, order, s, end, caps in found:
            if p.overlap:
                continue
            span = set(range(s, end))
            if span & used:
                continue
            if self._title_match(sent, tws, p, caps, dates, context, lex):
                used |= span
        # an overlap pattern reads a stretch once (its longest match there)
        taken: dict[str, set[int]] = {}
        for p, order, s, end, caps in found:
            if p.overlap:
                span = set(range(s, end))
                if span & taken.get(p.id, set()):
                    continue
                if self._title_match(sent, tws, p, caps, dates, context, lex):
                    taken.setdefault(p.id, set()).update(span)

    def _title_match(self, sent, tws: list[TWord], p: TitlePattern, caps, dates, context, lex) -> bool:
        groups: dict[str, list[Piece]] = {}
        for name, i, part in caps:
            groups.setdefault(name, []).append(Piece(tws[i], part))
        emitted = False
        verbs = groups.get("verb", [])
        status = p.status
        if not status and any(v.tw.raw.startswith(tuple(lex.get("designate_verbs", ()))) for v in verbs):
            status = "designate"
        if p.old_status and (status or "current") == "current" and any(v.tw.raw.startswith(tuple(lex.get("promotion_verbs", ()))) for v in verbs):
            for person in groups.get("person", []):
                self._restatus_own_title(sent.idx, person, p.old_status)
        for spec in p.emit:
            persons = groups.get(spec.get("person", "person"), [])
            title = groups.get(spec.get("title", "title"), [])
            org = groups.get(spec.get("org", "org"), [])
            if not title:
                continue
            if p.backref:
                sur = groups.get("surname", [])
                if not sur:
                    continue
                key = groups.get("key", title)
                status = status or self._status(tws, title + sur, p, lex)
                self.backrefs.append((sent.idx, sur[0].tw.w, key[-1].tw.w, title, org[0] if org else None, p, status))
                emitted = True
                continue
            for person in persons:
                if self._emit_title(sent, tws, p, person, org[0] if org else None, title, dates, context, lex, status, org[1:]):
                    emitted = True
        return emitted

    def _restatus_own_title(self, sent_idx: int, person: Piece, status: str) -> None:
        """A promotion stated in the sentence ("김하늘 전무는 부사장으로
        승진했다"): the title the person is named with is the one left."""
        at = person.tw.w.core_start
        for c in self.claims:
            if c.kind == "title" and c.sentence_idx == sent_idx and c.subject == person.base and c.start <= at < c.end and c.detail.get("status") == "current":
                c.detail["status"] = status
                c.detail["former"] = status == "former"

    def _status(self, tws: list[TWord], pieces: list[Piece], p: TitlePattern, lex) -> str:
        if p.status:
            return p.status
        idx = sorted({x.tw.w.i for x in pieces})
        pos = {tw.w.i: k for k, tw in enumerate(tws)}
        first, last = pos[idx[0]], pos[idx[-1]]
        title_words = [x.tw for x in pieces]
        if any("former" in tw.flags for tw in title_words) or "former" in tws[first].flags:
            return "former"
        if any(tw.base.endswith(tuple(lex.get("acting", ()))) for tw in title_words):
            return "acting"
        if any(tw.base.endswith(tuple(lex.get("designate", ()))) for tw in title_words):
            return "designate"
        after = tws[last + 1 : last + 1 + 2]
        for tw in after:
            b = tw.w.base
            if b.startswith(tuple(lex.get("acting", ()))):
                return "acting"
            if b.startswith(tuple(lex.get("designate", ()))):
                return "designate"
        if any("designate" in tw.flags for tw in title_words) or "designate" in tws[first].flags:
            return "designate"
        return "current"

    def _ambiguous(self, title: list[Piece], org: str | None, lex) -> bool:
        """A rank that is also a common noun ("유통 시장") is a title only with
        an organisation it fits, or after a role."""
        need = lex.get("needs_org", {})
        last = title[-1].base
        if last not in need or len(title) > 1:
            return False
        if org is None:
            return True
        suffixes = need[last]
        return bool(suffixes) and not org.endswith(tuple(suffixes))

    def _emit_title(self, sent, tws: list[TWord], p: TitlePattern, person: Piece, org_p: Piece | None, title: list[Piece], dates, context, lex, status: str | None = None, more_org: list[Piece] = ()) -> bool:
        # organisation
        org = alias = None
        fused = fused_title(title[-1].base) if title[-1].part is None and "FUSED" in title[-1].tw.types and not rank_of(title[-1].base) else None
        if org_p is not None:
            if org_p.part is not None:
                org = org_p.part
            else:
                org, alias = _org_of(org_p.tw.w)
                if more_org:  # "누리과학기술원 인공지능대학원": the words as written
                    org = self.text[org_p.tw.w.core_start : more_org[-1].tw.w.base_end]
                    alias = None
        elif fused:
            org = fused[0]
        if self._ambiguous(title, org, lex) and not p.overlap:
            return False
        title_text, t_start, t_end, role, rank = self._title_text(title, fused)
        if not title_text:
            return False
        # the span: from the first to the last word the match used
        pieces = [person, *title] + ([org_p] if org_p else [])
        starts, ends = [t_start], [t_end]
        for x in pieces:
            if x in title:
                continue
            s, e = self._piece_span(x)
            starts.append(s)
            ends.append(e)
        start, end = min(starts), max(ends)
        if p.overlap:
            # an added post: the span is the post as written (and the person)
            ps, pe = self._piece_span(person)
            start, end = min(t_start, ps), max(t_end, pe)
        status = status or self._status(tws, title + ([person] + ([org_p] if org_p else []) if not p.overlap else []), p, lex)
        if org_p is not None and org_p.part is None:
            w = org_p.tw.w
            if alias:
                self.aliases.append(("org", org, alias, "parenthetical"))
            if w.paren and paren_kind(w.paren) == "code":
                self.aliases.append(("org", org, "code:" + w.paren, "stock_code"))
        if any(c.kind == "title" and c.sentence_idx == sent.idx and c.subject == person.base and c.value.replace(" ", "") == title_text.replace(" ", "")
               and not (org and c.detail.get("org") and c.detail["org"] != org) for c in self.claims):
            return True  # one post of one person read by two patterns: one claim (two organisations: two posts)
        as_of, prec = self._as_of(start, dates, context)
        detail = {
            "person": person.base,
            "org": org,
            "org_alias": alias,
            "role": role,
            "rank": rank,
            "title": title_text,
            "status": status,
            "former": status == "former",
            "pattern": p.id,
            "confidence": p.confidence,
        }
        self.claims.append(Claim("title", person.base, title_text, start, end, sent.idx, as_of, prec, detail))
        if org and status == "current":
            self.known_orgs.add(org)
        return True

    def _piece_span(self, x: Piece) -> tuple[int, int]:
        w = x.tw.w
        if x.part is not None:
            at = self.text.find(x.part, w.core_start, w.core_end)
            if at >= 0:
                return at, at + len(x.part)
        return w.core_start, w.base_end

    def _word_title_end(self, tw: TWord) -> int:
        """Where a title word ends as written: through a bracket that belongs
        to the title ("수소사업본부장(부사장)", "최고기술책임자(CTO)"), without a
        copula ("전략실장인")."""
        w = tw.w
        if w.paren and self._title_paren(w.paren):
            close = self.text.rfind(")", w.core_start, w.core_end)
            if close >= 0:
                return close + 1
        end = w.base_end
        cut = len(w.base) - len(tw.base)  # "전략실장인", "의장직": the title without the suffix
        if cut > 0 and w.base.startswith(tw.base) and self.text[end - cut : end] == w.base[-cut:]:
            end -= cut
        return end

    @staticmethod
    def _title_paren(paren: str) -> bool:
        """A bracket that is part of the title as written: ranks, roles or
        their acronyms ("(부사장)", "(CTO)", "(CISO·전무)", "(AI사업부문장)")."""
        parts = [x for x in re.split(r"[\s·,]+", paren.strip()) if x]
        return bool(parts) and all(rank_of(x) or x in load().ranks or role_of(x) for x in parts)

    def _title_text(self, title: list[Piece], fused) -> tuple[str, int, int, str | None, str | None]:
        lx = self.lx
        text = self.text
        if title[0].part is not None:
            # a post in a bracket: "한빛전자(대표 김하늘)"
            part = title[0].part
            s, e = self._piece_span(title[0])
            r = rank_of(part)
            return part, s, e, None, r
        if fused:
            w = title[-1].tw.w
            return text[w.core_start : w.base_end], w.core_start, w.base_end, None, fused[1]
        runs: list[list[Piece]] = []
        for x in title:
            if runs and x.tw.w.i == runs[-1][-1].tw.w.i + 1:
                runs[-1].append(x)
            else:
                runs.append([x])
        texts = []
        for run in runs:
            s = run[0].tw.w.core_start
            e = self._word_title_end(run[-1].tw)
            texts.append(text[s:e])
        title_text = " ".join(texts)
        t_start = title[0].tw.w.core_start
        t_end = self._word_title_end(title[-1].tw)
        # role and rank: the last rank on a ladder is the rank, the rest the role
        rank = None
        role_parts: list[str] = []
        words = [x.tw for x in title if not x.tw.types & {"JOIN", "ACTING", "DESIG"}]
        rank_at = None
        for k in range(len(words) - 1, -1, -1):
            b = words[k].base
            r = rank_of(b)
            if r and b not in lx.title_expansions and not _LATIN.match(b) and (lx.ranks.get(r) is None or lx.ranks[r].ladder != "position"):
                rank_at = k
                rank = r
                break
        if rank_at is None:
            b = words[-1].base
            r = rank_of(b)
            if r and b not in lx.title_expansions and not _LATIN.match(b) and not role_of(b):
                rank_at, rank = len(words) - 1, r
        for k, tw in enumerate(words):
            if k == rank_at:
                continue
            b = tw.base
            role_parts.append(lx.title_expansions.get(b, b))
        last = title[-1].tw.w
        if last.paren and self._title_paren(last.paren):
            for x in re.split(r"[\s·,]+", last.paren.strip()):
                r = rank_of(x)
                if r and r not in lx.title_expansions.values() and not _LATIN.match(x):
                    if rank is None:
                        rank = r
                elif x and x not in role_parts and not role_parts:
                    role_parts.append(x)
        role = " ".join(role_parts) or None
        return title_text, t_start, t_end, role, rank

    def _resolve_backrefs(self) -> None:
        people: dict[str, list[Claim]] = {}
        for c in self.claims:
            if c.kind == "title" and not c.detail.get("backref"):
                people.setdefault(c.subject, []).append(c)
        for sent_idx, sw, kw, title, org_p, p, status in self.backrefs:
            cands = [n for n in people if n.startswith(sw.base) and not any(n.startswith(s2) for s2 in self.lx.surnames if len(s2) == 2 and s2[0] == sw.base)]
            if not cands:
                continue
            krank = rank_of(kw.base) or (fused_title(kw.base) or (None, None))[1]
            if len(cands) > 1:
                same = [n for n in cands if any(c.detail.get("rank") == krank for c in people[n])]
                if len(same) != 1:
                    continue
                cands = same
            name = cands[0]
            sent = self.sentences[sent_idx]
            tws = [x.tw for x in title]
            tw_last = title[-1].tw.w
            own = kw is tw_last
            fused = fused_title(title[-1].base) if "FUSED" in title[-1].tw.types and not rank_of(title[-1].base) else None
            title_text, t_start, t_end, role, rank = self._title_text(title, fused)
            if own:
                start, end = sw.core_start, t_end
            else:
                start, end = min(sw.core_start, t_start), max(sw.base_end, t_end)
            dates = find_dates(self.text[sent.start : sent.end], self.published)
            dates = [DateExpr(d.start + sent.start, d.end + sent.start, d.date, d.precision, d.future) for d in dates]
            ctx = people[name][0].as_of
            as_of, prec = self._as_of(start, dates, ctx)
            org = org_p.tw.w.base if org_p is not None else (fused[0] if fused else None)
            detail = {"person": name, "org": org if not own else None, "org_alias": None, "role": role, "rank": rank, "title": title_text,
                      "status": status, "former": status == "former", "backref": True, "written": self.text[start:end],
                      "pattern": p.id, "confidence": p.confidence}
            del tws
            self.claims.append(Claim("title", name, title_text, start, end, sent_idx, as_of, prec, detail))
