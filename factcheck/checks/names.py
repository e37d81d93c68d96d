"""One person's name spelled two ways.

Within one block (same organisation, same title) two names of one length and
one surname that differ in one syllable, and by at most one jamo there
(박정훈/박정운, 이정호/이정효), are most likely one person misspelled:
warning. Names that stand in one sentence are two people, never compared.
A whole syllable replaced (김가온/김세온) is a warning only where nothing
else explains it: two outlets within SAME_EVENT_DAYS of each other, each
naming one holder of the post and neither naming the other.
Candidates are blocked twice: by organisation and post, then by the name with
one syllable (after the surname) masked, so only names that differ in exactly
that syllable meet; rapidfuzz computes their jamo distances (``cdist``) block
by block. Nothing is compared across blocks, so the cost grows with the
number of names, not with its square.
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..i18n import lazy as _
from ..nlp.hangul import jamo
from ..nlp.titles import is_current
from ..resolve.normalize import norm_role
from .base import ClaimRow, Finding, dedupe_evidence, person_scope, some_of

SAME_EVENT_DAYS = 7


def _holders(people: dict[str, list[ClaimRow]]) -> dict[str, set[str]]:
    """Of one block (organisation and post): the names each source gives."""
    out: dict[str, set[str]] = defaultdict(set)
    for name, rows in people.items():
        for c in rows:
            out[c.source_id].add(name)
    return out


def _one_holder_each(a: list[ClaimRow], b: list[ClaimRow], holders: dict[str, set[str]]) -> bool:
    """Two names that differ in a whole syllable are one person misspelled
    only where each of their sources names one holder of the post (the one
    name, ``holders``: ``_holders`` of the block) and they write of one
    time: two outlets on one event."""
    src_a, src_b = {c.source_id for c in a}, {c.source_id for c in b}
    if src_a & src_b:
        return False
    if any(len(holders[s]) != 1 for s in src_a | src_b):
        return False
    da, db = {c.as_of for c in a}, {c.as_of for c in b}
    if None in da or None in db:
        return False
    return min(abs((x - y).days) for x in da for y in db) <= SAME_EVENT_DAYS


def run(claims: list[ClaimRow]) -> list[Finding]:
    """``claims``: current titles at a known organisation (``load_titles``)."""
    blocks: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.detail.get("backref") or not is_current(c.detail):
            continue
        post = c.rank or norm_role(c.role)
        blocks[(c.org_entity or c.org, post)][c.subject].append(c)
    findings = []
    for (org, post), people in blocks.items():
        if len(people) < 2:
            continue
        masked: dict[str, list[str]] = defaultdict(list)
        for n in people:
            for k in range(1, len(n)):
                masked[n[:k] + "\0" + n[k + 1 :]].append(n)
        pairs = set()
        holders = None  # made when a pair of three-letter names first needs it
        for names in masked.values():
            if len(names) < 2:
                continue
            names = sorted(names)
            jam = [jamo(n) for n in names]
            dist = process.cdist(jam, jam, scorer=Levenshtein.distance)
            for i in range(len(names)):
                for j in range(i + 1, len(names)):
                    if dist[i][j] > 1 and len(names[i]) == 3:
                        holders = holders or _holders(people)
                        if not _one_holder_each(people[names[i]], people[names[j]], holders):
                            continue
                    elif dist[i][j] > 1:
                        continue
                    pairs.add((names[i], names[j]))
        for a, b in sorted(pairs):
            together = {(c.source_id, c.sentence_start) for c in people[a]} & {(c.source_id, c.sentence_start) for c in people[b]}
            if together:
                continue
            label = people[a][0].org_label or people[a][0].org
            ev = dedupe_evidence([c.evidence() for c in people[a] + people[b]])
            srcs = lambda n: some_of(sorted({c.outlet or c.path for c in people[n]}), "and")
            msg = _("The {post} of {org} is {a} in {sources_a} but {b} in {sources_b}: one letter apart, probably one person misspelled.",
                    post=post, org=label, a=a, sources_a=srcs(a), b=b, sources_b=srcs(b))
            findings.append(Finding("name_spelling", "name", "warning", label, [a, b], msg, ev, key=f"{org}|{post}|{a}|{b}",
                                    scope=person_scope(org, a)).finalize())
    return findings
