"""Member counts and lists of one group over time, cut into periods.

A period is a run of dates no more than SAME_PERIOD_DAYS apart with no join
or leave between them: within it, sources should agree. Between periods the
count may change, and the joins, leaves and newly listed names explain it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from .base import SAME_PERIOD_DAYS, ClaimRow, member_names


@dataclass
class Event:
    kind: str
    date: date | None
    precision: str
    members: list[str]  # entity labels
    claim: ClaimRow


@dataclass
class Period:
    start: date
    end: date
    points: list[ClaimRow] = field(default_factory=list)


@dataclass
class GroupHistory:
    entity: str
    label: str
    counts: list[ClaimRow] = field(default_factory=list)
    lists: list[ClaimRow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    planned: list[ClaimRow] = field(default_factory=list)  # targets and hypotheticals
    # claims sorted by date, built on first use (after ``histories`` dated them):
    # what lies between two dates is a bisection, not a scan of the group
    _changes: tuple[list, list] | None = field(default=None, repr=False, compare=False)
    _dated_lists: tuple[list, list] | None = field(default=None, repr=False, compare=False)

    def changes_between(self, after: date, upto: date) -> list[Event]:
        """``events_between(self.events, after, upto)``: only the joins and
        leaves dated from the first of ``after``'s month to a month past
        ``upto`` can count, so only those are tested, in their order."""
        if self._changes is None:
            self._changes = _by_date((e.date, k) for k, e in enumerate(self.events) if e.kind in ("join", "leave") and e.date)
        dates, order = self._changes
        near = order[bisect_right(dates, after.replace(day=1)):bisect_right(dates, upto + timedelta(days=31))]
        return events_between([self.events[k] for k in sorted(near)], after, upto)

    def lists_within(self, start: date, end: date) -> list[ClaimRow]:
        """The dated lists from ``start`` to ``end`` (both included), in their order."""
        if self._dated_lists is None:
            self._dated_lists = _by_date((c.as_of, k) for k, c in enumerate(self.lists) if c.as_of)
        dates, order = self._dated_lists
        return [self.lists[k] for k in sorted(order[bisect_left(dates, start):bisect_right(dates, end)])]


def _by_date(items) -> tuple[list, list]:
    pairs = sorted(items)
    return [d for d, _ in pairs], [k for _, k in pairs]


def org_label(orgs: dict, name: str) -> str:
    got = orgs.get(name)
    return got[1] if got else name


def relabelled(orgs: dict) -> dict:
    """Of resolved organisations (name -> (entity, label, method)), the
    names whose label is another name: all ``org_label`` needs. Most names
    are their own label, and a check holds this map while it runs (a fifth
    of the full map at 100,000 sources)."""
    return {n: v for n, v in orgs.items() if v[1] != n}


def count_role(c: ClaimRow) -> str:
    """total, joined, left or planned (stores made before the count model
    said state, launch or current for a total)."""
    role = (c.detail or {}).get("role") or "total"
    return "total" if role in ("state", "launch", "current") else role


def histories(claims: list[ClaimRow], orgs: dict) -> dict[str, GroupHistory]:
    """Group claims (``load_group_claims``) by resolved group, dated."""
    hist: dict[str, GroupHistory] = {}

    def h(c: ClaimRow) -> GroupHistory | None:
        if not c.group_entity:
            return None
        return hist.setdefault(c.group_entity, GroupHistory(c.group_entity, c.group_label or c.subject))

    for c in claims:
        g = h(c)
        if g is None:
            continue
        if c.kind == "member_count":
            role = count_role(c)
            qualified = bool((c.detail or {}).get("qualification"))  # "협회를 제외하면 11곳": another count
            if role == "planned":
                g.planned.append(c)  # drawn apart on the timeline, never compared
            if role == "total" and c.precision not in ("before", "planned") and not qualified:
                g.counts.append(c)  # joined/left counts come with their join/leave event; planned ones are never compared
        elif c.kind == "members":
            g.lists.append(c)
        else:
            names = [org_label(orgs, m) for m in member_names(c)]
            g.events.append(Event(c.value, c.as_of, c.precision, names, c))
    for g in hist.values():
        launch = min((e.date for e in g.events if e.kind == "launch" and e.date), default=None)
        for c in g.counts + g.lists:
            if c.as_of is None and launch is not None and c.precision not in ("before", "planned"):
                c.as_of, c.precision = launch, "day"
    return hist


def periods(points: list[ClaimRow], events: list[Event]) -> list[Period]:
    pts = sorted((p for p in points if p.as_of is not None), key=lambda p: p.as_of)
    change_dates = sorted(e.date for e in events if e.kind in ("join", "leave") and e.date)
    out: list[Period] = []
    for p in pts:
        if out:
            cur = out[-1]
            gap = (p.as_of - cur.end).days
            # a join or leave after the period's end, up to and including this
            # day (a join dated exactly on the later day also separates the
            # periods): the first change date after the end tells, by bisection
            after_end = bisect_right(change_dates, cur.end)
            between = after_end < len(change_dates) and change_dates[after_end] <= p.as_of
            if gap <= SAME_PERIOD_DAYS and not between:
                cur.points.append(p)
                cur.end = max(cur.end, p.as_of)
                continue
        out.append(Period(p.as_of, p.as_of, [p]))
    return out


def events_between(events: list[Event], after: date, upto: date) -> list[Event]:
    out = []
    for e in events:
        if e.kind not in ("join", "leave") or e.date is None:
            continue
        if e.precision == "approx" and after < e.date <= upto + timedelta(days=31):
            out.append(e)
            continue
        if after < e.date <= upto or (e.precision == "month" and e.date.year == upto.year and e.date.month == upto.month and e.date > after.replace(day=1)):
            out.append(e)
    return out
