"""Consistency checks: claims in, findings out. One module per check.

| kind                  | attribute    | module           |
| --------------------- | ------------ | ---------------- |
| title_conflict        | title        | titles.py        |
| title_variant         | title        | titles.py        |
| count_vs_list         | member_count | stated_count.py  |
| member_count_conflict | member_count | member_counts.py |
| member_count_change   | member_count | member_counts.py |
| member_list_diff      | members      | member_lists.py  |
| name_spelling         | name         | names.py         |
"""
from __future__ import annotations

import copy
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..i18n import lazy as _
from ..nlp.mentions import claim_confidence
from ..resolve.entities import resolve
from ..store.db import Store
from . import member_counts, member_lists, names, stated_count, titles
from .base import (
    SEVERITY_ORDER,
    SORT_MEMORY,
    Finding,
    blocks,
    dirty_scopes_sql,
    duckdb_settings,
    fill_sentences,
    group_block,
    load_group_claims,
    load_announced,
    load_titles,
    title_block,
)
from .timeline import histories


@dataclass
class CheckResult:
    findings: list[Finding]
    gone: list[dict] = field(default_factory=list)
    run_id: int = 0
    summary: dict = field(default_factory=dict)

    def failing(self, level: str) -> list[Finding]:
        if level == "never":
            return []
        floor = SEVERITY_ORDER[level]
        return [f for f in self.findings if SEVERITY_ORDER[f.severity] >= floor and not f.acknowledged]


def compute(store: Store, orgs: dict | None = None, scoped: bool = False) -> list[Finding]:
    """Run every check; findings sorted for people.

    ``orgs``: resolved organisations (``resolve`` is run when not given).
    ``scoped``: only the blocks listed in the temp table ``_dirty``.

    Claims come from the store one block at a time (an organisation's titles,
    a group's counts, lists and events), so Python holds one block, never
    every claim of the corpus.
    """
    if orgs is None:
        orgs = resolve(store)["org"]
    found: dict[str, Finding] = {}  # the first finding of an id, as _sorted keeps it: a disagreement that recurs is held once
    announced = load_announced(store)
    # a finding's evidence comes from its own block: so does the confidence of its claims
    for titled in blocks(load_titles(store, scoped), title_block):
        confidence = {c.id: claim_confidence(c.detail) for c in titled}
        for f in titles.run(titled, announced) + names.run(titled):
            found.setdefault(f.id, _cap_unsure(f, confidence))
    for grouped in blocks(load_group_claims(store, scoped), group_block):
        hist = histories(grouped, orgs)
        confidence = {c.id: claim_confidence(c.detail) for c in grouped}
        for f in stated_count.run(grouped) + member_counts.run(hist, orgs) + member_lists.run(hist, orgs):
            found.setdefault(f.id, _cap_unsure(f, confidence))
    findings = _sorted(list(found.values()))
    fill_sentences(store, findings)
    return findings


def one_per_problem(findings: list[Finding]) -> list[Finding]:
    """The findings as people see them (copies; the input is left as found:
    a merge gives the finding kept new lists of evidence and values and a new
    ``extra``, and never changes one in place, so a shallow copy will do)."""
    return _sorted(_one_per_problem([copy.copy(f) for f in findings]))


def _places(f: Finding) -> set:
    """Where a finding's evidence stands: its claims and their sentences."""
    return {e.get("claim") for e in f.evidence if e.get("claim")} | {
        (e.get("source"), e.get("sentence_start")) for e in f.evidence if e.get("sentence_start") is not None}


def _one_per_problem(found: list[Finding]) -> list[Finding]:
    """One problem, one finding: findings of one subject and attribute that
    share a pair of values and a claim or sentence of evidence (a stated count that
    differs from its own list and from another outlet; one spelling seen by
    two checks) become one, with all the evidence and the kinds that saw it.
    The finding kept is the most severe (then the first by kind); its id stays."""
    order = sorted(found, key=lambda f: (-SEVERITY_ORDER[f.severity], f.kind, f.id))
    kept: list[Finding] = []
    alike: dict[tuple[str, str], list[Finding]] = defaultdict(list)  # kept findings by attribute and subject, in kept order
    places: dict[int, set] = {}  # _places of each kept finding, renewed when it takes another's evidence
    for f in order:
        if f.severity == "info":  # never merged
            kept.append(f)
            continue
        claims = _places(f)
        values = set(map(str, f.values))
        home = next((k for k in alike[(f.attribute, f.subject)] if k.severity != "info"
                     and len(values & set(map(str, k.values))) >= 2 and claims & places[id(k)]), None)
        if home is None:
            kept.append(f)
            alike[(f.attribute, f.subject)].append(f)
            places[id(f)] = claims
            continue
        seen = {(e.get("claim"), e.get("start")) for e in home.evidence}
        home.evidence = home.evidence + [e for e in f.evidence if (e.get("claim"), e.get("start")) not in seen]
        home.values = home.values + [v for v in f.values if v not in home.values]
        home.extra = {**home.extra, "kinds": sorted(set(home.extra.get("kinds", [home.kind])) | {f.kind})}
        places[id(home)] = _places(home)
    return kept


