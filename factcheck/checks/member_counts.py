"""Member counts of one group across sources.

- same period, different counts: error when two sources disagree, info
  when one source gives several (it counts different things more often than
  it contradicts itself);
- a change between periods: info, with the joins, leaves and newly listed
  members that explain it, or when one source states both counts (it tells
  the growth itself); a warning when nothing in the sources does.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..i18n import join
from ..i18n import lazy as _
from .base import (
    Finding,
    dedupe_evidence,
    fmt_date,
    group_scope,
    member_names,
    sources_of,
    where_from,
)
from .timeline import GroupHistory, org_label, periods


def _mode(values: list[int]) -> int:
    return Counter(values).most_common(1)[0][0]


def run(histories: dict[str, GroupHistory], orgs: dict) -> Iterator[Finding]:
    """The findings, one at a time (as ``member_lists.run``)."""
    for g in histories.values():
        counts = [c for c in g.counts if c.count is not None]
        ps = periods(counts, g.events)
        for p in ps:
            distinct = sorted({c.count for c in p.points})
            if len(distinct) > 1:
                by = join((_("{count}: {sources}", count=n, sources=sources_of(c for c in p.points if c.count == n)) for n in distinct), ";")
                if len({c.source_id for c in p.points}) > 1:
                    sev = "error"
                    msg = _("Sources disagree on how many members {group} had around {date}: {counts}.", group=g.label, date=fmt_date(p.start), counts=by)
                else:
                    # one article giving one group several sizes at once counts
                    # different things far more often than it contradicts
                    # itself (three consortia's sizes, a programme's firms):
                    # shown for a reader to look at, never an alarm
                    sev = "info"
                    msg = _("One source gives {group} several sizes around {date}: {counts}; they may count different things.",
                            group=g.label, date=fmt_date(p.start), counts=by)
                yield Finding("member_count_conflict", "member_count", sev, g.label, [str(n) for n in distinct], msg,
                              dedupe_evidence([c.evidence() for c in p.points]),
                              key=f"{g.entity}|" + "|".join(map(str, distinct)), scope=group_scope(g.entity)).finalize()
        for k, (a, b) in enumerate(zip(ps, ps[1:])):
            ca, cb = _mode([c.count for c in a.points]), _mode([c.count for c in b.points])
            if ca == cb:
                continue
            # the earlier count as any period up to ``a`` states it: an article
            # that dates it to a month ("지난해 5월 14곳") stands in a period of its own
            told_before = [c for q in ps[: k + 1] for c in q.points if c.count == ca]
            yield _transition(g, a, b, ca, cb, orgs, told_before)


def _members_at(g: GroupHistory, period, orgs) -> set[str] | None:
    lists = g.lists_within(period.start, period.end)
    full = [c for c in lists if not c.detail.get("partial") or len(c.detail.get("members") or []) == c.count]
    if not full:
        return None
    return {org_label(orgs, m) for m in member_names(full[0])}


def _narrators(points, b) -> list[str]:
    """The sources among ``points`` that also state the later count."""
    later = {d.source_id for d in b.points}
    return sorted({where_from(c) for c in points if c.source_id in later})


def _transition(g: GroupHistory, a, b, ca: int, cb: int, orgs, told_before=None) -> Finding:
    evs = g.changes_between(a.end, b.end)
    joined = {m for e in evs if e.kind == "join" for m in e.members}
    left = {m for e in evs if e.kind == "leave" for m in e.members}
    before, after = _members_at(g, a, orgs), _members_at(g, b, orgs)
    listed_new = (after - before) if before is not None and after is not None else set()
    listed_gone = (before - after) if before is not None and after is not None else set()
    plus = joined | listed_new
    minus = left | listed_gone
    change = cb - ca
    # "네 곳이 차례로 합류했고": a stated number of joiners explains as much as their names
    n_joined = sum(int(e.claim.detail.get("count") or 0) for e in evs if e.kind == "join")
    n_left = sum(int(e.claim.detail.get("count") or 0) for e in evs if e.kind == "leave")
    explained = (len(plus) - len(minus) == change and (plus or minus)) or (n_joined or n_left) and max(n_joined, len(joined)) - max(n_left, len(left)) == change
    if n_joined and not joined:
        parts_count = _("{count} joined", count=n_joined)
    else:
        parts_count = ""
    parts = [parts_count] if parts_count else []
    if joined:
        parts.append(_("joined: {names}", names=join(sorted(joined), ",")))
    if listed_new - joined:
        parts.append(_("newly listed: {names}", names=join(sorted(listed_new - joined), ",")))
    if left | listed_gone:
        parts.append(_("left or no longer listed: {names}", names=join(sorted(left | listed_gone), ",")))
    span = _("{before} ({before_date}) to {after} ({after_date})", before=ca, before_date=fmt_date(a.start, a.points[0].precision),
               after=cb, after_date=fmt_date(b.start, b.points[0].precision))
    if explained:
        sev, msg = "info", _("{group} went from {span}; the sources explain it ({changes}).", group=g.label, span=span, changes=join(parts, ";"))
    elif plus or minus:
        sev, msg = "info", _("{group} went from {span}; the sources explain part of it ({changes}).", group=g.label, span=span, changes=join(parts, ";"))
    elif narrators := _narrators(a.points, b) or _narrators(told_before or (), b):
        # "2021년 6곳으로 출범한 협의회가 3년 뒤 회원 10곳을 갖췄다": one article tells
        # the growth itself, dates and both numbers; no source disagrees
        sev, msg = "info", _("{group} went from {span}, as {sources} itself reports.", group=g.label, span=span, sources=join(narrators, ","))
    else:
        sev, msg = "warning", _("{group} went from {span} and nothing in the sources says who joined or left.", group=g.label, span=span)
    own = []  # the narrator's own earlier count, where it stands in a period before ``a``
    if sev == "info" and not explained and not (plus or minus) and not _narrators(a.points, b):
        later = {d.source_id for d in b.points}
        own = [c for c in told_before or () if c.source_id in later][:1]
    evidence = [c.evidence() for c in a.points[:2] + own + b.points[:2]] + [e.claim.evidence() for e in evs]
    return Finding("member_count_change", "member_count", sev, g.label, [str(ca), str(cb)], msg, dedupe_evidence(evidence),
                   key=f"{g.entity}|{ca}->{cb}", extra={"timeline": _timeline(g, a, b, evs)}, scope=group_scope(g.entity)).finalize()


def _timeline(g, a, b, evs) -> list[dict]:
    """Every known point: the stated totals, each join or leave as a step, and
    after a dated step the total it implies (derived: 5 -> +2 -> 7 -> 9). A
    step dated only roughly ("최근") is shown without a derived total."""
    start = _mode([c.count for c in a.points])
    pts = [{"date": fmt_date(a.start, a.points[0].precision), "count": start}]
    merged: dict[tuple[str, str], dict] = {}  # several sentences may report one join
    for e in sorted(evs, key=lambda e: e.date):
        pt = merged.setdefault((fmt_date(e.date, e.precision), e.kind),
                               {"date": fmt_date(e.date, e.precision), "event": e.kind, "members": [], "count_stated": 0, "approx": e.precision == "approx"})
        pt["members"] += [m for m in e.members if m not in pt["members"]]
        pt["count_stated"] = max(pt["count_stated"], int(e.claim.detail.get("count") or 0))
    running = start
    end = _mode([c.count for c in b.points])
    end_date = fmt_date(b.start, b.points[0].precision)
    for step in merged.values():
        n = max(len(step["members"]), step.pop("count_stated"))
        pts.append(step)
        if step["approx"] or not n:
            running = None if step["approx"] else running
            continue
        if running is not None:
            running += n if step["event"] == "join" else -n
            if step["date"] != end_date:
                pts.append({"date": step["date"], "count": running, "derived": True})
    pts.append({"date": end_date, "count": end})
    for step in pts:
        if step.get("approx"):
            step["before"] = end_date  # "최근 합류": some time before the later count
    # targets stated after the later count ("연내 15곳으로"), drawn apart
    seen = set()
    for c in sorted(g.planned, key=lambda c: (c.as_of or b.start, c.count or 0)):
        if c.count is None or (c.as_of is not None and c.as_of < b.start) or c.count in seen:
            continue
        seen.add(c.count)
        pts.append({"date": fmt_date(c.as_of, c.precision) if c.as_of else f"after {end_date}", "count": c.count, "planned": True})
    return pts
