"""Terminal tables that line up: columns sized by display width.

Hangul and other East Asian wide characters take two terminal cells; rich's
``Table`` measures cells that way (``rich.cells.cell_len``), so a column of
Korean names lines up with a column of Latin ones. Long cells are cut with an
ellipsis. When stdout is not a terminal the table is plain text: no colour,
no box characters, no trailing spaces, as wide as its content (``COLUMNS``
caps it when set), so it can be piped to ``grep`` or ``cut``.
"""
from __future__ import annotations

import io
import os
import sys

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

MAX_CELL = 60  # display cells: a longer cell is cut with an ellipsis
MIN_CELL = 12  # a narrow terminal cuts no column below this (or its header)
UNBOUNDED = 100_000


def _width(tty: bool) -> int:
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    if tty:
        return Console().width
    return UNBOUNDED


def _fit(natural: list[int], head: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` cells: every column at most MAX_CELL;
    while too wide, the widest column gives up a cell, never below MIN_CELL
    (or its header), so a narrow terminal cuts paths and quotes and hides
    no short column."""
    widths = [min(n, MAX_CELL) for n in natural]
    floor = [min(w, max(h, MIN_CELL)) for w, h in zip(widths, head)]
    room = total - 2 * (len(widths) - 1)  # two spaces between columns
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k], widths[k]))
        if widths[i] <= floor[i]:
            break
        widths[i] -= 1
    return widths


def render_table(rows: list[dict], cols: list[str], headers: list[str] | None = None,
                 tty: bool | None = None, width: int | None = None) -> str:
    """``rows`` as a table of ``cols`` (labelled ``headers``); "" when no rows.

    ``tty``: decorate for a terminal (a bold header); by
    default, whether stdout is one. ``width``: the total width in cells (the
    terminal's, or ``COLUMNS``); columns shrink to fit, widest first.
    """
    if not rows:
        return ""
    if tty is None:
        tty = sys.stdout.isatty()
    table = Table(box=None, show_edge=False, pad_edge=False, expand=False,
                  header_style="bold" if tty else None, padding=(0, 1))
    cells = [[("" if r.get(c) is None else str(r.get(c))).replace("\n", " ").replace("\t", " ") for c in cols] for r in rows]
    heads = headers or cols
    widths = _fit([max(cell_len(h), *(cell_len(row[i]) for row in cells)) for i, h in enumerate(heads)],
                  [cell_len(h) for h in heads], width or _width(tty))
    for head, w in zip(heads, widths):
        table.add_column(head, no_wrap=True, overflow="ellipsis", width=w)
    for row in cells:
        table.add_row(*row)
    buf = io.StringIO()
    console = Console(file=buf, width=UNBOUNDED, force_terminal=tty, color_system="standard" if tty else None,
                      no_color=not tty, highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False)
    console.print(table)
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines())