# SPEC "What is checked": a disagreement that rests on an unsure claim is at
# most info ("check this"): an extraction mistake is not a source's mistake.
# A claim's confidence is the measured precision of the pattern or rule that
# produced it (patterns/titles.json, patterns/counts.json).
UNSURE_BELOW = 0.7


def _cap_unsure(f: Finding, confidence: dict[str, float]) -> Finding:
    scores = [confidence[e["claim"]] for e in f.evidence if e.get("claim") in confidence]
    if not scores:
        return f
    low = min(scores)
    f.extra = {**f.extra, "confidence": round(low, 2)}
    if low >= UNSURE_BELOW or f.severity == "info":
        return f
    f.extra["severity_as_found"] = f.severity
    f.severity = "info"
    f.message = _("Check this (the extraction behind it is unsure, confidence {confidence}): {message}",
                  confidence=f"{low:.2f}", message=f.message)
    f.extra["i18n"] = f.message.to_json()
    return f


def _sorted(found: list[Finding]) -> list[Finding]:
    unique: dict[str, Finding] = {}
    for f in found:
        unique.setdefault(f.id, f)
    return sorted(unique.values(), key=lambda f: (-SEVERITY_ORDER[f.severity], f.attribute, f.subject, f.id))


def checker_fingerprint() -> str:
    """Changes whenever the checks, the resolver or a lexicon change: stored
    findings made by another checker are not reused."""
    from .. import __version__

    h = hashlib.sha1(__version__.encode())
    pkg = Path(__file__).resolve().parent.parent
    for folder, pattern in (("checks", "*.py"), ("resolve", "*.py"), ("lexicons", "*.t*")):
        for f in sorted((pkg / folder).glob(pattern)):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _why_full(store: Store, fingerprint: str, full: bool) -> str | None:
    if full:
        return "asked for"
    meta = dict(store.sql("SELECT key, value FROM meta").fetchall())
    if not store.scalar("SELECT count(*) FROM runs"):
        return "first check"
    if meta.get("full_check") == "needed":
        return "sources were changed or removed"
    if meta.get("checker") != fingerprint:
        return "the checker changed"
    return None


def _stored(store: Store, ids: list[str]) -> list[Finding]:
    """Findings of the last run outside the recomputed scopes, as stored."""
    rows = store.sql(
        """SELECT kind, attribute, severity, subject, "values", message, evidence, id, extra, scope FROM findings
           WHERE id IN (SELECT unnest(?)) AND scope NOT IN (SELECT scope FROM _dirty)""",
        [ids],
    ).fetchall()
    return [
        Finding(k, a, sev, subj, json.loads(vals), msg, json.loads(ev), id=fid, extra=json.loads(extra) if extra else {}, scope=scope)
        for k, a, sev, subj, vals, msg, ev, fid, extra, scope in rows
    ]


WRITE_FINDINGS = 2000  # findings written per Arrow batch


def _findings_table(fresh: list[Finding], first: dict, run_id: int):
    import pyarrow as pa

    return pa.table({
        "id": [f.id for f in fresh],
        "kind": [f.kind for f in fresh],
        "attribute": [f.attribute for f in fresh],
        "severity": [f.severity for f in fresh],
        "subject": [f.subject for f in fresh],
        "values": [json.dumps(f.values, ensure_ascii=False) for f in fresh],
        "message": [f.message for f in fresh],
        "evidence": [json.dumps(f.evidence, ensure_ascii=False) for f in fresh],
        "first_run": pa.array([first.get(f.id) or run_id for f in fresh], pa.int32()),
        "last_run": pa.array([run_id] * len(fresh), pa.int32()),
        "extra": [json.dumps(f.extra, ensure_ascii=False) if f.extra else None for f in fresh],
        "scope": [f.scope for f in fresh],
    })


