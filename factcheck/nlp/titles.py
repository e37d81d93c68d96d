"""Titles: who holds which post where.

"KT AI·DX융합사업부문장 전홍범 부사장", "권봉석 LG전자 사장", "KT 구현모 대표",
"한승우 한국첨단소재연구원장", "수소사업본부장(부사장)", and back-references
("김 사장은") resolved to the full name in the same article.
"""
from __future__ import annotations

from ..ingest.dates import DateExpr, find_dates
from .mentions import Claim
from .tokens import Word, paren_kind
from .wordclass import (
    _LATIN,
    _org_of,
    fused_title,
    is_name,
    is_org_word,
    rank_of,
    role_of,
)


class TitleRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, self.lx, ...)."""

    # -- titles -----------------------------------------------------------
    def _titles(self, sent, words: list[Word], dates, context) -> None:
        used: set[int] = set()
        # ranks (and bracketed ranks) first: "KT 구현모 대표" before a role word claims 구현모
        first = [i for i, w in enumerate(words) if rank_of(w.base) or w.paren and paren_kind(w.paren) == "title"]
        if first:
            chosen = set(first)
            order = first + [i for i in range(len(words)) if i not in chosen]
        else:
            order = range(len(words))
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
