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
import os
import shutil
import tempfile
import weakref
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, groupby
from pathlib import Path

from ..i18n import lazy as _
from ..nlp.mentions import claim_confidence
from ..resolve.entities import resolve
from ..seq import IndexedSequence
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
    load_announced,
    load_group_claims,
    load_titles,
    title_block,
)
from .timeline import histories, relabelled


@dataclass
class CheckResult:
    findings: Sequence[Finding]  # a list, or ``FindingPages`` (what ``check`` returns): read from disk a page at a time
    gone: list[dict] = field(default_factory=list)
    run_id: int = 0
    summary: dict = field(default_factory=dict)

    def failing(self, level: str) -> list[Finding]:
        if level == "never":
            return []
        floor = SEVERITY_ORDER[level]
        return [f for f in self.findings if SEVERITY_ORDER[f.severity] >= floor and not f.acknowledged]

    def any_failing(self, level: str) -> bool:
        """Whether ``failing(level)`` has anything (without holding the findings)."""
        if level == "never":
            return False
        floor = SEVERITY_ORDER[level]
        return any(SEVERITY_ORDER[f.severity] >= floor and not f.acknowledged for f in self.findings)


def _finding_line(f: Finding) -> bytes:
    return (json.dumps({"kind": f.kind, "attribute": f.attribute, "severity": f.severity, "subject": f.subject,
                        "values": f.values, "message": str(f.message), "evidence": f.evidence, "id": f.id,
                        "status": f.status, "acknowledged": f.acknowledged, "extra": f.extra, "scope": f.scope},
                       ensure_ascii=False) + "\n").encode("utf-8")


def _line_finding(line: bytes) -> Finding:
    d = json.loads(line)
    return Finding(d["kind"], d["attribute"], d["severity"], d["subject"], d["values"], d["message"], d["evidence"],
                   id=d["id"], status=d["status"], acknowledged=d["acknowledged"], extra=d["extra"], scope=d["scope"])


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class FindingPages(IndexedSequence):
    """The findings of a check as people see them, kept in a temporary file
    (one JSON line each, in order) and read from it as they are used: a
    check's result never holds every finding in memory (issue 13). Each
    access reads the finding anew (changes to one are not kept: make a
    ``list`` of them to change them). The file goes with the object."""

    _what = "finding"

    def __init__(self, path: str, offsets: array):
        self._path = path
        self._offsets = offsets
        self._finalizer = weakref.finalize(self, _remove, path)

    def __len__(self) -> int:
        return len(self._offsets)

    def _item(self, i: int) -> Finding:
        with open(self._path, "rb") as fh:
            fh.seek(self._offsets[i])
            return _line_finding(fh.readline())

    def __iter__(self) -> Iterator[Finding]:
        with open(self._path, "rb", buffering=1 << 20) as fh:
            for line in fh:
                yield _line_finding(line)

    def __repr__(self) -> str:
        return f"<FindingPages: {len(self)} findings in {self._path}>"


class _PagesWriter:
    """Writes findings for ``FindingPages``: given subject by subject (in
    attribute, subject order, each subject's findings by id), kept in one
    file per severity and joined most severe first, so the file is in
    ``_sorted`` order without a sort."""

    def __init__(self):
        self._parts = {}
        self._offsets = {}

    def add(self, f: Finding) -> None:
        rank = SEVERITY_ORDER[f.severity]
        if rank not in self._parts:
            fd, path = tempfile.mkstemp(prefix="factcheck-findings-", suffix=".jsonl")
            self._parts[rank] = (os.fdopen(fd, "wb", buffering=1 << 20), path)
            self._offsets[rank] = array("q")
        fh = self._parts[rank][0]
        self._offsets[rank].append(fh.tell())
        fh.write(_finding_line(f))

    def finish(self) -> FindingPages:
        fd, path = tempfile.mkstemp(prefix="factcheck-findings-", suffix=".jsonl")
        offsets = array("q")
        with os.fdopen(fd, "wb") as out:
            for rank in sorted(self._parts, reverse=True):
                fh, part = self._parts[rank]
                fh.close()
                base = out.tell()
                offsets.extend(base + o for o in self._offsets[rank])
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
                _remove(part)
        self._parts.clear()
        return FindingPages(path, offsets)

    def discard(self) -> None:
        for fh, part in self._parts.values():
            fh.close()
            _remove(part)
        self._parts.clear()