def check(store: Store, command: str = "check", sources_read: int = 0, sources_skipped: int = 0, full: bool = False) -> CheckResult:
    """Resolve entities and run the checks, recording the run.

    After sources were only added, only the scopes (blocks of claims) that
    the new sources' claims fall in are recomputed; every other finding of
    the last run is carried over as stored. Anything else (a source changed
    or removed, an entity that merged or split, another checker, ``full``)
    recomputes everything.

    DuckDB works within ``CHECK_MEMORY`` meanwhile (sorts and joins spill to
    disk beyond it; its cache of the store's pages stays that small).
    """
    with duckdb_settings(store, {"memory_limit": CHECK_MEMORY}):
        return _check(store, command, sources_read, sources_skipped, full)


CHECK_MEMORY = SORT_MEMORY


def _check(store: Store, command: str, sources_read: int, sources_skipped: int, full: bool) -> CheckResult:
    started = datetime.now()
    fingerprint = checker_fingerprint()
    why_full = _why_full(store, fingerprint, full)
    prev = store.sql("SELECT finding_ids FROM runs WHERE finding_ids IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    prev_ids = set(prev[0]) if prev else set()
    if why_full is None:
        store.sql("CREATE OR REPLACE TEMP TABLE _old_entities AS SELECT kind, name, entity, label FROM entities")
    orgs = resolve(store)["org"]
    if why_full is None:
        moved = store.scalar(
            """SELECT count(*) FROM _old_entities o LEFT JOIN entities n ON n.kind = o.kind AND n.name = o.name
               WHERE n.entity IS DISTINCT FROM o.entity OR n.label IS DISTINCT FROM o.label"""
        )
        if moved:
            why_full = "entities merged or split"
    if why_full is None:
        store.sql(f"CREATE OR REPLACE TEMP TABLE _dirty AS SELECT scope FROM ({dirty_scopes_sql()}) WHERE scope IS NOT NULL")
        dirty = {r[0] for r in store.sql("SELECT scope FROM _dirty").fetchall()}
        fresh = [f for f in compute(store, orgs, scoped=True) if f.scope in dirty] if dirty else []
        findings = _sorted(fresh + _stored(store, sorted(prev_ids)))
    else:
        fresh = findings = compute(store, orgs)
    acks = {r["finding_id"]: r for r in store.rows("SELECT finding_id, note, created_at FROM acks")}
    for f in findings:
        f.status = "unchanged" if f.id in prev_ids else "new"
        if f.id in acks:
            f.acknowledged = {"note": acks[f.id]["note"], "at": acks[f.id]["created_at"].isoformat(timespec="seconds")}
    ids = [f.id for f in findings]
    gone = []
    if prev_ids - set(ids):
        gone = store.rows(
            'SELECT id, kind, attribute, severity, subject, "values", message, extra FROM findings WHERE id IN (SELECT unnest(?))',
            [sorted(prev_ids - set(ids))],
        )
    run_id = (store.scalar("SELECT max(id) FROM runs") or 0) + 1
    claims = store.scalar("SELECT count(*) FROM claims") or 0
    # what people see: one finding per problem. The store keeps each check's
    # finding as found, so an incremental check (which carries stored findings
    # over) merges exactly as a full one does.
    shown = one_per_problem(findings)
    summary = {
        "sources": store.scalar("SELECT count(*) FROM sources") or 0,
        "claims": claims,
        "errors": sum(f.severity == "error" for f in shown),
        "warnings": sum(f.severity == "warning" for f in shown),
        "info": sum(f.severity == "info" for f in shown),
        "acknowledged": sum(1 for f in shown if f.acknowledged),
        "new": sum(f.status == "new" for f in shown),
        "gone": len(gone),
        "recomputed": f"all ({why_full})" if why_full else f"{len(dirty)} scopes",
    }
    fresh_ids = [f.id for f in fresh]
    first = dict(store.sql("SELECT id, first_run FROM findings WHERE id IN (SELECT unnest(?))", [fresh_ids]).fetchall()) if fresh_ids else {}
    with store.transaction():
        store.sql("DELETE FROM findings WHERE id IN (SELECT unnest(?))", [fresh_ids])
        for at in range(0, len(fresh), WRITE_FINDINGS):  # a batch at a time: the JSON of every finding is never held at once
            store.insert_arrow("findings", _findings_table(fresh[at:at + WRITE_FINDINGS], first, run_id))
        store.sql("UPDATE findings SET last_run = ? WHERE id IN (SELECT unnest(?))", [run_id, ids])
        store.sql(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, command, started, datetime.now(), sources_read, sources_skipped, claims,
             summary["errors"], summary["warnings"], summary["info"], ids],
        )
        store.sql("DELETE FROM pending")
        store.sql("INSERT INTO meta VALUES ('full_check', 'done') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        store.sql("INSERT INTO meta VALUES ('checker', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [fingerprint])
    return CheckResult(shown, gone, run_id, summary)
