"""Groups: alliances, consortia, councils ("AI 원팀", "소재혁신 얼라이언스"),
their mentions in a sentence and which one a count or list belongs to.
"""
from __future__ import annotations

from .mentions import GroupMention
from .tokens import Word, paren_kind
from .wordclass import (
    _DIGITS,
    _LATIN,
    _VERBISH,
    fused_title,
    group_head,
    is_name,
    rank_of,
)


class GroupRules:
    """Methods of ``claims.Extractor`` (self.text, self.claims, self.lx, ...)."""

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
                if p.particle or p.sep_after or not pb or pb in lx.stopwords or pb in lx.time_words or _DIGITS.search(pb) and not _LATIN.match(pb) or pb.endswith(_VERBISH) and not _LATIN.match(pb) or rank_of(pb) or is_name(pb) and k > 0 and rank_of(words[k + 1].base or ""):
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
