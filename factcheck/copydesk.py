"""Copy desk: check the articles given, on their own, in memory.

``factcheck check FILE...`` (or ``-`` for stdin) reads the files, runs the
same extraction, resolution and checks as a workspace over a DuckDB
``:memory:`` store, and maps every evidence span back to a line and column
of the file as given (front matter included), so an editor or a linter
runner lands on the span. Nothing is written: no ``claims/``, no store, no
report.

Columns are 1-based, counted in characters (code points, as VS Code, rustc
and ruff count them) or in UTF-8 bytes (``byte``, as Vim's quickfix and gcc
count them).
"""
from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import i18n
from .errors import FactcheckError
from .i18n import lazy
from .ingest.reader import RawSource, decode, read_bytes, read_file_bytes

STDIN = "<stdin>"


@dataclass
class Article:
    """One article read for the copy desk: what is stored, and the file as given."""

    source: RawSource
    original: str  # the decoded file (front matter, CR LF and all)
    suffix: str
    id: str = ""
    _lines: list[str] | None = None
    _norm: str | None = None
    _body: int | None = None

    @property
    def display(self) -> str:
        return self.source.path

    def span(self, start: int, end: int) -> dict:
        """Where ``text[start:end]`` of the stored text is in the file as
        given: ``line``, ``col``, ``end_line``, ``end_col`` (just past the
        span) and ``byte_col``, all 1-based."""
        if self._norm is None:
            from .ingest.reader import normalise

            self._norm = normalise(self.original)
            stored = self.source.text
            # the stored text is the normalised file with the front matter cut
            # off the top; HTML is not (trafilatura rewrites it): find the quote
            self._body = len(self._norm) - len(stored) if self._norm.endswith(stored) else None
            self._lines = self.original.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if self._body is None:
            return self._search(start, end)
        (line, col, bcol), (end_line, end_col, _) = (self._position(self._norm, self._body + at) for at in (start, end))
        return {"line": line, "col": col, "end_line": end_line, "end_col": end_col, "byte_col": bcol}

    def _position(self, text: str, pos: int) -> tuple[int, int, int]:
        """(line, character column, byte column) of ``text[pos]``, where
        ``text`` has the file's lines (``\n`` ends) but perhaps not its form."""
        line = text.count("\n", 0, pos) + 1
        prefix = text[text.rfind("\n", 0, pos) + 1 : pos]
        raw = self._lines[line - 1] if line <= len(self._lines) else ""
        if line == 1:
            raw = raw.lstrip("\ufeff")  # editors hide the byte order mark
        if raw.startswith(prefix):
            k = len(prefix)
        else:  # the file is not NFC (decomposed Hangul): the shortest raw prefix that normalises to it
            k = next((i for i in range(len(raw) + 1) if len(unicodedata.normalize("NFC", raw[:i])) >= len(prefix)), len(raw))
        return line, k + 1, len(raw[:k].encode("utf-8")) + 1

    def _search(self, start: int, end: int) -> dict:
        """HTML: the same occurrence of the quote in the page source (or the
        first), else line 1, column 1."""
        text, quote = self.source.text, self.source.text[start:end]
        raw = self.original.replace("\r\n", "\n").replace("\r", "\n")
        at = -1
        if quote:
            for _ in range(text.count(quote, 0, start) + 1):
                at = raw.find(quote, at + 1)
                if at < 0:
                    break
            if at < 0:
                at = raw.find(quote)
        if at < 0:
            return {"line": 1, "col": 1, "end_line": 1, "end_col": 1, "byte_col": 1}
        (line, col, bcol), (end_line, end_col, _) = (self._position(raw, p) for p in (at, at + len(quote)))
        return {"line": line, "col": col, "end_line": end_line, "end_col": end_col, "byte_col": bcol}


def read_articles(paths: Iterable[str], stdin: bytes | None = None) -> list[Article]:
    """Read every article given (files, folders, ``-``), or raise the errors.

    All inputs are read before anything is checked: any bad one is a
    FactcheckError (several are joined, one per line) and nothing is checked.
    """
    from .ingest.add import _files_under
    from .ingest.reader import MAX_BYTES

    articles: list[Article] = []
    errors: list[str] = []
    seen: set[str] = set()

    def one(data_path: Path | None, display: str) -> None:
        key = display if data_path is None else str(data_path.resolve())
        if key in seen:  # the same file named twice is one article
            return
        seen.add(key)
        try:
            if data_path is None:
                data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_BYTES + 1)
                suffix = ".txt"
            else:
                data = read_file_bytes(data_path, display)
                suffix = data_path.suffix.lower()
            src = read_bytes(data, display, suffix)
            original, _ = decode(data, display)
            articles.append(Article(src, original, suffix))
        except FactcheckError as exc:
            errors.append(i18n.error_text(exc))

    for raw in paths:
        if raw == "-":
            one(None, STDIN)
            continue
        p = Path(raw)
        if not p.exists():
            errors.append(i18n.error_text(FactcheckError(lazy("no such file or folder"), raw)))
        elif p.is_dir():
            try:
                found = _files_under(p)
            except OSError as exc:
                errors.append(i18n.error_text(FactcheckError(lazy("cannot read the folder: {reason}", reason=exc.strerror or str(exc)), raw)))
                continue
            if not found:
                errors.append(i18n.error_text(FactcheckError(lazy("folder has nothing readable (.txt, .md or .html files)"), raw)))
            for rel in found:
                one(p / rel, os.path.join(raw, rel) if raw not in (".", "./") else rel)
        else:  # any name: the reader decides whether it is an article
            one(p, raw)
    if errors:
        raise CopyDeskError(errors)
    return articles


