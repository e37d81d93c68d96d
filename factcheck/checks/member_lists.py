"""Member lists of one group that name different members in one period.

A name that one source lists and a complete list of another source (same
period) lacks is a warning; the closest name the other list has instead is
shown with its similarity (동원산업 / 동원그룹: possibly one entity). A list
ending in 등 is partial: what it lacks is not a disagreement, what it adds is.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import lazy as _
from ..resolve.entities import best_matches
from .base import (
    ClaimRow,
    Finding,
    dedupe_evidence,
    fmt_date,
    group_scope,
    member_names,
    some_of,
)
from .timeline import GroupHistory, org_label, periods


def _is_full(c) -> bool:
    members = c.detail.get("members") or []
    if c.detail.get("partial"):
        return c.count is not None and len(members) >= c.count
    return c.section != "headline" and c.detail.get("style") == "comma"


@dataclass
class Cases:
    """Every (list naming it, complete list of another source lacking it)
    pair of one name in one period, without the pairs: the lists that name
    it and the lists that lack it, each in the order the pairs would first
    meet them (points in order, then the other lists in order), and the
    first pair. What the finding needs of the pairs is exactly that."""
    first: tuple[ClaimRow, ClaimRow]
    holders: list[ClaimRow]
    lackers: list[ClaimRow]


def _odd_names(points: list[ClaimRow], sets: dict[str, set[str]]) -> dict[str, Cases]:
    """Each name that one list has and a complete list of another source
    lacks, with its cases. Linear in the lists of the period per name, where
    comparing every list with every other was quadratic in the lists."""
    full = [c for c in points if _is_full(c)]
    having: dict[str, list[ClaimRow]] = defaultdict(list)
    for c in points:
        for name in sets[c.id]:
            having[name].append(c)
    odd = {}
    for name, holders in having.items():
        lacking = [o for o in full if name not in sets[o.id]]
        sources = {o.source_id for o in lacking}
        # a list pairs with a lacking list of another source
        holders = [c for c in holders if sources - {c.source_id}]
        if not holders:
            continue
        first = holders[0]
        lackers = [o for o in lacking if o.source_id != first.source_id]
        if any(c.source_id != first.source_id for c in holders):  # a later holder meets the lists of the first one's source
            lackers += [o for o in lacking if o.source_id == first.source_id]
        odd[name] = Cases((first, lackers[0]), holders, lackers)
    return odd


def run(histories: dict[str, GroupHistory], orgs: dict) -> Iterator[Finding]:
    """The findings, one at a time: each is written before the next is made
    (a large block's findings each carry hundreds of pieces of evidence)."""
    for g in histories.values():
        lists = [c for c in g.lists if c.section != "headline" and len(c.detail.get("members") or []) >= 2
                 and (c.detail.get("role") or "total") not in ("joined", "left", "planned")]  # joiners are not the whole membership
        for p in periods(lists, g.events):
            if len({c.source_id for c in p.points}) < 2:
                continue
            sets = {c.id: {org_label(orgs, m) for m in member_names(c)} for c in p.points}
            odd = _odd_names(p.points, sets)
            if not odd:
                continue
            merged: dict[frozenset, dict] = {}  # one member named two ways is one finding, not one per direction
            for name, cases in sorted(odd.items()):
                c, other = cases.first
                missing = sorted(sets[other.id] - sets[c.id])
                match = best_matches([name], missing)
                values = [name] + ([match[0][1]] if match else [])
                key = frozenset(values)
                got = merged.get(key)
                if got is None:
                    merged[key] = {"name": name, "values": values, "match": match, "cases": [cases]}
                else:
                    got["cases"].append(cases)
            for m in merged.values():
                name, values, match, cases = m["name"], m["values"], m["match"], m["cases"]
                holders = some_of(sorted({c.outlet or c.path for x in cases for c in x.holders if name in sets[c.id]}), "and")
                lackers = some_of(sorted({c.outlet or c.path for x in cases for c in x.lackers if name not in sets[c.id]}), "and")
                if match:
                    msg = _("{name} is listed as a member of {group} ({date}) by {holders}, not by {lackers}, where {other} appears instead (similarity {score:.0f}: {verdict}).",
                            name=name, group=g.label, date=fmt_date(p.start), holders=holders, lackers=lackers, other=match[0][1], score=match[0][2],
                            verdict=_("possibly one entity") if match[0][2] >= 70 else _("a different member"))
                else:
                    msg = _("{name} is listed as a member of {group} ({date}) by {holders}, not by {lackers}.",
                            name=name, group=g.label, date=fmt_date(p.start), holders=holders, lackers=lackers)
                ev = dedupe_evidence([c.evidence() for x in cases for c in x.holders] + [c.evidence() for x in cases for c in x.lackers])
                yield Finding("member_list_diff", "members", "warning", g.label, values, msg, ev,
                              key=f"{g.entity}|" + "|".join(sorted(values)), scope=group_scope(g.entity)).finalize()
