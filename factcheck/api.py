"""The library: every command of the CLI is one function here.

The CLI (cli.py) only parses options, calls these, and prints.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from .checks import CheckResult, check
from .errors import FactcheckError
from .i18n import lazy, message_text
from .ingest.add import AddResult, add, workspace_root
from .nlp.mentions import claim_confidence
from .store.db import Store, open_store

DEFAULT_DB = os.path.join("claims", "factcheck.duckdb")


def db_path(explicit: str | None = None) -> str:
    return explicit or os.environ.get("FACTCHECK_DB") or DEFAULT_DB


def init_workspace(directory: str | os.PathLike) -> Path:
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise FactcheckError(lazy("exists and is not a folder"), str(root))
    for sub in ("sources", "claims", "reports"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    gi = root / ".gitignore"
    if not gi.exists():
        gi.write_text("claims/*.duckdb\nclaims/*.duckdb.wal\nreports/\nexport/\n", encoding="utf-8")
    return root


def add_sources(db: str, paths: Iterable[str], overrides: dict | None = None,
                progress: Callable[[int, int], None] | None = None, stdin: bytes | None = None, jobs: int | None = None) -> AddResult:
    exists = Path(db).exists()
    holder: dict[str, Store] = {}

    def opener() -> Store:
        holder["s"] = open_store(db)
        return holder["s"]

    try:
        return add(opener, list(paths), overrides, progress, stdin, store_exists=exists, root=workspace_root(db), jobs=jobs)
    finally:
        if "s" in holder:
            holder["s"].close()


def _open(db: str, read_only: bool = False) -> Store:
    return open_store(db, create=False, read_only=read_only)


def list_sources(db: str) -> list[dict]:
    store = _open(db, read_only=True)
    try:
        return store.rows(
            """SELECT s.id, s.path, s.outlet, s.published, s.published_origin AS date_from, s.version,
                      (SELECT count(*) FROM sentences t WHERE t.source_id = s.id) AS sentences,
                      (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claims
               FROM sources s ORDER BY s.published NULLS LAST, s.path"""
        )
    finally:
        store.close()


def find_source(store: Store, ident: str) -> dict:
    rows = store.rows("SELECT id, path FROM sources WHERE id = ? OR path = ?", [ident, ident])
    if not rows:
        p = Path(ident)
        if p.exists():
            from .ingest.add import display_path, workspace_root

            rows = store.rows("SELECT id, path FROM sources WHERE path = ?", [display_path(p, workspace_root(store.path))])
    if not rows:
        raise FactcheckError(lazy("no such source in the store (see 'factcheck sources')"), ident)
    return rows[0]


def remove_source(db: str, ident: str) -> dict:
    store = _open(db)
    try:
        row = find_source(store, ident)
        from .ingest.gazetteer import Gazetteer, removed_pairs, sync

        gaz = Gazetteer(store)
        with store.transaction():
            gone = removed_pairs(store, [row["id"]])
            for table, col in (("sentences", "source_id"), ("claims", "source_id"), ("alias_edges", "source_id"),
                               ("org_names", "source_id"), ("org_lookups", "source_id"),
                               ("source_versions", "source_id"), ("pending", "source_id"), ("sources", "id")):
                store.sql(f"DELETE FROM {table} WHERE {col} = ?", [row["id"]])
            gaz.changed(store, gone, [])
            store.needs_full_check()
        sync(store, gaz)  # names only this source confirmed are gone: sources that used them are extracted again
        return row
    finally:
        store.close()


def list_claims(db: str, subject: str | None = None, kind: str | None = None, source: str | None = None) -> list[dict]:
    store = _open(db, read_only=True)
    try:
        where, params = ["1=1"], []
        if subject:
            where.append("(c.subject ILIKE ? OR replace(c.subject, ' ', '') ILIKE ?)")
            params += [f"%{subject}%", f"%{subject.replace(' ', '')}%"]
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if source:
            src = find_source(store, source)
            where.append("c.source_id = ?")
            params.append(src["id"])
        rows = store.rows(
            f"""SELECT c.id, c.kind, c.subject, c.value, c.source_id AS source, s.path, c.start, c."end", c.quote,
                       c.sentence_start, c.sentence_end, c.section, c.as_of, c.as_of_precision,
                       c.org, c.role, c.rank, c.count, c.detail
                FROM claims c JOIN sources s ON s.id = c.source_id
                WHERE {' AND '.join(where)}
                ORDER BY s.published NULLS LAST, s.path, c.start""",
            params,
        )
        for r in rows:
            r["detail"] = json.loads(r["detail"]) if r["detail"] else {}
            r["confidence"] = claim_confidence(r["detail"])
        return rows
    finally:
        store.close()


def list_orgs(db: str) -> list[dict]:
    """The organisation gazetteer: each name confirmed in a high-precision
    context (stock code, acronym, counted list, name before a title) of some
    source, with every place that confirms it (``quote`` is the name)."""
    from .ingest.gazetteer import list_orgs as _list_orgs

    store = _open(db, read_only=True)
    try:
        return _list_orgs(store)
    finally:
        store.close()


def run_check(db: str, command: str = "check", sources_read: int = 0, sources_skipped: int = 0, full: bool = False) -> CheckResult:
    store = _open(db)
    try:
        return check(store, command, sources_read, sources_skipped, full=full)
    finally:
        store.close()


def check_articles(paths: Iterable[str], stdin: bytes | None = None):
    """Copy desk: check just these articles (files, folders, ``-``) together,
    in memory, with no workspace or store; evidence carries line and column
    in the files as given. Returns a ``copydesk.CopyDeskResult``."""
    from .copydesk import check_articles as _check_articles

    return _check_articles(paths, stdin)


def article_mentions(paths: Iterable[str], stdin: bytes | None = None) -> list[tuple[object, list]]:
    """The typed-mention layer of each article given (files, folders, ``-``),
    read in memory like the copy desk: [(copydesk.Article, [Mention])]. Each
    mention is a span of the stored text typed PERSON, ORG, GROUP, ROLE,
    RANK, COUNT or DATE with the evidence that typed it (nlp/mention_layer.py);
    ``Article.span`` places it in the file as given."""
    from .copydesk import read_articles
    from .nlp.pipeline import process

    articles = read_articles(paths, stdin)
    docs = process([(a.source.text, a.source.published, a.source.title) for a in articles])
    return [(a, list(doc._.fc_mentions)) for a, doc in zip(articles, docs)]


def ack(db: str, finding_id: str, note: str) -> dict:
    store = _open(db)
    try:
        row = store.rows("SELECT id, message, extra FROM findings WHERE id = ?", [finding_id])
        if not row:
            raise FactcheckError(lazy("no such finding (run 'factcheck check' to list them)"), finding_id)
        with store.transaction():
            store.sql("DELETE FROM acks WHERE finding_id = ?", [finding_id])
            store.sql("INSERT INTO acks VALUES (?, ?, ?)", [finding_id, note, datetime.now()])
        got = row[0]
        got["extra"] = json.loads(got["extra"]) if got["extra"] else {}
        return got
    finally:
        store.close()


def alias(db: str, a: str, b: str, split: bool = False, kind: str | None = None) -> dict:
    store = _open(db)
    try:
        if kind is None:
            is_group = store.scalar("SELECT count(*) FROM claims WHERE grp IN (?, ?)", [a, b])
            kind = "group" if is_group else "org"
        with store.transaction():
            store.sql("DELETE FROM user_aliases WHERE kind = ? AND ((a = ? AND b = ?) OR (a = ? AND b = ?))", [kind, a, b, b, a])
            store.sql("INSERT INTO user_aliases VALUES (?, ?, ?, ?, ?)", [kind, a, b, "split" if split else "same", datetime.now()])
        return {"kind": kind, "a": a, "b": b, "decision": "split" if split else "same"}
    finally:
        store.close()


def list_aliases(db: str) -> list[dict]:
    from .resolve.entities import resolve

    store = _open(db)
    try:
        resolve(store)
        return store.rows(
            """SELECT kind, name, label, method FROM entities
               WHERE entity IN (SELECT entity FROM entities GROUP BY entity HAVING count(*) > 1)
               ORDER BY kind, label, name"""
        )
    finally:
        store.close()


def get_finding(db: str, finding_id: str) -> dict:
    store = _open(db, read_only=True)
    try:
        rows = store.rows('SELECT id, kind, attribute, severity, subject, "values", message, evidence, extra FROM findings WHERE id = ?', [finding_id])
        if not rows:
            raise FactcheckError(lazy("no such finding (run 'factcheck check' to list them)"), finding_id)
        f = rows[0]
        f["values"] = json.loads(f["values"])
        f["evidence"] = json.loads(f["evidence"])
        extra = json.loads(f.pop("extra") or "{}")
        f["message"] = message_text(f["message"], extra)  # in the language asked for
        ackrow = store.rows("SELECT note, created_at FROM acks WHERE finding_id = ?", [finding_id])
        if ackrow:
            f["acknowledged"] = {"note": ackrow[0]["note"], "at": ackrow[0]["created_at"].isoformat(timespec="seconds")}
        return f
    finally:
        store.close()


def write_reports(db: str, out_dir: str, formats: Iterable[str], result: CheckResult | None = None) -> list[Path]:
    from .report import render

    out = reports_folder(out_dir)
    if result is None:
        result = run_check(db, "report")
    store = _open(db, read_only=True)
    try:
        sources = store.rows(
            """SELECT s.id, s.path, s.outlet, s.published, s.title,
                      (SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claims
               FROM sources s ORDER BY s.published NULLS LAST, s.path""")
    finally:
        store.close()
    written = []
    for fmt in formats:
        path = out / {"html": "report.html", "markdown": "report.md", "json": "report.json"}[fmt]
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                for piece in render.pieces(fmt, result, sources):
                    fh.write(piece)
            os.replace(tmp, path)  # a reader never sees half a report
        except OSError as exc:
            raise FactcheckError(lazy("cannot write the report: {reason}", reason=exc.strerror or str(exc)), str(path)) from None
        written.append(path)
    return written


def reports_folder(out_dir: str) -> Path:
    """The reports folder, made if needed; a one-line error if it cannot be written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FactcheckError(lazy("cannot make the reports folder: {reason}", reason=exc.strerror or str(exc)), out_dir) from None
    if not os.access(out, os.W_OK):
        raise FactcheckError(lazy("cannot write the reports folder (permission denied)"), out_dir)
    return out


def default_export_dir(db: str) -> Path:
    """``export/`` in the workspace (beside ``claims/``)."""
    return workspace_root(db) / "export"


def export_parquet(db: str, out_dir: str | None = None) -> dict[str, dict]:
    """Write sources, claims (partitioned by source month), entities and
    findings as Parquet under ``out_dir`` (default ``export/`` in the
    workspace). Checks first, as ``report`` does, so entities and findings
    are current; a store that cannot be written is exported as it stands."""
    from .export import export

    out = Path(out_dir) if out_dir else default_export_dir(db)
    if os.access(db, os.W_OK):
        run_check(db, "export")
    store = _open(db, read_only=True)
    try:
        return export(store, out)
    finally:
        store.close()


@dataclass
class RunSummary:
    added: AddResult
    result: CheckResult
    reports: list[Path] = field(default_factory=list)


def run(db: str, directory: str, reports_dir: str, progress=None) -> RunSummary:
    reports_folder(reports_dir)  # before anything is read or stored
    added = add_sources(db, [directory], progress=progress)
    if not Path(db).exists():
        raise FactcheckError(lazy("nothing could be stored"), directory)
    result = run_check(db, "run", added.read, len(added.skipped))
    reports = write_reports(db, reports_dir, ("html", "markdown", "json"), result)
    return RunSummary(added, result, reports)
