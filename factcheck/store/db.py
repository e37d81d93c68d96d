"""Opening the store: locking, bad files, migrations, bulk writes."""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from ..errors import FactcheckError
from ..i18n import lazy
from .schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import pyarrow as pa

LOCK_WAIT_SECONDS = float(os.environ.get("FACTCHECK_LOCK_WAIT", "5"))


class Store:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):
        self.con = con
        self.path = path

    # -- queries ------------------------------------------------------------
    def sql(self, query: str, params: list | tuple | None = None):
        return self.con.execute(query, params or [])

    def rows(self, query: str, params: list | tuple | None = None) -> list[dict]:
        cur = self.con.execute(query, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]

    def scalar(self, query: str, params: list | tuple | None = None):
        row = self.con.execute(query, params or []).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self):
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def insert_arrow(self, table: str, data: pa.Table) -> None:
        """Bulk insert: DuckDB reads the Arrow table directly (no per-row SQL)."""
        if data.num_rows == 0:
            return
        # read by name from this frame (a replacement scan), not register()ed:
        # a registered table is held until the transaction commits, every
        # batch of a long transaction at once (check's findings: 400 MB at
        # 100,000 sources)
        _arrow_rows = data  # noqa: F841
        cols = ", ".join(f'"{c}"' for c in data.column_names)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _arrow_rows")

    def needs_full_check(self) -> None:
        """Claims were replaced or removed: the next check recomputes everything."""
        self.con.execute("INSERT INTO meta VALUES ('full_check', 'needed') ON CONFLICT (key) DO UPDATE SET value = excluded.value")

    def close(self) -> None:
        self.con.close()

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)


CREATING_SECONDS = 5.0  # how long a store file just made by another process may look unwritten


def _just_created(path: str) -> bool:
    """A file written to in the last few seconds (another ``add`` creating the store)."""
    try:
        return time.time() - os.stat(path).st_mtime < CREATING_SECONDS
    except OSError:
        return False


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    started = time.monotonic()
    deadline = started + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            msg = str(exc)
            low = msg.lower()
            if "lock" in low and ("conflicting" in low or "could not set lock" in low):
                if time.monotonic() < deadline:
                    time.sleep(0.2)
                    continue
                raise FactcheckError(lazy("store is locked by another process (waited {seconds:.0f} s); try again when it has finished", seconds=LOCK_WAIT_SECONDS), path) from None
            if "not a valid duckdb" in low or "invalid" in low and "database" in low or "unable to open" in low and "header" in low or "magic" in low or "serialization" in low:
                if _just_created(path) and time.monotonic() < min(deadline, started + CREATING_SECONDS):
                    time.sleep(0.2)  # another process is creating this store: its header is not written yet
                    continue
                raise FactcheckError(lazy("not a DuckDB database (is --db pointing at the right file?)"), path) from None
            if "permission" in low or "read-only" in low or "readonly" in low:
                raise FactcheckError(lazy("cannot write the store here (permission denied)"), path) from None
            first = msg.strip().splitlines()[0] if msg.strip() else type(exc).__name__
            raise FactcheckError(lazy("cannot open the store: {reason}", reason=str(first)), path) from None


def _locked_by_another(p: Path) -> bool:
    """Whether another process holds a lock on the file (DuckDB locks its
    store while it writes, from the moment it creates it: a second ``add``
    that reads the header then may see it half written)."""
    try:
        import fcntl
    except ImportError:  # not on this system: the header check alone
        return False
    try:
        with open(p, "rb") as fh:
            try:
                fcntl.lockf(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.lockf(fh, fcntl.LOCK_UN)
    except OSError:
        return False
    return False


def open_store(path: str | os.PathLike, create: bool = True, read_only: bool = False) -> Store:
    path = str(path)
    p = Path(path)
    if not p.exists():
        if not create:
            raise FactcheckError(lazy("no store here yet: run 'factcheck add' or 'factcheck run' first"), path)
        if read_only:
            raise FactcheckError(lazy("no store here yet"), path)
        if not p.parent.exists():
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise FactcheckError(lazy("cannot create the store's folder: {reason}", reason=exc.strerror), path) from None
        if not os.access(p.parent, os.W_OK):
            raise FactcheckError(lazy("cannot create the store here (folder is not writable)"), path)
    elif p.is_dir():
        raise FactcheckError(lazy("is a directory, not a store file"), path)
    elif _locked_by_another(p):
        pass  # a store another process is writing (maybe still creating): _connect waits for its lock
    else:
        with open(p, "rb") as fh:
            head = fh.read(16)
        if len(head) >= 12 and head[8:12] != b"DUCK":
            raise FactcheckError(lazy("not a DuckDB database (is --db pointing at the right file?)"), path)
        if len(head) < 12 and p.stat().st_size > 0:
            raise FactcheckError(lazy("not a DuckDB database (is --db pointing at the right file?)"), path)
        if not read_only and not os.access(p, os.W_OK):
            raise FactcheckError(lazy("cannot write the store (file is read-only)"), path)
    con = _connect(path, read_only)
    store = Store(con, path)
    if not read_only:
        migrate(store)
    return store


def migrate(store: Store) -> int:
    """Bring the schema to SCHEMA_VERSION; returns the version found."""
    con = store.con
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    found = store.schema_version
    if found > SCHEMA_VERSION:
        raise FactcheckError(lazy("store has schema version {found}, newer than this release ({supported}); upgrade factcheck", found=found, supported=SCHEMA_VERSION), store.path)
    for version in range(found + 1, SCHEMA_VERSION + 1):
        with store.transaction():
            for stmt in MIGRATIONS[version]:
                if stmt.startswith("CREATE TABLE IF NOT EXISTS meta"):
                    continue
                con.execute(stmt)
            con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(version)],
            )
    return found
