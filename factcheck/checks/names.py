"""One person's name spelled two ways.

Within one block (same organisation, same title) two names of one length and
one surname that differ in one syllable, and by at most one jamo there
(박정훈/박정운, 이정호/이정효), are most likely one person misspelled:
warning. Names that stand in one sentence are two people, never compared.
Similarity is rapidfuzz over jamo, computed block by block (never all pairs).
"""
from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..nlp.hangul import jamo
from ..resolve.normalize import norm_role
from ..store.db import Store
from .base import Finding, dedupe_evidence, load_claims


def run(store: Store) -> list[Finding]:
    claims = load_claims(store, ("title",), "AND c.org IS NOT NULL AND coalesce(json_extract(c.detail, '$.former')::BOOLEAN, false) = false")
    blocks: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.detail.get("backref"):
            continue
        post = c.rank or norm_role(c.role)
        blocks[(c.org_entity or c.org, post)][c.subject].append(c)
    findings = []
    for (org, post), people in blocks.items():
        names = sorted(people)
        if len(names) < 2:
            continue
        jam = [jamo(n) for n in names]
        dist = process.cdist(jam, jam, scorer=Levenshtein.distance)
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                a, b = names[i], names[j]
                if len(a) != len(b) or a[0] != b[0] or sum(x != y for x, y in zip(a, b)) != 1 or dist[i][j] > 1:
                    continue
                together = {(c.source_id, c.sentence_start) for c in people[a]} & {(c.source_id, c.sentence_start) for c in people[b]}
                if together:
                    continue
                label = people[a][0].org_label or people[a][0].org
                ev = dedupe_evidence([c.evidence() for c in people[a] + people[b]])
                srcs = lambda n: ", ".join(sorted({c.outlet or c.path for c in people[n]}))
                msg = f"The {post} of {label} is {a} in {srcs(a)} but {b} in {srcs(b)}: one letter apart, probably one person misspelled."
                findings.append(Finding("name_spelling", "name", "warning", label, [a, b], msg, ev, key=f"{org}|{post}|{a}|{b}").finalize())
    return findings
