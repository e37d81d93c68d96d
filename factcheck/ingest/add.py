"""``add``: discover files, read the new or changed ones, store them.

- Unchanged files are skipped without being read when size and mtime match
  what the store recorded, and by content hash otherwise.
- A changed file becomes a new version of its source (the old version is
  listed in ``source_versions``; its sentences and claims are replaced).
- Sources go through spaCy in batches (``nlp.pipe``) and are written a batch
  at a time (with ``--jobs`` above 1, the batches the workers have finished
  together), each write one transaction, bulk through Arrow: a source is
  either fully stored or not at all, even if the process is killed.
- Bad files are named with the reason; good files are still stored.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from ..errors import FactcheckError
from ..i18n import lazy
from ..seq import IndexedSequence
from ..store.db import Store
from .reader import MAX_BYTES, SUFFIXES, RawSource, read_bytes, read_path

# sources per batch (one transaction each): at 32 the writing process spent
# most of its time in DuckDB's per-insert overhead (7 tables a batch) while
# the workers waited; 64 halves that (8,000 synthetic sources on 2 idle cores:
# --jobs 2 took 12.2-12.3 s at 32, 10.6-11.2 s at 64; --jobs 1 17.3 s and
# 15.9-16.0 s: 1.41x then 1.43-1.50x)
BATCH = 64
# DuckDB's memory while add writes: its cache of the store's pages would
# otherwise grow with the store (20,000 sources, --jobs 2, no indexes by
# source: the writing process peaked at 386 MB with 128 MB, 319 MB with 64)
ADD_MEMORY = "64MB"
WORKER_BATCHES = 125  # a worker is replaced after this many batches (8,000 sources): spaCy's vocabulary and the word caches grow with every new word


@dataclass
class AddResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[FactcheckError] = field(default_factory=list)

    @property
    def read(self) -> int:
        return len(self.added) + len(self.updated)


def workspace_root(db: str | os.PathLike) -> Path:
    """The folder a store's source paths are relative to.

    A workspace keeps its store in ``claims/``; paths are stored relative to
    the folder above it ("sources/a.txt"), so a file is the same source
    whichever folder the command is run from.
    """
    parent = Path(db).resolve().parent
    return parent.parent if parent.name == "claims" else parent


def display_path(p: Path, root: Path | None = None) -> str:
    """How a file is named in the store: relative to the workspace root when
    inside it, absolute otherwise."""
    root = (root or Path.cwd()).resolve()
    try:
        return p.resolve().relative_to(root).as_posix()
    except ValueError:
        return p.resolve().as_posix()


class FileList(IndexedSequence):
    """What ``discover`` found: (path, display name) pairs, made as they are
    read. A folder's files are kept as their names relative to it: a Path
    object and a name for each of 100,000 files grew the writing process
    with the corpus (about 10 MB of Python at 20,000 files)."""

    _what = "file"

    def __init__(self) -> None:
        self._runs: list[tuple[Path | None, str, list[str] | None]] = []  # (path, display, None) or (folder, prefix, names)
        self._ends: list[int] = []

    def append(self, item: tuple[Path | None, str]) -> None:
        self._runs.append((item[0], item[1], None))
        self._ends.append(len(self) + 1)

    def add_folder(self, folder: Path, prefix: str, names: list[str]) -> None:
        self._runs.append((folder, prefix, names))
        self._ends.append(len(self) + len(names))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __iter__(self) -> Iterator[tuple[Path | None, str]]:
        for base, name, names in self._runs:
            if names is None:
                yield base, name
            else:
                for rel in names:
                    yield base / rel, name + rel

    def _item(self, i: int) -> tuple[Path | None, str]:
        run = bisect_right(self._ends, i)
        base, name, names = self._runs[run]
        if names is None:
            return base, name
        rel = names[i - (self._ends[run - 1] if run else 0)]
        return base / rel, name + rel


def discover(paths: Iterable[str], root: Path | None = None) -> FileList:
    """Files to read: (path, display name); (None, '<stdin>') for '-'."""
    out = FileList()
    base = (root or Path.cwd()).resolve()
    for raw in paths:
        if raw == "-":
            out.append((None, "<stdin>"))
            continue
        p = Path(raw)
        if not p.exists():
            raise FactcheckError(lazy("no such file or folder"), raw)
        if p.is_dir():
            folder = p.resolve()
            try:
                found = _files_under(folder)
            except OSError as exc:
                raise FactcheckError(lazy("cannot read the folder: {reason}", reason=exc.strerror or str(exc)), raw) from None
            if not found:
                raise FactcheckError(lazy("folder has nothing readable (.txt, .md or .html files)"), raw)
            try:
                prefix = folder.relative_to(base).as_posix()
            except ValueError:
                prefix = folder.as_posix()
            prefix = "" if prefix == "." else prefix + "/"
            out.add_folder(folder, prefix, found)
        else:
            out.append((p, display_path(p, root)))
    return out


def _files_under(folder: Path) -> list[str]:
    """Readable files under ``folder`` (relative, '/'-separated, sorted),
    skipping hidden files and folders. One scandir per folder: a store of
    thousands of sources is listed in milliseconds on every run."""
    found: list[str] = []
    stack = [("", str(folder))]
    while stack:
        rel, path = stack.pop()
        try:
            entries = os.scandir(path)
        except OSError:
            if not rel:
                raise  # the folder asked for: the caller says so
            continue  # an unreadable folder inside it is passed over
        with entries:
            for e in entries:
                if e.name.startswith("."):
                    continue
                if e.is_dir(follow_symlinks=False):
                    stack.append((rel + e.name + "/", e.path))
                elif os.path.splitext(e.name)[1].lower() in SUFFIXES and e.is_file():
                    found.append(rel + e.name)
    return sorted(found, key=lambda r: r.replace("/", "\0"))  # by path parts


def source_id_for(display: str, data_hash: str | None = None) -> str:
    key = display if display != "<stdin>" else f"stdin:{data_hash}"
    return "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:11]


def claim_id(source_id: str, kind: str, start: int, end: int, value: str) -> str:
    return "c" + hashlib.sha1(f"{source_id}|{kind}|{start}|{end}|{value}".encode()).hexdigest()[:15]


def add(
    open_store: Callable[[], Store],
    paths: Iterable[str],
    overrides: dict | None = None,
    progress: Callable[[int, int], None] | None = None,
    stdin: bytes | None = None,
    batch_size: int = BATCH,
    store_exists: bool = True,
    root: Path | None = None,
    jobs: int | None = None,
) -> AddResult:
    """Read what is new or changed under ``paths`` and store it. ``jobs``:
    processes that extract claims (default: every core). With one, this
    process reads, extracts and writes, one batch per transaction; with more,
    the workers read the files too and this process lists and writes."""
    files = discover(paths, root)
    result = AddResult()
    store: Store | None = None
    known: dict[str, dict] = {}

    def get_store() -> Store:
        nonlocal store, known
        if store is None:
            store = open_store()
            store.sql(f"SET memory_limit = '{ADD_MEMORY}'")
            for row in store.rows("SELECT id, path, content_hash, size, mtime, version FROM sources"):
                known[row["path"]] = row
        return store

    if store_exists:
        get_store()  # raises early for a locked or foreign store
    batches = _Batches(get_store, result, jobs, overrides, progress, len(files))
    try:
        if batches.jobs == 1:
            _read_all(files, known, overrides, stdin, result, progress, batches, batch_size)
        else:
            _list_all(files, known, overrides, stdin, result, batches, batch_size)
    except BaseException:
        batches.abandon()
        raise
    batches.finish()
    if store is not None:
        from .gazetteer import sync

        sync(store, batches.gazetteer(store))  # sources the new names concern are extracted again
    return result


def _read_all(files, known: dict, overrides, stdin, result: AddResult, progress, batches: _Batches, batch_size: int) -> None:
    """Read each new or changed file and hand the sources on a batch at a time."""
    pending: list[tuple[RawSource, dict | None, str, float | None, int | None]] = []
    done = 0
    for path, display in files:
        try:
            if path is None:
                data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to refuse, never more
                src = read_bytes(data, display, ".txt", overrides)
                sid = source_id_for(display, src.content_hash)
                prev = next((r for r in known.values() if r["id"] == sid), None)
                if prev:
                    result.skipped.append(display)
                    continue
                pending.append((src, None, sid, None, len(data)))
            else:
                st = path.stat() if path.exists() else None
                prev = known.get(display)
                if prev and st and prev["size"] == st.st_size and prev["mtime"] == st.st_mtime and not overrides:
                    result.skipped.append(display)
                    continue
                src = read_path(path, display, overrides)
                if prev and prev["content_hash"] == src.content_hash and not overrides:
                    result.skipped.append(display)
                    continue
                pending.append((src, prev, prev["id"] if prev else source_id_for(display), st.st_mtime if st else None, st.st_size if st else None))
        except FactcheckError as exc:
            result.errors.append(exc)
        finally:
            done += 1
            if progress:
                progress(done, len(files))
        if len(pending) >= batch_size:
            batches.submit(pending)
            pending = []
    if pending:
        batches.submit(pending)


def _list_all(files, known: dict, overrides, stdin, result: AddResult, batches: _Batches, batch_size: int) -> None:
    """``_read_all`` for ``--jobs`` above 1: this process only lists what may
    be new or changed (a size and mtime that differ from the store's); the
    workers read and decode the files, skip those whose content hash is
    unchanged, extract and make the batch's columns (``read_and_extract``).
    The writing process then only writes: it used to read every file and
    build every row itself, which kept it busy while the workers waited."""
    pending: list[tuple] = []
    for path, display in files:
        if path is None:
            try:
                data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to refuse, never more
                src = read_bytes(data, display, ".txt", overrides)
            except FactcheckError as exc:
                result.errors.append(exc)
                batches.tick()
                continue
            sid = source_id_for(display, src.content_hash)
            if any(r["id"] == sid for r in known.values()):
                result.skipped.append(display)
                batches.tick()
                continue
            pending.append((src, display, None, sid, None, len(data)))
        else:
            try:
                st = path.stat()
            except OSError:
                st = None  # reading it says why
            prev = known.get(display)
            if prev and st and prev["size"] == st.st_size and prev["mtime"] == st.st_mtime and not overrides:
                result.skipped.append(display)
                batches.tick()
                continue
            prev = {"id": prev["id"], "content_hash": prev["content_hash"], "version": prev["version"]} if prev else None
            pending.append((str(path), display, prev, prev["id"] if prev else source_id_for(display), st.st_mtime if st else None, st.st_size if st else None))
        if len(pending) >= batch_size:
            batches.submit(pending)
            pending = []
    if pending:
        batches.submit(pending)


def read_and_extract(items: list[tuple], overrides: dict | None) -> tuple[list, dict, list[str]]:
    """A batch of ``_list_all``'s items, each with the names other sources
    confirm, read, extracted and made into columns (in a worker, or in
    the writing process while the workers start). Returns, per item, what
    became of it (its display name when stored, ``None`` when its content
    was unchanged, the FactcheckError when it could not be read), the
    columns of each table (``_build_tables``) and the ids of the stored
    sources it replaces."""
    outcome: list = []
    batch, orgs = [], []
    for what, display, prev, sid, mtime, size, names in items:
        if isinstance(what, RawSource):
            src = what
        else:
            try:
                src = read_path(Path(what), display, overrides)
            except FactcheckError as exc:
                outcome.append(exc)
                continue
            if prev and prev["content_hash"] == src.content_hash and not overrides:
                outcome.append(None)
                continue
        outcome.append(display)
        batch.append((src, prev, sid, mtime, size))
        orgs.append(names)
    extracted = extract_batch([(src.text, src.published, src.title, o) for (src, *_), o in zip(batch, orgs)]) if batch else []
    columns, history = _build_tables(batch, extracted, None)
    return outcome, columns, history


class _Batches:
    """Batches of sources on their way to the store: extracted by ``jobs``
    worker processes (spawned once a second batch shows there is more than
    one), stored here, by this process only, the batches that are ready
    together in one transaction, so a kill leaves whole sources only. At
    most two batches per worker are in flight (memory is bounded by the
    batch size); this process waits for the workers when they are behind,
    even while they load the pipeline (it used to extract batches itself
    meanwhile, loading a pipeline of its own: a third process on two busy
    cores)."""

    def __init__(self, get_store: Callable[[], Store], result: AddResult, jobs: int | None, overrides: dict | None = None,
                 progress: Callable[[int, int], None] | None = None, total: int = 0):
        self.get_store, self.result = get_store, result
        self.jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
        self.overrides, self.progress, self.total, self.done = overrides, progress, total, 0
        self.pool = None
        self.held: list | None = None
        self.inflight: deque = deque()
        self.gaz = None

    def gazetteer(self, store: Store):
        """The store's gazetteer, loaded once and kept up to date batch by batch."""
        if self.gaz is None:
            from .gazetteer import Gazetteer

            self.gaz = Gazetteer(store)
        return self.gaz

    def tick(self, n: int = 1) -> None:
        """``n`` more files dealt with (``--jobs`` above 1: when skipped, or when their batch is stored)."""
        self.done += n
        if self.progress:
            self.progress(self.done, self.total)

    def submit(self, batch: list) -> None:
        if self.jobs == 1:
            return _write_batch(self.get_store, batch, self.result, gaz=self.gazetteer(self.get_store()))
        if self.pool is None:
            if self.held is None:  # one batch alone (a re-run adding a source) never starts the workers
                self.held = batch
                return
            self._start()
            first, self.held = self.held, None
            self._send(first)
        self._send(batch)

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawned, not forked: the store's connection and its threads stay here
        self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_worker, initargs=(os.getpid(),),
                                        max_tasks_per_child=WORKER_BATCHES)

    def _with_names(self, batch: list) -> list[tuple]:
        store = self.get_store()
        names = self.gazetteer(store).for_sources(store, [prev["id"] if prev else None for _w, _d, prev, *_ in batch])
        return [(*item, n) for item, n in zip(batch, names)]

    def _here(self, batch: list) -> None:
        """Read, extract and store a batch in this process."""
        self._store([(batch, read_and_extract(self._with_names(batch), self.overrides))])

    def _send(self, batch: list) -> None:
        self._drain(block=False)
        if len(self.inflight) >= 2 * self.jobs:
            self._drain(block=True, at_most=1)  # it waits for them, even while they load the pipeline: a third extractor on two busy cores only slows them down
        self.inflight.append((batch, self.pool.submit(read_and_extract, self._with_names(batch), self.overrides)))

    def _drain(self, block: bool, at_most: int | None = None) -> None:
        """Store the batches the workers have finished, in order; those
        finished together in one transaction."""
        ready = []
        while self.inflight and (block or self.inflight[0][1].done()) and at_most != 0:
            batch, future = self.inflight.popleft()
            ready.append((batch, future.result()))
            at_most = None if at_most is None else at_most - 1
            if block and at_most is None and len(ready) >= 2 * self.jobs:
                self._store(ready)
                ready = []
        if ready:
            self._store(ready)

    def _store(self, done: list) -> None:
        """Store batches read by ``read_and_extract``, in one transaction."""
        store = self.get_store()
        columns = _merged([cols for _b, (_o, cols, _h) in done])
        now = datetime.now()
        columns["sources"]["added_at"] = [now] * len(columns["sources"]["id"])  # stored now (made in a worker)
        _store_tables(store, columns, [sid for _b, (_o, _t, h) in done for sid in h], self.gazetteer(store), now)
        for batch, (outcome, _t, _h) in done:
            for (_w, display, prev, *_), what in zip(batch, outcome):
                if what is None:
                    self.result.skipped.append(display)
                elif isinstance(what, FactcheckError):
                    self.result.errors.append(what)
                else:
                    (self.result.updated if prev else self.result.added).append(what)
            self.tick(len(batch))

    def finish(self) -> None:
        try:
            if self.held is not None:
                batch, self.held = self.held, None
                self._here(batch)
            self._drain(block=True)
        finally:
            self.abandon()

    def abandon(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.inflight.clear()


def _warm_worker(parent: int) -> None:
    """A worker loads the pipeline once, and ends when the process that
    started it is gone (killed: nothing would ever ask it for work again)."""
    import atexit
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    # once its work is done, a worker ends without taking the pipeline apart
    # (freeing spaCy's objects one by one took about a second at the end of
    # every add --jobs); registered last, this runs first at exit
    atexit.register(os._exit, 0)
    from ..nlp.pipeline import build_nlp

    build_nlp()


def _items(store: Store, batch, gaz) -> list[tuple]:
    """What extraction needs of each source of a batch: text, date, title and
    the organisation names other sources confirmed."""
    orgs = gaz.for_sources(store, [sid if prev else None for _src, prev, sid, *_ in batch])
    return [(src.text, src.published, src.title, o) for (src, *_), o in zip(batch, orgs)]


def extract_batch(items: list[tuple], confirm: bool = True) -> list[tuple[list, list, list, list, list]]:
    """Extraction of (text, published, title, orgs) items: per item its
    sentence rows, claim rows (without the ids that depend on the source),
    alias edges, organisation confirmations (the gazetteer's rows) and the
    gazetteer's answers it used, as plain data. A pure function of the texts
    and the names: it runs in this process or in a worker (``add --jobs``)."""
    from ..nlp.pipeline import process

    out = []
    for (text, *_rest), doc in zip(items, process(items, batch_size=len(items), confirm=confirm)):
        sentences = doc._.fc_sentences or []
        sent_rows = [{"idx": s.idx, "start": s.start, "end": s.end, "section": s.section, "repeat_of": s.repeat_of,
                      "text": text[s.start:s.end]} for s in sentences]
        claim_rows = []
        for c in doc._.fc_claims or []:
            sent = sentences[c.sentence_idx]
            d = c.detail
            claim_rows.append({
                "kind": c.kind, "subject": c.subject, "value": c.value, "start": c.start, "end": c.end,
                "quote": text[c.start:c.end], "sentence_idx": c.sentence_idx,
                "sentence_start": sent.start, "sentence_end": sent.end, "section": d.get("section", sent.section),
                "as_of": c.as_of, "as_of_precision": c.as_of_precision,
                "org": d.get("org"), "role": d.get("role"), "rank": d.get("rank"), "grp": d.get("group"),
                "count": d.get("count") if c.kind == "member_count" else d.get("stated_count"),
                "detail": json.dumps(d, ensure_ascii=False, default=str),
            })
        org_rows = [{"name": e.name, "start": e.start, "end": e.end, "how": e.how} for e in doc._.fc_org_evidence or []]
        lookups = sorted((doc._.fc_org_lookups or {}).items())
        out.append((sent_rows, claim_rows, list(doc._.fc_aliases or []), org_rows, lookups))
    return out


def claim_rows_for(sid: str, claims: list[dict]) -> list[dict]:
    return [{"id": claim_id(sid, c["kind"], c["start"], c["end"], c["value"]), "source_id": sid, **c} for c in claims]


def _write_batch(get_store: Callable[[], Store], batch, result: AddResult, extracted: list | None = None, gaz=None) -> None:
    """Store one batch of sources in one transaction (extracting them here
    unless a worker did). The store is opened once the first batch is
    ready, not before. ``gaz``: the store's gazetteer (ingest/gazetteer.py),
    told which confirmations came and went."""
    store = get_store()
    if gaz is None:
        from .gazetteer import Gazetteer

        gaz = Gazetteer(store)
    if extracted is None:
        extracted = extract_batch(_items(store, batch, gaz))
    now = datetime.now()
    columns, history = _build_tables(batch, extracted, now)
    _store_tables(store, columns, history, gaz, now)
    for (src, prev, *_rest) in batch:
        (result.updated if prev else result.added).append(src.path)


def _build_tables(batch, extracted: list, now: datetime | None) -> tuple[dict, list[str]]:
    """The columns of each table for a batch of sources and their
    extraction, and the ids of the stored sources they replace."""
    src_rows, sent_rows, claim_rows, alias_rows, history = [], [], [], [], []
    org_rows, lookup_rows = [], []
    for (src, prev, sid, mtime, size), (sentences, claims, aliases, orgs, lookups) in zip(batch, extracted):
        version = (prev["version"] + 1) if prev else 1
        if prev:
            history.append(sid)
        src_rows.append({
            "id": sid, "path": src.path, "version": version, "content_hash": src.content_hash,
            "size": size, "mtime": mtime, "text": src.text, "outlet": src.outlet,
            "published": src.published, "published_origin": src.published_origin, "url": src.url,
            "title": src.title, "encoding": src.encoding, "added_at": now,
        })
        for s in sentences:
            sent_rows.append({"source_id": sid, **s})
        claim_rows += claim_rows_for(sid, claims)
        for kind, a, b, method in aliases:
            alias_rows.append({"source_id": sid, "kind": kind, "a": a, "b": b, "method": method})
        org_rows += [{"source_id": sid, **o} for o in orgs]
        lookup_rows += [{"source_id": sid, "name": n, "found": f} for n, f in lookups]
    return {
        "sources": _columns(src_rows, "sources"), "sentences": _columns(sent_rows, "sentences"), "claims": _columns(claim_rows, "claims"),
        "alias_edges": _columns(alias_rows, "alias_edges"), "org_names": _columns(org_rows, "org_names"),
        "org_lookups": _columns(lookup_rows, "org_lookups"),
    }, history


def _merged(parts: list[dict]) -> dict:
    """The columns of several batches as one."""
    if len(parts) == 1:
        return parts[0]
    out = {}
    for table, cols in parts[0].items():
        out[table] = {name: [v for p in parts for v in p[table][name]] for name in cols}
    return out


def _store_tables(store: Store, columns: dict, history: list[str], gaz, now: datetime) -> None:
    """Write one or more batches' columns in one transaction: a kill leaves
    whole sources only. ``history``: stored sources they replace."""
    import pyarrow as pa

    from .gazetteer import removed_pairs

    tables = {table: _arrow(cols, table) for table, cols in columns.items()}
    with store.transaction():
        gone = []
        if history:
            ids = history
            store.sql(
                "INSERT INTO source_versions SELECT id, version, content_hash, path, added_at, ? FROM sources WHERE id IN (SELECT unnest(?))",
                [now, ids],
            )
            gone = removed_pairs(store, ids)
            for table, col in (("sentences", "source_id"), ("claims", "source_id"), ("alias_edges", "source_id"),
                               ("org_names", "source_id"), ("org_lookups", "source_id"), ("sources", "id")):
                store.sql(f"DELETE FROM {table} WHERE {col} IN (SELECT unnest(?))", [ids])
            store.needs_full_check()  # claims were replaced: findings of the old ones may go
        for table in ("sources", "sentences", "claims", "alias_edges", "org_names", "org_lookups"):
            store.insert_arrow(table, tables[table])
        store.insert_arrow("pending", pa.table({"source_id": tables["sources"].column("id")}))
        gaz.changed(store, gone, zip(columns["org_names"]["source_id"], columns["org_names"]["name"]))


# the columns of each table ``add`` writes, with their Arrow types (by name:
# a worker makes the columns without importing pyarrow, 44 MB of it)
COLUMNS = {
    "sources": (("id", "string"), ("path", "string"), ("version", "int32"), ("content_hash", "string"),
                ("size", "int64"), ("mtime", "float64"), ("text", "string"), ("outlet", "string"),
                ("published", "date32"), ("published_origin", "string"), ("url", "string"), ("title", "string"),
                ("encoding", "string"), ("added_at", "timestamp")),
    "sentences": (("source_id", "string"), ("idx", "int32"), ("start", "int32"), ("end", "int32"),
                  ("section", "string"), ("repeat_of", "int32"), ("text", "string")),
    "claims": (("id", "string"), ("source_id", "string"), ("kind", "string"), ("subject", "string"),
               ("value", "string"), ("start", "int32"), ("end", "int32"), ("quote", "string"),
               ("sentence_idx", "int32"), ("sentence_start", "int32"), ("sentence_end", "int32"),
               ("section", "string"), ("as_of", "date32"), ("as_of_precision", "string"),
               ("org", "string"), ("role", "string"), ("rank", "string"), ("grp", "string"),
               ("count", "int32"), ("detail", "string")),
    "alias_edges": (("source_id", "string"), ("kind", "string"), ("a", "string"), ("b", "string"), ("method", "string")),
    "org_names": (("name", "string"), ("source_id", "string"), ("start", "int32"), ("end", "int32"), ("how", "string")),
    "org_lookups": (("source_id", "string"), ("name", "string"), ("found", "bool")),
}


@cache
def _schemas() -> dict:
    """The Arrow schema of each table ``add`` writes (built on first use:
    commands that only read never import pyarrow)."""
    import pyarrow as pa

    types = {"timestamp": pa.timestamp("us"), "bool": pa.bool_()}
    return {table: pa.schema([(name, types.get(t) or getattr(pa, t)()) for name, t in cols]) for table, cols in COLUMNS.items()}


def _columns(rows: list[dict], table: str) -> dict[str, list]:
    """Rows as the table's columns (plain lists, cheap to send from a worker)."""
    return {name: [r.get(name) for r in rows] for name, _t in COLUMNS[table]}


def _arrow(columns: dict[str, list], table: str):
    """A table's columns as Arrow, converted in C, no Python per row."""
    import pyarrow as pa

    return pa.table(columns, schema=_schemas()[table])


def _table(rows: list[dict], table: str):
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=_schemas()[table])
