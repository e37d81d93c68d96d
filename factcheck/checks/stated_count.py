"""A stated count against the members listed with it, in one sentence.

"A, B, … I 등 8개 기업·기관" lists nine: error. A list shorter than its count
is fine when it ends in 등 ("and others"); headline lists ("해온시·동림시 등
6곳") are examples, never complete, and are not checked.
"""
from __future__ import annotations

from ..i18n import join
from ..i18n import lazy as _
from .base import ClaimRow, Finding, member_names, source_scope


def run(claims: list[ClaimRow]) -> list[Finding]:
    """``claims``: group claims (``load_group_claims``); lists with a stated count are checked."""
    findings = []
    for c in claims:
        if c.kind != "members" or c.count is None or c.section == "headline":
            continue
        d = c.detail
        if d.get("style") != "comma":
            continue
        stated = c.count
        listed = len(d.get("members") or [])
        if listed == stated or (listed < stated and d.get("partial")):
            continue
        names = join(member_names(c), ",")
        group = c.group_label or c.subject
        msg = _("{source} states {stated} members of {group} but lists {listed}: {names}.",
                source=c.outlet or c.path, stated=stated, group=group, listed=listed, names=names)
        findings.append(
            Finding("count_vs_list", "member_count", "error", group, [str(stated), str(listed)], msg, [c.evidence()],
                    key=f"{c.path}|{c.start}", scope=source_scope(c.source_id)).finalize()
        )
    return findings