def compute(store: Store, orgs: dict | None = None, scoped: bool = False) -> list[Finding]:
    """Run every check; findings sorted for people.

    ``orgs``: resolved organisations (``resolve`` is run when not given).
    ``scoped``: only the blocks listed in the temp table ``_dirty``.

    Claims come from the store one block at a time (an organisation's titles,
    a group's counts, lists and events), so Python holds one block, never
    every claim of the corpus. This returns every finding at once (tests,
    small stores); ``check`` takes them batch by batch (``compute_batches``).
    """
    findings = [f for batch in compute_batches(store, orgs, scoped) for f in batch]
    findings = _sorted(findings)
    fill_sentences(store, findings)
    return findings


INSERT_EVIDENCE = 2000  # pieces of evidence inserted into ``_found`` at a time
# a batch of findings is handed on when it has this many pieces of evidence
# (or WRITE_FINDINGS findings): the batch is written as JSON and Arrow, each
# piece with its sentence, and a batch of 20,000 pieces (a large alliance's
# list findings) was the check's peak, 100 MB above the rest, at 100,000 sources
BATCH_EVIDENCE = 2000


def compute_batches(store: Store, orgs: dict | None = None, scoped: bool = False) -> Iterator[list[Finding]]:
    """``compute``'s findings in batches, as the blocks produce them, each
    id once (the first finding of an id wins: a disagreement that recurs is
    held once), their evidence without sentences (``fill_sentences``).
    The store's connection streams the claims meanwhile: a consumer that
    writes uses another connection (``store.con.cursor()``)."""
    orgs = relabelled(resolve(store)["org"] if orgs is None else orgs)
    seen: set[str] = set()
    batch: list[Finding] = []
    evidence = 0
    announced = load_announced(store)

    def take(f: Finding, confidence: dict) -> bool:
        nonlocal evidence
        f = _cap_unsure(f, confidence)
        if f.id in seen:
            return False
        seen.add(f.id)
        batch.append(f)
        evidence += len(f.evidence)
        return len(batch) >= WRITE_FINDINGS or evidence >= BATCH_EVIDENCE

    # a finding's evidence comes from its own block: so does the confidence of its claims
    for titled in blocks(load_titles(store, scoped), title_block):
        confidence = {c.id: claim_confidence(c.detail) for c in titled}
        for f in titles.run(titled, announced) + names.run(titled):
            if take(f, confidence):
                yield batch
                batch, evidence = [], 0
    for grouped in blocks(load_group_claims(store, scoped), group_block):
        hist = histories(grouped, orgs)
        confidence = {c.id: claim_confidence(c.detail) for c in grouped}
        for f in chain(stated_count.run(grouped), member_counts.run(hist, orgs), member_lists.run(hist, orgs)):
            if take(f, confidence):
                yield batch
                batch, evidence = [], 0
    if batch:
        yield batch


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


_FOUND_COLUMNS = 'id, kind, attribute, severity, subject, "values", message, evidence, extra, scope'


