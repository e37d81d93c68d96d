"""Titles of one person that disagree.

One person is a name at one organisation (resolved): the same name at two
organisations is two posts (우상철 회장 at an association, 대표 at his firm),
and a title written without its organisation ("송 부회장은") is never compared.

- two ranks on one ladder (사장 vs 부사장) within a month: error;
  further apart: info, the person changed post;
- two roles that are close but differ (AI·DX융합사업부문장 vs AI·DX사업부문장):
  warning; far apart in time: info;
- a title that is not current (former, designate, acting): never compared,
  but a change of post a source announces ("부사장은 사장에 내정됐다",
  "부사장에서 사장으로 승진", "전 부사장") explains two ranks around it:
  info, not error;
- one title contained in the other, or both normalising to one (제2차관 =
  2차관, 대표이사 ⊃ 대표, role + rank ⊃ rank): nothing.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..i18n import join
from ..i18n import lazy as _
from ..lexicons import load
from ..nlp.titles import is_current
from ..resolve.entities import similarity
from ..resolve.normalize import norm_role
from .base import (
    RANK_SAME_PERIOD_DAYS,
    SEVERITY_ORDER,
    ClaimRow,
    Finding,
    dedupe_evidence,
    person_scope,
)

ROLE_SIMILAR = 60.0


def _rank_conflict(a: str | None, b: str | None) -> bool:
    if not a or not b or a == b:
        return False
    ranks = load().ranks
    ra, rb = ranks.get(a), ranks.get(b)
    if ra is None or rb is None or ra.ladder == "position" or rb.ladder == "position":
        return False
    # one level is one post written two ways (제1차관/차관, 전무이사/전무, 연구원장/원장)
    return ra.ladder == rb.ladder and ra.level != rb.level


def _days(a: ClaimRow, b: ClaimRow) -> int | None:
    if a.as_of is None or b.as_of is None:
        # one undated article (a draft on the copy desk) speaks of one time
        return 0 if a.source_id == b.source_id and a.as_of is None and b.as_of is None else None
    return abs((a.as_of - b.as_of).days)


def _nearest(ca: list[ClaimRow], cb: list[ClaimRow]) -> int | None:
    """The fewest days between a dated claim of ``ca`` and one of ``cb``
    (``_days`` over every pair), by one walk over their distinct dates
    sorted: linear in the claims, where every pair was their product. Two
    undated claims of one article are 0 days apart, as ``_days`` says."""
    if {c.source_id for c in ca if c.as_of is None} & {c.source_id for c in cb if c.as_of is None}:
        return 0
    da = sorted({c.as_of for c in ca if c.as_of is not None})
    db = sorted({c.as_of for c in cb if c.as_of is not None})
    best, i, j = None, 0, 0
    while i < len(da) and j < len(db):
        d = abs((da[i] - db[j]).days)
        best = d if best is None else min(best, d)
        if da[i] < db[j]:
            i += 1
        else:
            j += 1
    return best


def _below(a: str, b: str) -> bool:
    """Rank ``a`` is lower than ``b`` on their ladder."""
    ranks = load().ranks
    ra, rb = ranks.get(a), ranks.get(b)
    return ra is not None and rb is not None and ra.level < rb.level


def _announced(name: str, org_ent: str, ranks: tuple[str, str], ca: list[ClaimRow], cb: list[ClaimRow], announced: dict) -> bool:
    """Whether a source states a change between the two ranks for this
    person (at this organisation, or with none written) around their dates."""
    dates = [c.as_of for c in ca + cb if c.as_of is not None]
    lo, hi = (min(dates), max(dates)) if dates else (None, None)
    for oe, rank, as_of, *up in announced.get(name, ()):
        if rank not in ranks or (oe is not None and oe != org_ent):
            continue
        if up and up[0] and not _below(next(r for r in ranks if r != rank), rank):
            continue  # a promotion to 전무 explains an earlier 상무, never a 부사장
        if as_of is None or lo is None or (lo - as_of).days <= RANK_SAME_PERIOD_DAYS and (as_of - hi).days <= RANK_SAME_PERIOD_DAYS:
            return True
    return False


def run(claims: list[ClaimRow], announced: dict | None = None) -> list[Finding]:
    """``claims``: current titles at a known organisation (``load_titles``);
    ``announced``: changes of post the sources state (``load_announced``)."""
    announced = announced or {}
    people: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
    for c in claims:
        if c.detail.get("backref") or not is_current(c.detail):
            continue
        people[(c.subject, c.org_entity or c.org)].append(c)
    findings = []
    for (name, org_ent), rows in people.items():
        variants: dict[tuple[str, str], list[ClaimRow]] = defaultdict(list)
        for c in rows:
            variants[(norm_role(c.role), c.rank or "")].append(c)
        if len(variants) < 2:
            continue
        rank_pairs, role_pairs = [], []
        for (va, ca), (vb, cb) in combinations(variants.items(), 2):
            (role_a, rank_a), (role_b, rank_b) = va, vb
            near = _nearest(ca, cb)
            if _rank_conflict(rank_a, rank_b):
                sev = "error" if near is not None and near <= RANK_SAME_PERIOD_DAYS else "info"
                if sev == "error" and _announced(name, org_ent, (rank_a, rank_b), ca, cb, announced):
                    sev = "announced"
                rank_pairs.append((sev, ca, cb))
            if role_a and role_b and role_a != role_b and role_a not in role_b and role_b not in role_a:
                score = similarity(role_a, role_b)
                if near is not None and near > RANK_SAME_PERIOD_DAYS:
                    sev = "info"
                else:
                    sev = "warning" if score >= ROLE_SIMILAR else "info"
                role_pairs.append((sev, ca, cb, score))
        org_label = rows[0].org_label or rows[0].org
        scope = person_scope(org_ent, name)
        if rank_pairs:
            findings.append(_finding("title_conflict", name, org_label, rank_pairs, "rank", scope))
        if role_pairs:
            findings.append(_finding("title_variant", name, org_label, role_pairs, "role", scope))
    return findings


def _finding(kind: str, name: str, org: str, pairs, what: str, scope: str) -> Finding:
    announced = any(p[0] == "announced" for p in pairs)
    pairs = [(("info" if p[0] == "announced" else p[0]),) + tuple(p[1:]) for p in pairs]
    sev = max((p[0] for p in pairs), key=SEVERITY_ORDER.get)
    involved = list({c.id: c for p in pairs for c in p[1] + p[2]}.values())  # each claim once, in order
    values = list(dict.fromkeys(c.value for c in involved))
    evidence = dedupe_evidence([c.evidence() for c in involved])
    if what == "rank":
        ranks = sorted({c.rank for c in involved if c.rank}, key=lambda r: -load().ranks[r].level)
        if sev == "error":
            message = _("{name} ({org}) is called {ranks} by sources within a month of each other.", name=name, org=org, ranks=join(ranks, "and"))
        elif announced:
            message = _("{name} ({org}) is called {ranks}: a change of post that a source announces, not a conflict.",
                        name=name, org=org, ranks=join(reversed(ranks), "then"))
        else:
            message = _("{name} ({org}) is {ranks} in sources far apart in time: a change of post, not a conflict.", name=name, org=org, ranks=join(reversed(ranks), "then"))
    else:
        score = max(p[3] for p in pairs)
        one = {(c.outlet or c.path) for c in involved}
        if sev == "warning" and len({c.source_id for c in involved}) == 1:  # a copy-desk catch: one article disagrees with itself
            message = _("{name} ({org}) has two spellings of one post in one article ({source}): {values} (similarity {score:.0f}).",
                        name=name, org=org, source=one.pop(), values=join(values, "vs"), score=score)
        elif sev == "warning":
            message = _("{name} ({org}) has two spellings of one post: {values} (similarity {score:.0f}).", name=name, org=org, values=join(values, "vs"), score=score)
        else:
            message = _("{name} ({org}) is given different posts: {values}.", name=name, org=org, values=join(values, "vs"))
    return Finding(kind, "title", sev, name, values, message, evidence, key=f"{org}|{what}", scope=scope).finalize()
