"""Parquet out: sources, claims, entities and findings for DuckDB, Spark or
pandas elsewhere (``factcheck export``).

DuckDB writes the files itself (``COPY … (FORMAT parquet)``); claims are
partitioned by the month their source was published (Hive style,
``claims/month=2020-06/``; ``month=unknown`` for undated sources). The export
is written to a temporary folder beside the target and moved into place, so
a reader never sees half an export and months that are gone do not linger.
The schema is documented in the README ("Parquet export").
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import FactcheckError
from .i18n import lazy
from .store.db import Store

# Each table: the SELECT that is written. JSON text columns keep the JSON
# logical type; a finding's values become a list of strings.
TABLES = {
    "sources": """SELECT id, path, version, content_hash, size, mtime, text, outlet, published,
                         published_origin, url, title, encoding, added_at
                  FROM sources ORDER BY published NULLS LAST, path""",
    "claims": """SELECT c.id, c.source_id, c.kind, c.subject, c.value, c.start, c."end", c.quote,
                        c.sentence_idx, c.sentence_start, c.sentence_end, c.section, c.as_of, c.as_of_precision,
                        c.org, c.role, c.rank, c.grp, c.count, c.detail::JSON AS detail,
                        coalesce(strftime(s.published, '%Y-%m'), 'unknown') AS month
                 FROM claims c JOIN sources s ON s.id = c.source_id
                 ORDER BY s.published NULLS LAST, s.path, c.start, c."end", c.id""",
    "entities": """SELECT kind, name, entity, label, method, score FROM entities ORDER BY kind, entity, name""",
    "findings": """SELECT f.id, f.kind, f.attribute, f.severity, f.subject,
                          from_json(f."values", '["VARCHAR"]') AS "values", f.message,
                          f.evidence::JSON AS evidence, f.extra::JSON AS extra, f.scope,
                          f.first_run, f.last_run, f.last_run = (SELECT max(id) FROM runs) AS current,
                          a.note AS ack_note, a.created_at AS ack_at
                   FROM findings f LEFT JOIN acks a ON a.finding_id = f.id
                   ORDER BY current DESC, f.severity, f.attribute, f.subject, f.id""",
}


def export(store: Store, out_dir: str | os.PathLike) -> dict[str, dict]:
    """Write every table of TABLES under ``out_dir``; returns, per table, its
    path (a file, or the claims folder) and row count."""
    out = Path(out_dir)
    parent = out.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    except OSError as exc:
        raise FactcheckError(lazy("cannot write the export folder: {reason}", reason=exc.strerror or str(exc)), str(out)) from None
    if out.exists() and not out.is_dir():
        shutil.rmtree(tmp, ignore_errors=True)
        raise FactcheckError(lazy("exists and is not a folder"), str(out))
    written: dict[str, dict] = {}
    try:
        for table, select in TABLES.items():
            rows = store.scalar(f"SELECT count(*) FROM ({select})")
            if table == "claims":
                target = tmp / "claims"
                store.sql(f"COPY ({select}) TO '{_sql_path(target)}' (FORMAT parquet, PARTITION_BY (month), FILENAME_PATTERN 'claims_{{i}}')")
                if not rows:
                    target.mkdir(exist_ok=True)
            else:
                target = tmp / f"{table}.parquet"
                store.sql(f"COPY ({select}) TO '{_sql_path(target)}' (FORMAT parquet)")
            written[table] = {"path": out / target.relative_to(tmp), "rows": rows}
        old = None
        if out.exists():
            old = parent / f".{out.name}.old.{os.getpid()}"
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise FactcheckError(lazy("cannot write the export: {reason}", reason=exc.strerror or str(exc)), str(out)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return written


def _sql_path(p: Path) -> str:
    return str(p).replace("'", "''")