def _check(store: Store, command: str, sources_read: int, sources_skipped: int, full: bool) -> CheckResult:
    """As ``check``. The findings go to a temp table (``_found``) batch by
    batch as the blocks produce them, on a second connection to the store
    (the first streams the claims); the one-problem-one-finding merge takes
    them from there subject by subject into ``FindingPages``; and the
    store's ``findings`` are written from ``_found`` in SQL. Python holds a
    batch, a subject or a page of findings at a time, never all of them."""
    started = datetime.now()
    fingerprint = checker_fingerprint()
    why_full = _why_full(store, fingerprint, full)
    prev = store.sql("SELECT finding_ids FROM runs WHERE finding_ids IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
    prev_ids = sorted(set(prev[0])) if prev else []
    del prev
    if why_full is None:
        store.sql("CREATE OR REPLACE TEMP TABLE _old_entities AS SELECT kind, name, entity, label FROM entities")
    orgs = relabelled(resolve(store)["org"])
    if why_full is None:
        moved = store.scalar(
            """SELECT count(*) FROM _old_entities o LEFT JOIN entities n ON n.kind = o.kind AND n.name = o.name
               WHERE n.entity IS DISTINCT FROM o.entity OR n.label IS DISTINCT FROM o.label"""
        )
        if moved:
            why_full = "entities merged or split"
    out = Store(store.con.cursor(), store.path)  # writes while store.con streams claims; its temp tables are its own
    pages = _PagesWriter()
    try:
        out.sql(f"CREATE OR REPLACE TEMP TABLE _found AS SELECT {_FOUND_COLUMNS}, 0 AS rank, true AS fresh FROM findings WHERE false")
        out.sql("CREATE OR REPLACE TEMP TABLE _prev AS SELECT unnest(?::VARCHAR[]) AS id", [prev_ids])

        def keep(batch: list[Finding]) -> None:
            fill_sentences(out, batch)
            table = _findings_table(batch, {}, 0).drop(["first_run", "last_run"])
            table = table.append_column("rank", pa_array([SEVERITY_ORDER[f.severity] for f in batch], "int32"))
            table = table.append_column("fresh", pa_array([True] * len(batch), "bool_"))
            # a few hundred findings an insert: DuckDB's commit of an insert
            # takes about twice its rows' size again (a batch of a large
            # block's findings: 20-40 MB of evidence)
            at, chars = 0, 0
            for i, f in enumerate(batch):
                chars += len(f.evidence)
                if chars >= INSERT_EVIDENCE or i == len(batch) - 1:
                    out.insert_arrow("_found", table.slice(at, i + 1 - at))
                    at, chars = i + 1, 0

        if why_full is None:
            store.sql(f"CREATE OR REPLACE TEMP TABLE _dirty AS SELECT scope FROM ({dirty_scopes_sql()}) WHERE scope IS NOT NULL")
            dirty = sorted(r[0] for r in store.sql("SELECT scope FROM _dirty").fetchall())
            out.sql("CREATE OR REPLACE TEMP TABLE _dirty AS SELECT unnest(?::VARCHAR[]) AS scope", [dirty])
            if dirty:
                for batch in compute_batches(store, orgs, scoped=True):
                    keep(batch)
                # a block's finding outside the dirty scopes is not recomputed: the stored one stands
                out.sql("DELETE FROM _found WHERE scope IS NULL OR scope NOT IN (SELECT scope FROM _dirty)")
            # findings of the last run outside the recomputed scopes, as stored
            out.sql(
                f"""INSERT INTO _found
                    SELECT {_FOUND_COLUMNS},
                           CASE severity WHEN 'error' THEN 3 WHEN 'warning' THEN 2 WHEN 'info' THEN 1 ELSE 0 END, false
                    FROM findings WHERE id IN (SELECT id FROM _prev) AND scope NOT IN (SELECT scope FROM _dirty)
                      AND id NOT IN (SELECT id FROM _found)"""
            )
        else:
            for batch in compute_batches(store, orgs):
                keep(batch)
        del orgs
        ids = [r[0] for r in out.sql("SELECT id FROM _found ORDER BY rank DESC, attribute, subject, id").fetchall()]
        gone = []
        if set(prev_ids) - set(ids):
            gone = out.rows(
                'SELECT id, kind, attribute, severity, subject, "values", message, extra FROM findings WHERE id IN (SELECT unnest(?))',
                [sorted(set(prev_ids) - set(ids))],
            )
        run_id = (out.scalar("SELECT max(id) FROM runs") or 0) + 1
        claims = out.scalar("SELECT count(*) FROM claims") or 0
        # what people see: one finding per problem. The store keeps each check's
        # finding as found, so an incremental check (which carries stored findings
        # over) merges exactly as a full one does.
        counts = _merge_into(out, pages)
        summary = {
            "sources": out.scalar("SELECT count(*) FROM sources") or 0,
            "claims": claims,
            **counts,
            "gone": len(gone),
            "recomputed": f"all ({why_full})" if why_full else f"{len(dirty)} scopes",
        }
        # a full check's findings are written beside the store's in small
        # transactions and swapped in by the run's own (``_stage_findings``)
        swap = (out.scalar("SELECT sum(length(evidence)) FROM _found WHERE fresh") or 0) > SWAP_CHARS
        if swap:
            _stage_findings(out, run_id)
        with out.transaction():
            if swap:
                out.sql("DROP TABLE findings")
                out.sql("ALTER TABLE findings_next RENAME TO findings")
            else:
                out.sql("CREATE OR REPLACE TEMP TABLE _first AS SELECT id, first_run FROM findings WHERE id IN (SELECT id FROM _found WHERE fresh)")
                out.sql("DELETE FROM findings WHERE id IN (SELECT id FROM _found WHERE fresh)")
                out.sql(
                    f"""INSERT INTO findings ({_FINDINGS_COLUMNS})
                        SELECT f.id, f.kind, f.attribute, f.severity, f.subject, f."values", f.message, f.evidence,
                               coalesce(nullif(p.first_run, 0), $run), $run, f.extra, f.scope
                        FROM _found f LEFT JOIN _first p ON p.id = f.id WHERE f.fresh""",
                    {"run": run_id},
                )
                out.sql("UPDATE findings SET last_run = ? WHERE id IN (SELECT id FROM _found WHERE NOT fresh)", [run_id])  # the fresh ones were inserted with it
            out.sql(
                "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, command, started, datetime.now(), sources_read, sources_skipped, claims,
                 summary["errors"], summary["warnings"], summary["info"], ids],
            )
            out.sql("DELETE FROM pending")
            out.sql("INSERT INTO meta VALUES ('full_check', 'done') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            out.sql("INSERT INTO meta VALUES ('checker', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [fingerprint])
        shown = pages.finish()
    except BaseException:
        pages.discard()
        raise
    finally:
        out.close()
    return CheckResult(shown, gone, run_id, summary)


_FINDINGS_COLUMNS = 'id, kind, attribute, severity, subject, "values", message, evidence, first_run, last_run, extra, scope'
SWAP_CHARS = 8_000_000  # fresh findings with more evidence than this are written beside the store's and swapped in
WRITE_CHARS = 4_000_000  # evidence written per transaction meanwhile


def _stage_findings(out: Store, run_id: int) -> None:
    """The store's findings as this run leaves them, written beside them
    (``findings_next``: the findings not recomputed, those carried over
    given this run, then the fresh ones, in the order the table would have
    them) in transactions of about ``WRITE_CHARS`` of evidence each, to be
    swapped in by the run's transaction. DuckDB's commit of an insert takes
    about twice what it inserts again: one insert of a full check's findings
    at 100,000 sources (80 MB of evidence) took 190 MB. A check killed before
    the swap leaves the store's findings as they were (and ``findings_next``,
    dropped by the next check)."""
    out.sql("DROP TABLE IF EXISTS findings_next")
    out.sql("CREATE TABLE findings_next AS SELECT * FROM findings LIMIT 0")
    out.sql("ALTER TABLE findings_next ADD PRIMARY KEY (id)")
    kept = "id NOT IN (SELECT id FROM _found WHERE fresh)"
    for lo, hi in _write_ranges(out, f"SELECT rowid, length(evidence) FROM findings WHERE {kept} ORDER BY rowid"):
        with out.transaction():
            out.sql(f"""INSERT INTO findings_next ({_FINDINGS_COLUMNS})
                        SELECT id, kind, attribute, severity, subject, "values", message, evidence, first_run,
                               CASE WHEN id IN (SELECT id FROM _found) THEN $run ELSE last_run END, extra, scope
                        FROM findings WHERE rowid BETWEEN $lo AND $hi AND {kept}""", {"run": run_id, "lo": lo, "hi": hi})
    for lo, hi in _write_ranges(out, "SELECT rowid, length(evidence) FROM _found WHERE fresh ORDER BY rowid"):
        with out.transaction():
            out.sql(f"""INSERT INTO findings_next ({_FINDINGS_COLUMNS})
                        SELECT f.id, f.kind, f.attribute, f.severity, f.subject, f."values", f.message, f.evidence,
                               coalesce(nullif(p.first_run, 0), $run), $run, f.extra, f.scope
                        FROM _found f LEFT JOIN findings p ON p.id = f.id
                        WHERE f.fresh AND f.rowid BETWEEN $lo AND $hi ORDER BY f.rowid""", {"run": run_id, "lo": lo, "hi": hi})


def _write_ranges(out: Store, query: str) -> Iterator[tuple[int, int]]:
    """Consecutive row id ranges (first, last) of ``query``'s (row id,
    length) rows, about ``WRITE_CHARS`` long each."""
    lo = hi = None
    chars = 0
    for rid, n in out.sql(query).fetchall():
        if lo is not None and chars + (n or 0) > WRITE_CHARS:
            yield lo, hi
            lo, chars = None, 0
        if lo is None:
            lo = rid
        hi = rid
        chars += n or 0
    if lo is not None:
        yield lo, hi


def pa_array(values: list, type_name: str):
    import pyarrow as pa

    return pa.array(values, getattr(pa, type_name)())


MERGE_ROWS = 1000  # findings taken from ``_found`` at a time while merging
MERGE_CHARS = 1_000_000  # ... or fewer, when their evidence is this long (a large block's findings carry thousands of pieces)
PACK_CHARS = 4096  # a finding's evidence longer than this waits for its turn compressed


def _merge_into(out: Store, pages: _PagesWriter) -> dict:
    """``one_per_problem`` over ``_found``, one subject (and attribute) at a
    time: a merge never crosses one (``_one_per_problem``). The findings
    shown go to ``pages``; returns their counts for the summary.

    DuckDB sorts only the findings' row ids (sorting the rows, evidence and
    all, runs out of its memory at 100,000 sources); the rows come a page of
    row ids at a time (``MERGE_ROWS`` findings or ``MERGE_CHARS`` of
    evidence). The findings of a subject are merged on what the merge reads
    of their evidence (``_light_evidence``), their evidence kept as stored
    (long ones compressed); each finding shown is given its evidence whole
    when it is written, one at a time (the evidence of one alliance's
    findings, decoded at once, was 140 MB of Python at 100,000 sources)."""
    counts = {"errors": 0, "warnings": 0, "info": 0, "acknowledged": 0, "new": 0}
    key = {"error": "errors", "warning": "warnings", "info": "info"}
    order, sizes = array("q"), array("q")
    for rid, n in out.sql("SELECT rowid, length(evidence) FROM _found ORDER BY attribute, subject, id").fetchall():
        order.append(rid)
        sizes.append(n or 0)

    def cut():
        at = 0
        while at < len(order):
            end, chars = at, 0
            while end < len(order) and end - at < MERGE_ROWS and (end == at or chars + sizes[end] <= MERGE_CHARS):
                chars += sizes[end]
                end += 1
            yield order[at:end].tolist()
            at = end

    def rows():
        for page in cut():
            got = {r[0]: r[1:] for r in out.sql(
                """SELECT f.rowid, f.kind, f.attribute, f.severity, f.subject, f."values", f.message, f.evidence, f.id, f.extra, f.scope,
                          p.id IS NOT NULL AS unchanged, a.finding_id IS NOT NULL AS acked, a.note, a.created_at
                   FROM _found f LEFT JOIN _prev p ON p.id = f.id LEFT JOIN acks a ON a.finding_id = f.id
                   WHERE f.rowid IN (SELECT unnest(?::BIGINT[]))""", [page]).fetchall()}
            for rid in page:
                yield (rid, *got.pop(rid))

    mergeable = _mergeable(out)
    for _subject, group in groupby(rows(), lambda r: (r[2], r[4])):  # attribute, subject
        found, alone = [], []
        stored: dict[int, str | bytes] = {}  # each finding's evidence as stored (JSON; compressed when long), by row id
        for rid, k, a, sev, subj, vals, msg, ev, fid, extra, scope, unchanged, acked, note, at in group:
            # only a finding that may merge is given what the merge reads of its evidence
            f = Finding(k, a, sev, subj, json.loads(vals), msg, _light_evidence(ev, rid) if rid in mergeable else rid,
                        id=fid, extra=json.loads(extra) if extra else {}, scope=scope)
            stored[rid] = zlib.compress(ev.encode("utf-8"), 1) if len(ev) > PACK_CHARS else ev
            del ev
            f.status = "unchanged" if unchanged else "new"
            if acked:
                f.acknowledged = {"note": note, "at": at.isoformat(timespec="seconds")}
            (found if rid in mergeable else alone).append(f)
        shown = sorted(_one_per_problem(found) + alone, key=lambda f: (-SEVERITY_ORDER[f.severity], f.id))
        del found, alone
        for i, f in enumerate(shown):
            shown[i] = None  # written, then let go
            f.evidence = _whole_evidence(f.evidence, stored) if isinstance(f.evidence, list) else _stored_evidence(stored.pop(f.evidence))
            pages.add(f)
            counts[key[f.severity]] += 1
            counts["acknowledged"] += bool(f.acknowledged)
            counts["new"] += f.status == "new"
    return counts


# What ``_one_per_problem`` reads of a piece of evidence (``_places`` and the
# de-duplication of merged evidence), and where the whole piece is: a
# subject's findings are merged on these, and only each finding shown is
# given its evidence whole, when it is written.
_MERGE_KEYS = ("claim", "start", "source", "sentence_start")


def _mergeable(out: Store) -> set[int]:
    """Row ids of the findings in ``_found`` that ``_one_per_problem`` may
    merge: not info, and sharing two values with another such finding of
    their attribute and subject. The rest are shown as they are, and the
    merge never reads their evidence (one alliance's member-list findings,
    45,000 pieces of evidence at 100,000 sources, merge with nothing)."""
    return {r[0] for r in out.sql(
        """WITH v AS (
               SELECT rowid AS rid, attribute, subject, unnest(json_extract_string("values", '$[*]')) AS v
               FROM _found WHERE severity <> 'info')
           SELECT DISTINCT a.rid FROM v a JOIN v b
             ON a.attribute = b.attribute AND a.subject = b.subject AND a.v = b.v AND a.rid <> b.rid
           GROUP BY a.rid, b.rid HAVING count(DISTINCT a.v) >= 2""").fetchall()}


def _stored_evidence(text: str | bytes) -> list[dict]:
    return json.loads(zlib.decompress(text) if isinstance(text, bytes) else text)


def _light_evidence(text: str, rid: int) -> list[dict]:
    return [{**{k: e.get(k) for k in _MERGE_KEYS}, "_at": (rid, i)} for i, e in enumerate(json.loads(text))]


def _whole_evidence(light: list[dict], stored: dict[int, str | bytes]) -> list[dict]:
    whole: dict[int, list] = {}
    out = []
    for e in light:
        rid, i = e["_at"]
        if rid not in whole:
            text = stored[rid]
            whole[rid] = json.loads(zlib.decompress(text) if isinstance(text, bytes) else text)
        out.append(whole[rid][i])
    return out