class CopyDeskError(FactcheckError):
    """Bad input on the copy desk: one line per bad file."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        Exception.__init__(self, "\n".join(lines))

    def __reduce__(self):
        return (type(self), (self.lines,))


@dataclass
class CopyDeskResult:
    result: object  # checks.CheckResult
    articles: list[Article] = field(default_factory=list)

    @property
    def findings(self):
        return self.result.findings

    @property
    def summary(self) -> dict:
        return self.result.summary

    def failing(self, level: str):
        return self.result.failing(level)


def memory_store():
    """A Store in DuckDB ``:memory:`` with the current schema; it spills (if
    ever) to the system's temporary folder, never to the working folder."""
    import duckdb

    from .store.db import Store, migrate

    con = duckdb.connect(":memory:", config={"temp_directory": os.path.join(tempfile.gettempdir(), "factcheck-duckdb")})
    store = Store(con, ":memory:")
    migrate(store)
    return store


def check_articles(paths: Iterable[str], stdin: bytes | None = None) -> CopyDeskResult:
    """Check the given articles together, in memory; evidence gains
    ``line``/``col`` (and ``end_line``/``end_col``, ``byte_col``) in the file
    as given."""
    from .checks import check
    from .ingest.add import BATCH, AddResult, _write_batch, source_id_for
    from .ingest.gazetteer import Gazetteer, sync

    articles = read_articles(paths, stdin)
    store = memory_store()
    try:
        for a in articles:
            a.id = source_id_for(a.display, a.source.content_hash)
        batch = [(a.source, None, a.id, None, None) for a in articles]
        gaz = Gazetteer(store)
        for at in range(0, len(batch), BATCH):  # as add does: memory bounded by the batch
            _write_batch(lambda: store, batch[at : at + BATCH], AddResult(), gaz=gaz)  # extracted here: one process
        sync(store, gaz)  # names one article confirms, in the others
        result = check(store, "copydesk", len(articles), 0, full=True)
    finally:
        store.close()
    result.summary["recomputed"] = "all (in memory)"
    result.findings = list(result.findings)  # a few articles' findings, given places in the files below
    by_id = {a.id: a for a in articles}
    for f in result.findings:
        for ev in f.evidence:
            art = by_id.get(ev.get("source"))
            if art is None:
                continue
            if ev.get("quote") is None:
                ev["quote"] = art.source.text[ev["start"] : ev["end"]]
            ev.update(art.span(ev["start"], ev["end"]))
    return CopyDeskResult(result, articles)


SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def lines(res: CopyDeskResult, columns: str = "char", colour: bool = False) -> list[str]:
    """One line per finding and evidence location, as linters print them:
    ``path:line:col: severity: message "quote" [kind]``, sorted by file and
    position."""
    out: list[tuple[tuple, str]] = []
    for f in res.findings:
        for ev in f.evidence:
            if "line" not in ev:
                continue
            col = ev["byte_col"] if columns == "byte" else ev["col"]
            quote = ev.get("quote") or ""
            sev = f.severity
            if colour:
                import click

                sev = click.style(sev, fg=SEVERITY_COLOUR.get(sev), bold=True)
            flag = i18n._(" (acknowledged)") if f.acknowledged else ""
            text = f'{ev["path"]}:{ev["line"]}:{col}: {sev}: {_one_line(f.text())} "{_one_line(quote)}"{flag} [{f.kind}]'
            out.append(((ev["path"], ev["line"], col, f.kind, f.id), text))
    return [t for _, t in sorted(out, key=lambda x: x[0])]


def _one_line(s: str) -> str:
    return " ".join(str(s).split())


def markdown(res: CopyDeskResult) -> str:
    """The Markdown report of the store, with each evidence path as path:line:col."""
    import copy

    from .report import render

    shown = copy.copy(res.result)
    shown.findings = []
    for f in res.findings:
        g = copy.copy(f)
        g.evidence = [dict(ev, path=f'{ev["path"]}:{ev["line"]}:{ev["col"]}') if "line" in ev else ev for ev in f.evidence]
        shown.findings.append(g)
    sources = [{"id": a.id, "path": a.display, "outlet": a.source.outlet, "published": a.source.published,
                "title": a.source.title} for a in res.articles]
    return render.to_markdown(shown, sources)
