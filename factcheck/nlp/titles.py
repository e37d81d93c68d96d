"""Titles: who holds which post where.

The sentence's words come typed from wordtypes.py (PERSON, ORG, ROLE, RANK,
FUSED, SURNAME, ...); the title patterns (``factcheck/patterns/titles.json``:
sequences over those types, with optional and repeated pieces) are matched
against the typed words (wordmatch.py), and each match becomes a claim with
its status (current, former, designate, acting) and its pattern's measured
precision as its confidence. "KT AI·DX융합사업부문장 전홍범 부사장", "권봉석
LG전자 사장", "한빛전자(대표 김하늘)", "수소사업본부장(부사장)", "한승우
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
    rank_qualifier,
    rank_of,
    role_of,
)
from .wordmatch import Pattern, PatternSet, TWord, compile_pattern, find_all
from .wordtypes import _paren_part_types, _title_word, type_words


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
def _promotion_patterns() -> frozenset[str]:
    """Patterns that read a change of post: what they emit is the post taken."""
    return frozenset(p.id for p in patterns()[0] if p.old_status)


@lru_cache(maxsize=1)
def _matcher() -> tuple[PatternSet, dict[int, TitlePattern]]:
    pats = patterns()[0]
    return PatternSet([p.m for p in pats]), {id(p.m): p for p in pats}




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
        lex = patterns()[1]
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
        # an overlap pattern reads a stretch once (its longest match there);
        # the stretch ends at the post it read, not at the verb it reached
        # over later clauses ("A는 X 사장으로, B는 Y 사장으로 각각 승진했다")
        taken: dict[str, set[int]] = {}
        for p, order, s, end, caps in found:
            if p.overlap:
                read = [i for name, i, _ in caps if name != "verb"]
                span = set(range(s, max(read) + 1 if read else end))
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
            if not org and p.old_status:
                org = self._org_before_post(tws, title)
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

    @staticmethod
    def _org_before_post(tws: list[TWord], title: list[Piece]) -> list[Piece]:
        """The post a person moves to, at the organisation written right
        before it ("누리모직 사장으로 이동했다"): a word typed an organisation,
        with no particle, that is not a name or a title."""
        k = next((i for i, tw in enumerate(tws) if tw is title[0].tw), None)
        if not k:
            return []
        prev = tws[k - 1]
        if prev.types & {"ORG", "ORGX"} and not prev.particle and not prev.types & {"PERSON", "RANK", "ROLE", "FUSED"} and not prev.w.paren:
            return [Piece(prev)]
        return []

    def _restatus_own_title(self, sent_idx: int, person: Piece, status: str) -> None:
        """A promotion stated in the sentence ("김하늘 전무는 부사장으로
        승진했다"): the title the person is named with is the one left."""
        at = person.tw.w.core_start
        moves = _promotion_patterns()
        for c in self.claims:
            if c.kind == "title" and c.sentence_idx == sent_idx and c.subject == person.base and c.start <= at < c.end and c.detail.get("status") == "current" \
                    and c.detail.get("pattern") not in moves:  # the post taken stays current
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
        # (a move to the same title elsewhere, "A 사장은 B 사장으로 옮겼다", is a post of its own)
        if any(c.kind == "title" and c.sentence_idx == sent.idx and c.subject == person.base and c.value.replace(" ", "") == title_text.replace(" ", "")
               and not (org and c.detail.get("org") and c.detail["org"] != org)
               and not (p.old_status and c.detail.get("pattern") not in _promotion_patterns()) for c in self.claims):
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
            self.orgs.setdefault(org, f"organisation of a title: {person.base} {title_text}")
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
                q = rank_qualifier(tw.base)  # "정무부시장": 부시장 with the role 정무
                if q:
                    role_parts.append(q)
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
