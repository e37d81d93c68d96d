"""Member lists of one group that name different members in one period.

A name that one source lists and a complete list of another source (same
period) lacks is a warning; the closest name the other list has instead is
shown with its similarity (동원산업 / 동원그룹: possibly one entity). A list
ending in 등 is partial: what it lacks is not a disagreement, what it adds is.
"""
from __future__ import annotations

from ..i18n import join
from ..i18n import lazy as _
from ..resolve.entities import best_matches
from .base import Finding, dedupe_evidence, fmt_date, group_scope
from .timeline import GroupHistory, org_label, periods


def _is_full(c) -> bool:
    members = c.detail.get("members") or []
    if c.detail.get("partial"):
        return c.count is not None and len(members) >= c.count
    return c.section != "headline" and c.detail.get("style") == "comma"


def run(histories: dict[str, GroupHistory], orgs: dict) -> list[Finding]:
    findings = []
    for g in histories.values():
        lists = [c for c in g.lists if c.section != "headline" and len(c.detail.get("members") or []) >= 2
                 and (c.detail.get("role") or "total") not in ("joined", "left", "planned")]  # joiners are not the whole membership
        for p in periods(lists, g.events):
            if len({c.source_id for c in p.points}) < 2:
                continue
            sets = {c.id: {org_label(orgs, m["name"]) for m in c.detail["members"]} for c in p.points}
            odd: dict[str, list] = {}
            for c in p.points:
                for other in p.points:
                    if other.source_id == c.source_id or not _is_full(other):
                        continue
                    for name in sets[c.id] - sets[other.id]:
                        missing = sorted(sets[other.id] - sets[c.id])
                        odd.setdefault(name, []).append((c, other, missing))
            if not odd:
                continue
            merged: dict[frozenset, dict] = {}  # one member named two ways is one finding, not one per direction
            for name, cases in sorted(odd.items()):
                c, other, missing = cases[0]
                match = best_matches([name], missing)
                values = [name] + ([match[0][1]] if match else [])
                key = frozenset(values)
                got = merged.get(key)
                if got is None:
                    merged[key] = {"name": name, "values": values, "match": match, "cases": list(cases)}
                else:
                    got["cases"] += cases
            for m in merged.values():
                name, values, match, cases = m["name"], m["values"], m["match"], m["cases"]
                holders = join(sorted({x[0].outlet or x[0].path for x in cases if name in sets[x[0].id]}), "and")
                lackers = join(sorted({x[1].outlet or x[1].path for x in cases if name not in sets[x[1].id]}), "and")
                if match:
                    msg = _("{name} is listed as a member of {group} ({date}) by {holders}, not by {lackers}, where {other} appears instead (similarity {score:.0f}: {verdict}).",
                            name=name, group=g.label, date=fmt_date(p.start), holders=holders, lackers=lackers, other=match[0][1], score=match[0][2],
                            verdict=_("possibly one entity") if match[0][2] >= 70 else _("a different member"))
                else:
                    msg = _("{name} is listed as a member of {group} ({date}) by {holders}, not by {lackers}.",
                            name=name, group=g.label, date=fmt_date(p.start), holders=holders, lackers=lackers)
                ev = dedupe_evidence([x[0].evidence() for x in cases] + [x[1].evidence() for x in cases])
                findings.append(Finding("member_list_diff", "members", "warning", g.label, values, msg, ev,
                                        key=f"{g.entity}|" + "|".join(sorted(values)), scope=group_scope(g.entity)).finalize())
    return findings
