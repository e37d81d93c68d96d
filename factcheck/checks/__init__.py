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

import json
from dataclasses import dataclass, field
from datetime import datetime

import pyarrow as pa

from ..resolve.entities import resolve
from ..store.db import Store
from . import member_counts, member_lists, names, stated_count, titles
from .base import SEVERITY_ORDER, Finding, load_group_claims, load_titles
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


def compute(store: Store) -> list[Finding]:
    """Resolve entities, then run every check; findings sorted for people."""
    ents = resolve(store)
    orgs = ents["org"]
    titled = load_titles(store)
    grouped = load_group_claims(store)
    hist = histories(grouped, orgs)
    found: list[Finding] = []
    found += titles.run(titled)
    found += names.run(titled)
    found += stated_count.run(grouped)
    found += member_counts.run(hist, orgs)
    found += member_lists.run(hist, orgs)
    unique = {}
    for f in found:
        unique.setdefault(f.id, f)
    return sorted(unique.values(), key=lambda f: (-SEVERITY_ORDER[f.severity], f.attribute, f.subject, f.id))


def check(store: Store, command: str = "check", sources_read: int = 0, sources_skipped: int = 0) -> CheckResult:
    started = datetime.now()
    findings = compute(store)
    prev = store.sql("SELECT finding_ids FROM runs WHERE finding_ids IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    prev_ids = set(prev[0]) if prev else set()
    acks = {r["finding_id"]: r for r in store.rows("SELECT finding_id, note, created_at FROM acks")}
    for f in findings:
        f.status = "unchanged" if f.id in prev_ids else "new"
        if f.id in acks:
            f.acknowledged = {"note": acks[f.id]["note"], "at": acks[f.id]["created_at"].isoformat(timespec="seconds")}
    ids = [f.id for f in findings]
    gone = []
    if prev_ids - set(ids):
        gone = store.rows(
            'SELECT id, kind, attribute, severity, subject, "values", message FROM findings WHERE id IN (SELECT unnest(?))',
            [sorted(prev_ids - set(ids))],
        )
    run_id = (store.scalar("SELECT max(id) FROM runs") or 0) + 1
    claims = store.scalar("SELECT count(*) FROM claims") or 0
    summary = {
        "sources": store.scalar("SELECT count(*) FROM sources") or 0,
        "claims": claims,
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "info": sum(f.severity == "info" for f in findings),
        "acknowledged": sum(1 for f in findings if f.acknowledged),
        "new": sum(f.status == "new" for f in findings),
        "gone": len(gone),
    }
    first = dict(store.sql("SELECT id, first_run FROM findings WHERE id IN (SELECT unnest(?))", [ids]).fetchall()) if ids else {}
    rows = pa.table({
        "id": ids,
        "kind": [f.kind for f in findings],
        "attribute": [f.attribute for f in findings],
        "severity": [f.severity for f in findings],
        "subject": [f.subject for f in findings],
        "values": [json.dumps(f.values, ensure_ascii=False) for f in findings],
        "message": [f.message for f in findings],
        "evidence": [json.dumps(f.evidence, ensure_ascii=False) for f in findings],
        "first_run": pa.array([first.get(f.id) or run_id for f in findings], pa.int32()),
        "last_run": pa.array([run_id] * len(findings), pa.int32()),
    })
    with store.transaction():
        store.sql("DELETE FROM findings WHERE id IN (SELECT unnest(?))", [ids])
        store.insert_arrow("findings", rows)
        store.sql(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, command, started, datetime.now(), sources_read, sources_skipped, claims,
             summary["errors"], summary["warnings"], summary["info"], ids],
        )
    return CheckResult(findings, gone, run_id, summary)
