"""Terminal tables line up by display width: Hangul takes two cells.

``sources`` and ``claims`` are rendered to a fixed-width terminal (COLUMNS)
and read back cell by cell (rich's ``cell_len``, wcwidth-style): every
column starts at the same display column on every line, each cell holds the
start of its value (cut with an ellipsis when long), and no line is wider
than the terminal. Piped output is plain: no colour, no box characters.
"""
import pytest
from conftest import SEED_000, SEED_001
from rich.cells import cell_len

from factcheck.tables import render_table

WIDTH = 100


def _at(line: str, col: int) -> str:
    """What ``line`` shows from display column ``col`` on."""
    pos = 0
    for i, ch in enumerate(line):
        if pos >= col:
            return line[i:]
        pos += cell_len(ch)
    return ""


def _starts(header: str, heads: list[str]) -> list[int]:
    out, i = [], 0
    for h in heads:
        i = header.index(h, i)
        out.append(cell_len(header[:i]))
        i += len(h)
    return out


def _assert_lined_up(text: str, heads: list[str], rows: list[list[str]]):
    lines = text.splitlines()
    assert len(lines) == len(rows) + 1
    assert all(cell_len(line) <= WIDTH for line in lines), [cell_len(x) for x in lines]
    assert "\x1b" not in text and not any(ch in text for ch in "│─┃━┏┓")  # plain when piped
    starts = _starts(lines[0], heads)
    assert starts[0] == 0
    for line, values in zip(lines[1:], rows):
        for k, (col, value) in enumerate(zip(starts, values)):
            if col > 0:  # the column is preceded by a gap on every line
                assert _at(line, col - 1)[:1] in (" ", ""), (line, heads[k])
            end = starts[k + 1] - 2 if k + 1 < len(starts) else None
            shown = _at(line, col)
            if end is not None:
                # the cell ends where the next column's gap begins
                cut, pos = "", col
                for ch in shown:
                    if pos + cell_len(ch) > end:
                        break
                    cut += ch
                    pos += cell_len(ch)
                shown = cut
            shown = shown.rstrip()
            value = (value or "").replace("\n", " ")
            if shown.endswith("…"):
                assert value.startswith(shown[:-1].rstrip()), (heads[k], shown, value)
                assert cell_len(value) > cell_len(shown) - 1
            else:
                assert shown == value, (heads[k], shown, value)


@pytest.fixture
def seeds(run):
    res = run("add", SEED_000, SEED_001)
    assert res.exit_code in (0, None), res.output
    return run


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_sources_line_up_by_display_width(seeds, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    rows = seeds.json("sources")["sources"]
    res = seeds("--lang", lang, "sources")
    cols = ["id", "path", "outlet", "published", "version", "sentences", "claims"]
    heads = res.stdout.splitlines()[0].split()
    assert len(heads) == len(cols)
    assert any(ord(ch) >= 0xAC00 for r in rows for ch in (r["outlet"] or ""))  # Korean outlets
    _assert_lined_up(res.stdout, heads, [[str(r[c]) if r[c] is not None else "" for c in cols] for r in rows])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_claims_line_up_by_display_width(seeds, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    rows = seeds.json("claims")["claims"]
    res = seeds("--lang", lang, "claims")
    cols = ["kind", "subject", "value", "as_of", "section", "path", "quote"]
    heads = res.stdout.splitlines()[0].split()
    assert len(heads) == len(cols)
    _assert_lined_up(res.stdout, heads, [[str(r[c]) if r[c] is not None else "" for c in cols] for r in rows])


def test_a_long_cell_is_cut_with_an_ellipsis_and_short_columns_stay():
    rows = [{"a": "가" * 80, "b": "x"}, {"a": "short", "b": "전홍범"}]
    text = render_table(rows, ["a", "b"], tty=False, width=40)
    lines = text.splitlines()
    assert all(cell_len(x) <= 40 for x in lines)
    assert "…" in lines[1] and lines[2].split()[-1] == "전홍범"
    assert render_table([], ["a"], tty=False) == ""


def test_check_findings_line_up_with_each_message_in_full(seeds, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    findings = seeds.json("check")["findings"]
    res = seeds("--lang", "ko", "check")
    lines = res.stdout.splitlines()
    rows = [lines[0]] + [lines[i] for i in range(1, len(lines), 2)]
    messages = [lines[i] for i in range(2, len(lines), 2)]
    heads = lines[0].split()
    assert len(heads) == 5 and len(messages) == len(findings)
    sev = {"error": "오류", "warning": "경고", "info": "참고"}
    _assert_lined_up("\n".join(rows), heads, [[sev[f["severity"]], f["id"], {"title": "직함", "member_count": "회원 수"}[f["attribute"]],
                                              f["subject"], " / ".join(f["values"])] for f in findings])
    ko = seeds.json("--lang", "ko", "check")["findings"]
    assert [m.strip() for m in messages] == [f["message"] for f in ko]  # never cut
