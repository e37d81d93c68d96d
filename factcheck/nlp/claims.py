"""The ``factcheck_claims`` component: mentions and claims from sentences.

Claim kinds (SPEC "What is extracted"):

- ``title``: person, organisation, title (role and rank) in every order the
  press uses: "KT AI·DX융합사업부문장 전홍범 부사장", "권봉석 LG전자 사장",
  "KT 구현모 대표", "한승우 한국첨단소재연구원장", "김 사장은" (resolved to the
  full name in the same article);
- ``member_count``: a group and a stated number ("산학연 9곳", "12개사");
- ``members``: a group and the names enumerated for it, with the stated count;
- ``event``: launch, join or leave, with members and a date.

Every claim carries document offsets (``start``/``end``), the index of its
sentence and an as-of date. Everything here is rules over lexicons
(``factcheck/lexicons``); nothing names a person or an organisation.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..ingest.dates import DateExpr, find_dates
from ..lexicons import load
from .doctext import doc_text
from .hangul import has_final, is_hangul_word, is_syllable
from .tokens import Word, paren_kind, split_words

_ADNOMINAL = ("한", "된", "는", "던", "난", "운", "진", "은", "온", "간", "린", "할", "될", "쓴", "낸", "인")
# endings of verbs and adverbs: a word ending so is not part of a name
_VERBISH = _ADNOMINAL + ("해", "며", "고", "서", "면", "다", "게", "지", "을", "를", "히", "께", "까", "듯", "록", "써")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&+.\-]*$")
_DIGITS = re.compile(r"\d")
_LIST_LINKS = ("비롯해", "비롯한", "비롯하여", "주관사로", "중심으로", "포함해", "포함한", "필두로")
_TIME_WORDS = ("오전", "오후", "새벽", "저녁", "밤", "낮")


@dataclass
class Claim:
    kind: str
    subject: str
    value: str
    start: int
    end: int
    sentence_idx: int
    as_of: date | None = None
    as_of_precision: str = "unknown"
    detail: dict = field(default_factory=dict)


@dataclass
class GroupMention:
    name: str  # as written, spaces kept: "반도체 소재혁신 얼라이언스"
    head: str
    start: int
    end: int
    word_i: int
    bare: bool
    variants: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# word classes


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
    if base in lx.ranks or not is_hangul_word(base.replace("AI", "가")):
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
    if s in lx.stopwords or s in lx.ranks or s in lx.generic_nouns or s in lx.descriptors:
        return False
    if s.endswith(lx.org_suffixes_2) or s.endswith(lx.group_words):
        return False
    if s[:2] in lx.surnames and len(s) >= 3:
        return True
    if s[0] not in lx.surnames or len(s) == 4:
        return False
    if s.endswith(("사", "들", "측", "부", "청", "시", "군", "도", "회", "단", "팀", "대", "국", "처", "원장")):
        return False
    return True


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
    if re.fullmatch(r"\d+(일|월|년)", b):
        return False
    if sandwiched or b in known or _LATIN.match(b):
        return True
    if any(b.endswith(s) for s in lx.org_suffixes) and len(b) >= 2:
        return True
    if len(b) < 2 or b.endswith(_ADNOMINAL):
        return False
    return True


def _org_of(w: Word) -> tuple[str, str | None]:
    """(name, alias) of an organisation word: 한국과학기술원(KAIST) -> (한국과학기술원, KAIST)."""
    kind = paren_kind(w.paren)
    if kind in ("acronym", "alias"):
        return w.base, w.paren
    return w.base, None


# --------------------------------------------------------------------------
# the extractor


_LETTER = re.compile(r"[가-힣A-Za-z]")
_CUE_VERB = re.compile(r"^(?:참여|구성|합류|가입|동참|출범)(?:하|했|한|해|합|할|중|됐|된|되|시켰|$)")


def _is_member_cue(w: Word) -> bool:
    """A word right after a list that makes it a member list: 참여한다, 이사사로, 회원으로."""
    b = w.base
    if _CUE_VERB.match(b) and not (b in ("참여", "구성") and w.particle in ("에", "에게", "의")):
        return True
    if w.particle in ("로", "으로") and b in load().member_nouns:
        return True
    return b.startswith("이름을") or w.text.startswith("이름을")


class Extractor:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.published: date | None = doc._.fc_published
        self.sentences = doc._.fc_sentences or []
        self.lx = load()
        self.claims: list[Claim] = []
        self.aliases: list[tuple[str, str, str, str]] = []  # (kind, a, b, method)
        self.known_orgs: set[str] = set()
        self.backrefs: list[tuple[int, Word, Word, DateExpr | None]] = []
        self.group_mentions: dict[int, list[GroupMention]] = {}
        self._people_seen, self._people_set = -1, set()

    # -- driver -----------------------------------------------------------
    def run(self) -> None:
        context: date | None = None
        per_sentence = []
        for sent in self.sentences:
            if sent.repeat_of is not None:
                continue
            text = self.text[sent.start : sent.end]
            words = split_words(text, sent.start)
            dates = find_dates(text, self.published, context)
            dates = [DateExpr(d.start + sent.start, d.end + sent.start, d.date, d.precision, d.future) for d in dates]
            per_sentence.append((sent, words, dates, context))
            if sent.section in ("body", "quote", "caption"):
                day = [d for d in dates if d.usable and d.precision in ("day",)]
                if day:
                    context = day[-1].date
        # first pass: organisations we can be sure of (lists, brackets, codes)
        for sent, words, _, _ in per_sentence:
            for w in words:
                if w.paren and paren_kind(w.paren) in ("code", "acronym") and w.base and not rank_of(w.base):
                    self.known_orgs.add(w.base)
        for sent, words, dates, context in per_sentence:
            self._titles(sent, words, dates, context)
            self._groups(sent, words)
        for sent, words, dates, context in per_sentence:
            self._counts_lists_events(sent, words, dates, context)
        self._resolve_backrefs()
        self._resolve_groups()
        self._drop_nested_titles()

    def _drop_nested_titles(self) -> None:
        """"최고기술책임자(CTO) 사장" read both as the title up to the bracket
        and as the whole: one person, one mention, so the longest reading wins."""
        longest: dict[tuple, int] = {}
        for c in self.claims:
            if c.kind == "title":
                k = (c.subject, c.sentence_idx, c.start)
                longest[k] = max(longest.get(k, c.end), c.end)
        self.claims = [c for c in self.claims if c.kind != "title" or c.end == longest[(c.subject, c.sentence_idx, c.start)]]

    # -- dates ------------------------------------------------------------
    def _as_of(self, pos: int, dates: list[DateExpr], context: date | None, consumed: set[int] = frozenset()) -> tuple[date | None, str]:
        before = [d for d in dates if d.end <= pos and d.usable and d.start not in consumed]
        if before:
            d = before[-1]
            if d.precision == "recent":
                return d.date, "approx"
            return d.date, "day" if d.precision in ("day", "context", "now") else d.precision
        after = [d for d in dates if d.start >= pos and d.usable and d.start not in consumed]
        if after:
            d = after[0]
            return d.date, "day" if d.precision in ("day", "context", "now") else d.precision
        if context is not None:
            return context, "day"
        return self.published, "day" if self.published else "unknown"

    # -- titles -----------------------------------------------------------
    def _titles(self, sent, words: list[Word], dates, context) -> None:
        used: set[int] = set()
        order = sorted(range(len(words)), key=lambda i: (0 if rank_of(words[i].base) or words[i].paren and paren_kind(words[i].paren) == "title" else 1, i))
        for i in order:
            if i in used:
                continue
            w = words[i]
            fused = fused_title(w.base)
            if not (rank_of(w.base) or role_of(w.base) or fused):
                continue
            if not w.particle and not w.sep_after and not w.paren and i + 1 < len(words) and (rank_of(words[i + 1].base) or role_of(words[i + 1].base)):
                continue  # part of a longer title: "CTO 사장", "FC부문장 부사장"
            got = self._title_at(sent, words, i, fused, dates, context)
            if got:
                used.update(got)

    def _title_at(self, sent, words: list[Word], i: int, fused, dates, context) -> set[int] | None:
        w = words[i]
        # back-reference: "민 대표는"
        if i > 0:
            prev = words[i - 1]
            if (
                len(prev.base) == 1
                and prev.base in self.lx.surnames
                and prev.base != "전"
                and not prev.particle
                and not prev.sep_after
                and (rank_of(w.base) or fused)
                and not (i > 1 and words[i - 2].base in self.lx.surnames and len(words[i - 2].base) == 1)
            ):
                self.backrefs.append((sent.idx, prev, w, None))
                return {i - 1, i}
        title_words = [w]
        j = i - 1
        name_w = None
        org_w = None
        roles: list[Word] = []
        if fused:
            # "한승우 한국첨단소재연구원장": the name stands right before
            if j >= 0 and is_name(words[j].base) and words[j].bare and not words[j].sep_after:
                name_w = words[j]
                return self._emit_title(sent, words, name_w, None, [], w, fused, dates, context, {j, i})
            return None
        # pattern A: [org] [role...] NAME RANK
        if j >= 0 and is_name(words[j].base) and words[j].bare and not words[j].sep_after and rank_of(w.base):
            name_w = words[j]
            k = j - 1
            while k >= 0 and not words[k].sep_after and (role_of(words[k].base) or words[k].base in self.lx.title_expansions or (rank_of(words[k].base) and _LATIN.match(words[k].base))) and words[k].particle in ("",):
                roles.insert(0, words[k])
                k -= 1
            if k >= 0 and not words[k].sep_after and is_org_word(words[k], self.known_orgs, sandwiched=bool(roles)):
                org_w = words[k]
            elif k >= 0 and not words[k].sep_after and words[k].base.endswith("인") and role_of(words[k].base):
                roles.insert(0, words[k])
                k -= 1
                if k >= 0 and not words[k].sep_after and is_org_word(words[k], self.known_orgs):
                    org_w = words[k]
            span = {x.i for x in roles} | {j, i} | ({org_w.i} if org_w else set())
            return self._emit_title(sent, words, name_w, org_w, roles, w, None, dates, context, span)
        # pattern B: NAME ORG [role...] TITLE
        k = j
        while k >= 0 and not words[k].sep_after and words[k].bare and (role_of(words[k].base) or words[k].base in self.lx.title_expansions or (rank_of(words[k].base) and _LATIN.match(words[k].base))):
            title_words.insert(0, words[k])
            k -= 1
        if k >= 0 and is_name(words[k].base) and words[k].bare and not words[k].sep_after:
            # "윤성진 CTO는", "최민혁 전무는": name, no organisation
            name_w = words[k]
            return self._emit_title(sent, words, name_w, None, title_words[:-1], w, None, dates, context, {x.i for x in title_words} | {k})
        if k >= 0 and not words[k].sep_after and is_org_word(words[k], self.known_orgs, sandwiched=True) and not is_name(words[k].base):
            org_k = k
            if org_k - 1 >= 0 and is_name(words[org_k - 1].base) and words[org_k - 1].bare and not words[org_k - 1].sep_after:
                name_w = words[org_k - 1]
                org_w = words[org_k]
                span = {x.i for x in title_words} | {org_k, org_k - 1}
                return self._emit_title(sent, words, name_w, org_w, title_words[:-1], w, None, dates, context, span)
        return None

    def _emit_title(self, sent, words, name_w: Word, org_w: Word | None, roles: list[Word], last: Word, fused, dates, context, span: set[int]) -> set[int]:
        lx = self.lx
        org, alias = (None, None)
        if fused:
            org = fused[0]
        elif org_w is not None:
            org, alias = _org_of(org_w)
            if alias:
                self.aliases.append(("org", org, alias, "parenthetical"))
            if org_w.paren and paren_kind(org_w.paren) == "code":
                self.aliases.append(("org", org, "code:" + org_w.paren, "stock_code"))
        role_words = roles
        role = None
        rank = None
        extra_rank = None
        if fused:
            rank = fused[1]
            title_text = fused[1]
        else:
            for r in role_words:
                if r.base in lx.title_expansions or (r.paren and paren_kind(r.paren) == "acronym" and r.paren in lx.ranks):
                    role = (role + " " if role else "") + lx.title_expansions.get(r.base, r.paren or r.base)
                elif rank_of(r.base) and _LATIN.match(r.base):
                    role = (role + " " if role else "") + r.base
                else:
                    role = (role + " " if role else "") + (r.base[:-1] if r.base.endswith("인") else r.base)
            if rank_of(last.base) and not role_of(last.base):
                rank = rank_of(last.base)
                if last.base in lx.title_expansions or (_LATIN.match(last.base) and last.base in lx.ranks and lx.ranks[last.base].ladder == "position"):
                    # "윤성진 CTO": a C-level post is a role-like post
                    role = (role + " " if role else "") + rank
                    rank = None
            else:
                role = (role + " " if role else "") + (role_of(last.base) or last.base)
            if last.paren and paren_kind(last.paren) == "title":
                extra_rank = rank_of(last.paren)
                if rank is None:
                    rank = extra_rank
            elif last.paren and paren_kind(last.paren) == "acronym" and last.paren in lx.ranks:
                role = lx.title_expansions.get(last.base, last.paren) if role is None else role
        first = min(span)
        first_w = words[first]
        start = first_w.core_start
        if last.paren and paren_kind(last.paren) in ("title", "acronym"):
            end = last.core_end - len(last.particle) if last.particle else last.core_end
        else:
            end = last.base_end
        title_start = (roles[0].core_start if roles else last.core_start) if not fused else last.core_start
        if fused:
            title_text = self.text[last.core_start : last.base_end]
        else:
            title_text = self.text[title_start:end] if not roles or roles[0].i > name_w.i else None
            if title_text is None:
                # [org] role NAME rank: the title is role + rank around the name
                last_role = roles[-1]
                role_end = last_role.core_end - len(last_role.particle) if last_role.paren else last_role.base_end
                if last_role.base.endswith("인") and not last_role.paren:
                    role_end -= 1
                role_text = self.text[roles[0].core_start : role_end]
                title_text = role_text + " " + self.text[last.core_start : end]
        as_of, prec = self._as_of(start, dates, context)
        former = any(words[x].base in ("전", "前") for x in range(max(0, first - 1), first)) or (first > 0 and words[first - 1].base in ("전", "前"))
        detail = {
            "person": name_w.base,
            "org": org,
            "org_alias": alias,
            "role": role,
            "rank": rank,
            "title": title_text,
            "former": former,
        }
        self.claims.append(Claim("title", name_w.base, title_text, start, end, sent.idx, as_of, prec, detail))
        if org:
            self.known_orgs.add(org)
        # "우상철 디지털금융혁신협회장(한결페이 대표)": a second post in brackets
        if last.paren and paren_kind(last.paren) in ("alias", "note"):
            parts = last.paren.split()
            if len(parts) == 2 and rank_of(parts[1]) and not rank_of(parts[0]):
                p0 = self.text.find(last.paren, last.core_start, last.core_end)
                if p0 >= 0:
                    d2 = {"person": name_w.base, "org": parts[0], "org_alias": None, "role": None, "rank": rank_of(parts[1]), "title": parts[1], "former": False}
                    self.claims.append(Claim("title", name_w.base, parts[1], p0, p0 + len(last.paren), sent.idx, as_of, prec, d2))
        return span

    def _resolve_backrefs(self) -> None:
        people: dict[str, list[Claim]] = {}
        for c in self.claims:
            if c.kind == "title" and not c.detail.get("backref"):
                people.setdefault(c.subject, []).append(c)
        for sent_idx, sw, tw, _ in self.backrefs:
            cands = [n for n in people if n.startswith(sw.base) and not any(n.startswith(s2) for s2 in self.lx.surnames if len(s2) == 2 and s2[0] == sw.base)]
            if not cands:
                continue
            rank = rank_of(tw.base) or (fused_title(tw.base) or (None, None))[1]
            if len(cands) > 1:
                same = [n for n in cands if any(c.detail.get("rank") == rank for c in people[n])]
                if len(same) != 1:
                    continue
                cands = same
            name = cands[0]
            sent = self.sentences[sent_idx]
            start, end = sw.core_start, tw.base_end
            dates = find_dates(self.text[sent.start : sent.end], self.published)
            dates = [DateExpr(d.start + sent.start, d.end + sent.start, d.date, d.precision, d.future) for d in dates]
            ctx = people[name][0].as_of
            as_of, prec = self._as_of(start, dates, ctx)
            detail = {"person": name, "org": None, "org_alias": None, "role": None, "rank": rank, "title": self.text[tw.core_start : tw.base_end], "former": False, "backref": True, "written": self.text[start:end]}
            self.claims.append(Claim("title", name, detail["title"], start, end, sent_idx, as_of, prec, detail))

    # -- groups -----------------------------------------------------------
    def _groups(self, sent, words: list[Word]) -> None:
        lx = self.lx
        out = []
        for i, w in enumerate(words):
            b = w.base
            head = group_head(b)
            if head is None:
                continue
            prefix = b[: -len(head)]
            if prefix and (prefix in lx.surnames or fused_title(b)):
                continue
            parts = [w]
            k = i - 1
            if w.closes_quote or (w.text and w.text[-1:] in "'’\"”") or "'" in w.text or "’" in w.text:
                # quoted name: take every word back to the opening quote
                q = i
                if w.opens_quote:
                    k = -1
                while not w.opens_quote and q >= 0 and not words[q].opens_quote and i - q < 6:
                    q -= 1
                if q >= 0 and words[q].opens_quote and q < i:
                    parts = words[q : i + 1]
                    k = -1
            while k >= 0 and len(parts) < 4:
                p = words[k]
                pb = p.base
                if p.particle or p.sep_after or not pb or pb in lx.stopwords or _DIGITS.search(pb) and not _LATIN.match(pb) or pb.endswith(_VERBISH) and not _LATIN.match(pb) or rank_of(pb) or is_name(pb) and k > 0 and rank_of(words[k + 1].base or ""):
                    break
                if pb.endswith(lx.group_words) and pb not in lx.generic_group_modifiers:
                    # "디지털금융혁신협회 이사회": the owner is part of the name
                    parts.insert(0, p)
                    break
                parts.insert(0, p)
                k -= 1
            names = [p.base for p in parts]
            modifiers = names[:-1] + ([prefix] if prefix else [])
            bare = all(m in lx.generic_group_modifiers for m in modifiers) if modifiers else True
            name = " ".join(names)
            variants, aliases = [], []
            # "인공지능(AI) 원팀(AI One Team)": bracketed forms are aliases
            alt = []
            for p in parts:
                if p.paren and paren_kind(p.paren) in ("acronym", "alias") and p is not w:
                    alt.append(p.paren)
                else:
                    alt.append(p.base)
            if alt != names:
                variants.append(" ".join(alt))
            if w.paren and paren_kind(w.paren) in ("acronym", "alias"):
                aliases.append(w.paren)
            gm = GroupMention(name, head, parts[0].core_start, w.base_end, i, bare, variants, aliases)
            out.append(gm)
        self.group_mentions[sent.idx] = out

    # -- counts, lists, events ---------------------------------------------
    def _counts_lists_events(self, sent, words: list[Word], dates, context) -> None:
        lx = self.lx
        text = self.text[sent.start : sent.end]
        counts = []
        for m in lx.counter_re.finditer(text):
            raw = m.group("num")
            n = int(raw) if raw.isdigit() else lx.count_words.get(raw)
            if n is None or n < 2 and not raw.isdigit():
                continue
            if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,"):
                continue
            s, e = m.start() + sent.start, m.end() + sent.start
            counts.append((s, e, n, m.group("counter")))
        groups = self.group_mentions.get(sent.idx, [])
        consumed_dates: set[int] = set()
        handled_words: set[int] = set()
        event_words = self._event_words(words)
        if not counts and not event_words and not any(_is_member_cue(w) for w in words):
            return  # nothing below can fire: no count, no join/launch verb, no cue closing a list
        joined = "\x00".join(w.text for w in words)
        has_cue = any(cue in joined for cue in lx.membership_cues)
        for s, e, n, counter in counts:
            wi = next((w.i for w in words if w.core_start <= s < w.end), None)
            if wi is None:
                continue
            after = self.text[e : sent.end]
            role = "state"
            if re.match(r"^\s*(?:으로|로)\s*(?:새로\s*)?(?:출범|발족|결성|창립|시작)", after):
                role = "launch"
            elif re.match(r"^\s*(?:으로|로)\s*(?:늘|증가|확대|재편|확장|줄|감소|바뀌)", after):
                role = "current"
            joiners = self._count_is_joiners(words, wi, event_words)
            member_noun = words[wi - 1].base if wi > 0 and words[wi - 1].base in lx.member_nouns else None
            if not groups and not has_cue and not member_noun and not self._list_before(words, wi):
                continue
            group = self._nearest_group(groups, s, member_noun)
            if role == "launch":
                before = [d for d in dates if d.end <= s and d.usable and d.start not in consumed_dates]
                if before:
                    consumed_dates.add(before[-1].start)
                    as_of, prec = before[-1].date, before[-1].precision if before[-1].precision == "month" else "day"
                else:
                    as_of, prec = None, "launch"
            elif role == "current":
                nowish = [d for d in dates if d.end <= s and d.usable and d.precision == "now" and d.start not in consumed_dates]
                as_of, prec = (nowish[-1].date, "day") if nowish else (self.published, "day")
                later = [d for d in dates if d.end <= s and d.usable and d.start not in consumed_dates]
                if later and not nowish and any(c[1] <= later[-1].start for c in counts if c[0] < s):
                    as_of, prec = later[-1].date, later[-1].precision if later[-1].precision == "month" else "day"
            else:
                as_of, prec = self._as_of(s, dates, context, consumed_dates)
            lst = self._list_before(words, wi)
            stated = {"count": n, "counter": counter.replace(" ", ""), "role": role, "group": group, "member_noun": member_noun}
            if joiners:
                members = lst[0] if lst else []
                self._emit_event(sent, "join", group, members, n, s if not members else members[0][1], e, dates, context, consumed_dates)
                handled_words.update(range(wi - 6, wi + 1))
                continue
            self.claims.append(Claim("member_count", group or "", str(n), s, e, sent.idx, as_of, prec, dict(stated)))
            if lst:
                members, partial, style, first_i = lst
                handled_words.update(range(first_i, wi + 1))
                if members:
                    self.claims.append(
                        Claim(
                            "members", group or "", ", ".join(m[0] for m in members), members[0][1], e, sent.idx, as_of, prec,
                            {"group": group, "members": [{"name": m[0], "start": m[1], "end": m[2]} for m in members], "stated_count": n,
                             "partial": partial, "style": style, "role": role},
                        )
                    )
        # lists closed by a cue ("…, 머니트리가 이사사로 이름을 올렸다")
        for i, w in enumerate(words):
            if i in handled_words or w.sep_after:
                continue
            if w.particle not in ("가", "이", "와", "과", "는", "은") and not (i + 1 < len(words) and words[i + 1].base in ("이", "가")):
                continue
            tail = words[i + 1 : i + 4]
            join = any(t.i in event_words and event_words[t.i] in ("join", "leave") for t in tail)
            member_cue = any(_is_member_cue(t) for t in tail[:2])
            if not (join or member_cue):
                continue
            lst = self._list_ending_at(words, i)
            if not lst:
                continue
            members, partial, style, first_i = lst
            if len(members) < 2 and not join:
                continue
            handled_words.update(range(first_i, i + 1))
            group = self._nearest_group(groups, w.start, None)
            if join:
                ev = next(event_words[t.i] for t in tail if t.i in event_words and event_words[t.i] in ("join", "leave"))
                self._emit_event(sent, ev, group, members, None, members[0][1], tail[-1].base_end if tail else w.base_end, dates, context, consumed_dates, verb_at=next(t for t in tail if t.i in event_words))
                continue
            if w.particle in ("는", "은"):
                continue
            as_of, prec = self._as_of(members[0][1], dates, context, consumed_dates)
            self.claims.append(
                Claim("members", group or "", ", ".join(m[0] for m in members), members[0][1], members[-1][2], sent.idx, as_of, prec,
                      {"group": group, "members": [{"name": m[0], "start": m[1], "end": m[2]} for m in members], "stated_count": None,
                       "partial": partial, "style": style, "role": "state"})
            )
        # "최근 AI 원팀에 합류한 동원그룹은": joiner after an adnominal verb
        for i, kind in event_words.items():
            w = words[i]
            if kind in ("join", "leave") and w.base.endswith("한") and i + 1 < len(words) and i + 1 not in handled_words:
                nxt = words[i + 1]
                if is_org_word(nxt, self.known_orgs) or nxt.particle in ("은", "는", "이", "가") and nxt.base and not _DIGITS.search(nxt.base) and nxt.base not in self.lx.stopwords and not is_title_word(nxt):
                    if nxt.base in self.lx.generic_nouns or nxt.base in self.lx.descriptors or self.lx.counter_re.search(nxt.text):
                        continue
                    group = self._nearest_group(groups, w.start, None)
                    self._emit_event(sent, kind, group, [(nxt.base, nxt.core_start, nxt.base_end)], None, w.core_start, nxt.base_end, dates, context, consumed_dates, verb_at=w)
            elif kind == "launch" and groups:
                group = self._nearest_group(groups, w.start, None)
                if not any(c.kind == "event" and c.sentence_idx == sent.idx and c.value == "launch" for c in self.claims):
                    self._emit_event(sent, "launch", group, [], None, w.core_start, w.core_end, dates, context, consumed_dates, verb_at=w)

    def _emit_event(self, sent, kind, group, members, count, start, end, dates, context, consumed, verb_at: Word | None = None) -> None:
        pos = verb_at.core_start if verb_at is not None else start
        as_of, prec = self._as_of(pos, dates, context, consumed)
        if kind == "launch" and verb_at is not None:
            start, end = min(start, verb_at.core_start), max(end, verb_at.core_end)
        self.claims.append(
            Claim("event", group or "", kind, start, end, sent.idx, as_of, prec,
                  {"event": kind, "group": group, "members": [{"name": m[0], "start": m[1], "end": m[2]} for m in members], "count": count})
        )

    def _event_words(self, words: list[Word]) -> dict[int, str]:
        out = {}
        for w in words:
            kind = event_kind(w.base)
            if kind:
                out[w.i] = kind
        return out

    def _count_is_joiners(self, words: list[Word], wi: int, event_words: dict[int, str]) -> bool:
        # "3개사가 얼라이언스에 가입했다", "새로 합류한 3개사는"
        if wi > 0 and event_words.get(wi - 1) in ("join", "leave") and words[wi - 1].base.endswith("한"):
            return True
        for k in range(wi, min(len(words), wi + 4)):
            if event_words.get(k) in ("join", "leave"):
                return True
            if k > wi and words[k].particle in ("은", "는") and k != wi:
                break
        return False

    def _nearest_group(self, groups: list[GroupMention], pos: int, member_noun: str | None) -> str | None:
        want_head = self.lx.member_nouns.get(member_noun or "", "") or None
        cands = groups
        if want_head:
            same = [g for g in groups if g.head == want_head]
            if same:
                cands = same
            else:
                return f"@{want_head}"
        if not cands:
            return None
        before = [g for g in cands if g.end <= pos]
        g = before[-1] if before else min(cands, key=lambda g: abs(g.start - pos))
        return self._group_ref(g)

    def _group_ref(self, g: GroupMention) -> str:
        return f"@{g.head}" if g.bare else g.name

    # -- lists --------------------------------------------------------------
    def _list_before(self, words: list[Word], wi: int):
        """The enumeration that ends right before the count at word ``wi``.

        "A, B, C 등 9곳", "A, B 등 AI 원팀에 참여 중인 9개 기관" (partial
        marker 등 a few words back), or "A, B, C 5개 기업" (directly before).
        """
        lx = self.lx
        partial = False
        k = None
        for back in range(1, 7):
            j = wi - back
            if j < 0 or words[j].sep_after:
                break
            if words[j].base == "등" or words[j].text.startswith("등") and words[j].base in ("등", "등의"):
                partial, k = True, j - 1
                break
        if k is None:
            k = wi - 1
            while k >= 0 and words[k].base in (set(lx.member_nouns) | lx.generic_group_modifiers | {"모두", "총"}):
                k -= 1
            if k < 0 or words[k].particle:
                return None
            if not (k > 0 and words[k - 1].sep_after == ",") and "·" not in words[k].base:
                return None
        if k < 0:
            return None
        got = self._list_ending_at(words, k, allow_single=partial)
        if not got:
            return None
        members, _, style, first_i = got
        return members, partial, style, first_i

    def _list_ending_at(self, words: list[Word], end_i: int, allow_single: bool = False):
        """Walk left from ``end_i`` collecting list items; None if no list."""
        lx = self.lx
        items: list[list[Word]] = []
        cur: list[Word] = []
        k = end_i
        style = "dot"
        first_i = end_i

        def closes_item(w: Word) -> bool:
            return w.sep_after == "," or (w.particle in ("와", "과") and not w.sep_after)

        while k >= 0:
            w = words[k]
            if k != end_i and closes_item(w):
                # the word before starts a new item
                if cur:
                    items.insert(0, cur)
                cur = [w]
                if w.sep_after == ",":
                    style = "comma"
                first_i = k
                k -= 1
                continue
            if k != end_i and w.base in _LIST_LINKS and k - 1 >= 0 and words[k - 1].particle in ("를", "을"):
                # "KT를 비롯해 A, B" / "누리오토를 주관사로 A, B"
                if cur:
                    items.insert(0, cur)
                cur = []
                k -= 1
                continue
            if k == end_i:
                cur = [w]
                first_i = k
                k -= 1
                continue
            # a word inside the current item (a descriptor or a second word)
            b = w.base
            if w.particle in ("를", "을") and k + 1 <= end_i and words[k + 1].base in _LIST_LINKS:
                cur.insert(0, w)
                first_i = k
                k -= 1
                continue
            if (w.particle or w.sep_after or not b or b in lx.stopwords or _DIGITS.search(b) and not _LATIN.match(b) and not re.search(r"\(\d{6}\)", w.text)
                    or b in _TIME_WORDS or is_title_word(w) or (b.endswith(_ADNOMINAL) and not b.endswith("인"))):
                if b.endswith("인") and b[:-1] in lx.descriptors and not w.particle:
                    cur.insert(0, w)
                    first_i = k
                    k -= 1
                    continue
                break
            if len(cur) >= 3:
                break
            cur.insert(0, w)
            first_i = k
            k -= 1
        if cur:
            items.insert(0, cur)
        members: list[tuple[str, int, int]] = []
        for item in items:
            for name, s, e in self._item_names(item):
                members.append((name, s, e))
        # people with titles make an attendee list, not a member list
        if any(is_title_word(w) for item in items for w in item):
            return None
        people = self._people()
        members = [m for m in members if m[0] not in lx.generic_nouns and m[0] not in lx.stopwords and m[0] not in people
                   and not m[0].endswith(lx.group_words)
                   and (_LATIN.match(m[0]) or not m[0].endswith(("지만", "면서", "하고", "했고", "하며", "했다", "이다", "였다")))]
        if any(not _LETTER.search(m[0]) for m in members):
            return None
        if len(members) < 2 and not (allow_single and members):
            return None
        for name, _, _ in members:
            self.known_orgs.add(name)
        return members, False, style, first_i

    def _people(self) -> set[str]:
        """Names with a title so far (claims are only ever appended)."""
        if self._people_seen != len(self.claims):
            self._people_set = {c.subject for c in self.claims if c.kind == "title"}
            self._people_seen = len(self.claims)
        return self._people_set

    def _item_names(self, item: list[Word]) -> list[tuple[str, int, int]]:
        lx = self.lx
        ws = [w for w in item if w.base not in _LIST_LINKS]
        # drop descriptors in front ("완성차 업체 누리오토", "수요 기업인 한울반도체")
        while len(ws) > 1 and (ws[0].base in lx.descriptors or (ws[0].base.endswith("인") and ws[0].base[:-1] in lx.descriptors) or ws[0].base in lx.generic_nouns):
            ws = ws[1:]
        if len(ws) > 1 and all(self._org_like(w) for w in ws):
            pass  # "동원그룹 KAIST": a missing comma, two names
        elif len(ws) > 1:
            ws = ws[-1:]
        out = []
        for w in ws:
            if w.paren and paren_kind(w.paren) == "acronym":
                self.aliases.append(("org", w.base, w.paren, "parenthetical"))
            if w.paren and paren_kind(w.paren) == "code":
                self.aliases.append(("org", w.base, "code:" + w.paren, "stock_code"))
            if "·" in w.base:
                pos = w.core_start
                raw = self.text[w.core_start : w.base_end]
                for piece in raw.split("·"):
                    p = piece.strip()
                    if p:
                        st = self.text.find(p, pos, w.base_end)
                        if st >= 0:
                            out.append((p, st, st + len(p)))
                            pos = st + len(p)
                continue
            if w.base:
                out.append((w.base, w.core_start, w.base_end))
        return [o for o in out if o[0] and not o[0].isdigit()]

    def _org_like(self, w: Word) -> bool:
        b = w.base
        return bool(b) and (b in self.known_orgs or bool(_LATIN.match(b)) or any(b.endswith(s) for s in self.lx.org_suffixes if len(s) >= 2) or bool(w.paren and paren_kind(w.paren) in ("code", "acronym")))

    # -- article-level group resolution --------------------------------------
    def _resolve_groups(self) -> None:
        counts: dict[str, int] = {}
        by_head: dict[str, dict[str, int]] = {}
        for sent in self.sentences:
            if sent.section == "furniture":
                continue
            for g in self.group_mentions.get(sent.idx, []):
                if g.bare:
                    continue
                counts[g.name] = counts.get(g.name, 0) + 1
                by_head.setdefault(g.head, {})
                by_head[g.head][g.name] = by_head[g.head].get(g.name, 0) + 1
                for v in g.variants:
                    self.aliases.append(("group", g.name, v, "parenthetical"))
                for a in g.aliases:
                    self.aliases.append(("group", g.name, a, "parenthetical"))

        def best(names: dict[str, int]) -> str:
            return max(names, key=lambda n: (names[n], len(n)))

        main = best(counts) if counts else None

        def resolve(ref: str | None) -> str | None:
            if not ref:
                return main
            if ref.startswith("@"):
                head = ref[1:]
                if head in by_head:
                    return best(by_head[head])
                return main
            # the fullest name in this article that ends with this one
            key = ref.replace(" ", "")
            longer = [n for n in counts if n.replace(" ", "").endswith(key) and len(n) > len(ref) and counts[n] >= counts.get(ref, 0)]
            if longer:
                return max(longer, key=lambda n: (counts[n], len(n)))
            return ref

        for c in self.claims:
            if c.kind in ("member_count", "members", "event"):
                g = resolve(c.detail.get("group"))
                c.detail["group"] = g
                c.subject = g or ""
        self.claims = [c for c in self.claims if c.kind == "title" or c.subject]


class ClaimExtractor:
    """Sets ``doc._.fc_claims`` (list of Claim) and ``doc._.fc_aliases``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ex = Extractor(doc)
        ex.run()
        section = {s.idx: s.section for s in (doc._.fc_sentences or [])}
        for c in ex.claims:
            c.detail["section"] = section.get(c.sentence_idx, "body")
        doc._.fc_claims = ex.claims
        doc._.fc_aliases = sorted(set(ex.aliases))
        return doc


@Language.factory("factcheck_claims")
def make_claims(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)
