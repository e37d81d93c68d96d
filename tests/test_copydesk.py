"""Copy desk: ``factcheck check FILE...`` checks articles in memory, with no
workspace, and prints findings the way editors and linters read them.

The main tests run the INSTALLED console script as a subprocess, in an empty
temporary folder, and assert that nothing was written there.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import SEED_000, SEED_001

FACTCHECK = Path(sys.executable).parent / "factcheck"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): (?P<msg>.*) \[(?P<kind>[a-z_]+)\]$")
JEON_QUOTES = {"KT AI·DX융합사업부문장 전홍범 부사장", "전홍범 KT AI·DX사업부문장 부사장"}


def cli(*args, cwd, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    assert FACTCHECK.exists(), f"console script not installed at {FACTCHECK}"
    full_env = {**os.environ, "FACTCHECK_DB": str(Path(cwd) / "claims" / "factcheck.duckdb"), **(env or {})}
    full_env.pop("NO_COLOR", None)
    return subprocess.run([str(FACTCHECK), *map(str, args)], cwd=cwd, env=full_env, input=stdin, capture_output=True, timeout=120)


def tree(folder: Path) -> list[tuple[str, int]]:
    """Every file and folder under ``folder`` with its size: nothing may appear."""
    return sorted((str(p.relative_to(folder)), p.stat().st_size if p.is_file() else -1) for p in folder.rglob("*"))


def parsed(stdout: bytes) -> list[dict]:
    out = []
    for line in stdout.decode("utf-8").splitlines():
        m = LINE.match(line)
        assert m, f"not path:line:col: severity: message [kind]: {line!r}"
        d = m.groupdict()
        d["line"], d["col"] = int(d["line"]), int(d["col"])
        q = re.search(r'"([^"]*)"(?: \(acknowledged\))?$', d["msg"])
        d["quote"] = q.group(1) if q else None
        out.append(d)
    return out


def file_lines(path: Path, encoding="utf-8") -> list[str]:
    return path.read_text(encoding=encoding).replace("\r\n", "\n").replace("\r", "\n").split("\n")


@pytest.fixture
def desk(tmp_path):
    """An empty folder with one seed copied in: no workspace, no store."""
    shutil.copy(SEED_000, tmp_path / "article.txt")
    return tmp_path


def test_one_seed_alone_finds_jeon_at_the_right_line_and_column(desk):
    before = tree(desk)
    res = cli("check", "--fail-on", "warning", "article.txt", cwd=desk)
    assert res.returncode == 1, res.stderr.decode()
    assert "\x1b[" not in res.stdout.decode()  # plain when piped
    got = [d for d in parsed(res.stdout) if "전홍범" in d["msg"]]
    assert {d["quote"] for d in got} == JEON_QUOTES
    lines = file_lines(desk / "article.txt")  # front matter included: line numbers as an editor shows them
    for d in got:
        assert d["path"] == "article.txt" and d["sev"] == "warning" and d["kind"] == "title_variant"
        assert lines[d["line"] - 1][d["col"] - 1 :].startswith(d["quote"]), d
    assert sorted((d["line"], d["col"]) for d in got) == [(24, 106), (42, 1)]
    assert tree(desk) == before  # no claims/, no store, no report, nothing
    assert not (desk / "claims").exists()


def test_default_fail_on_error_exits_0_and_the_summary_goes_to_stderr(desk):
    res = cli("check", "article.txt", cwd=desk)
    assert res.returncode == 0
    assert "1 file, " in res.stderr.decode() and "1 warnings" in res.stderr.decode()
    assert "file," not in res.stdout.decode()


def test_byte_columns_for_vim(desk):
    res = cli("check", "--columns", "byte", "article.txt", cwd=desk)
    raw = (desk / "article.txt").read_bytes().split(b"\n")
    got = [d for d in parsed(res.stdout) if "전홍범" in d["msg"]]
    assert len(got) == 2
    for d in got:
        assert raw[d["line"] - 1][d["col"] - 1 :].decode("utf-8").startswith(d["quote"])


def test_json_as_for_the_store_with_line_and_col(desk):
    before = tree(desk)
    res = cli("check", "--format", "json", "article.txt", cwd=desk)
    out = json.loads(res.stdout)
    assert set(out) >= {"findings", "summary"}
    assert out["summary"]["sources"] == 1 and out["summary"]["warnings"] >= 1
    lines = file_lines(desk / "article.txt")
    for f in out["findings"]:
        assert set(f) >= {"id", "kind", "attribute", "severity", "subject", "values", "message", "status", "evidence"}
        for ev in f["evidence"]:
            assert ev["path"] == "article.txt"
            assert lines[ev["line"] - 1][ev["col"] - 1 :].startswith(ev["quote"])
            if ev["end_line"] == ev["line"]:
                assert lines[ev["line"] - 1][ev["col"] - 1 : ev["end_col"] - 1] == ev["quote"]
            assert ev["sentence"][ev["start"] - ev["sentence_start"] : ev["end"] - ev["sentence_start"]] == ev["quote"]
    jeon = next(f for f in out["findings"] if f["subject"] == "전홍범")
    assert jeon["kind"] == "title_variant" and {ev["quote"] for ev in jeon["evidence"]} == JEON_QUOTES
    assert tree(desk) == before


def test_markdown(desk):
    res = cli("check", "--format", "markdown", "article.txt", cwd=desk)
    md = res.stdout.decode()
    assert "전홍범" in md and "article.txt:24:106" in md and "article.txt:42:1" in md


def test_stdin(desk):
    res = cli("check", "-", "--fail-on", "warning", cwd=desk, stdin=SEED_000.read_bytes())
    assert res.returncode == 1
    got = [d for d in parsed(res.stdout) if "전홍범" in d["msg"]]
    assert {(d["path"], d["line"], d["col"]) for d in got} == {("<stdin>", 24, 106), ("<stdin>", 42, 1)}


def test_two_seeds_together_give_the_workspace_findings(desk, run):
    shutil.copy(SEED_001, desk / "summit.txt")
    before = tree(desk)
    res = cli("check", "--format", "json", "article.txt", "summit.txt", cwd=desk)
    assert res.returncode == 0
    memory = json.loads(res.stdout)
    assert tree(desk) == before
    run("add", SEED_000, SEED_001)  # a workspace store (in this folder) for comparison
    stored = run.json("check")
    assert sorted(f["id"] for f in memory["findings"]) == sorted(f["id"] for f in stored["findings"])
    change = next(f for f in memory["findings"] if f["kind"] == "member_count_change")
    assert {ev["path"] for ev in change["evidence"]} == {"article.txt", "summit.txt"}
    for ev in change["evidence"]:
        lines = file_lines(desk / ev["path"])
        assert lines[ev["line"] - 1][ev["col"] - 1 :].startswith(ev["quote"])


def test_crlf_bom_and_decomposed_hangul_point_into_the_file_as_given(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    nfd = unicodedata.normalize("NFD", text)
    (tmp_path / "windows.txt").write_bytes(b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode("utf-8"))
    res = cli("check", "--format", "json", "windows.txt", cwd=tmp_path)
    jeon = next(f for f in json.loads(res.stdout)["findings"] if f["subject"] == "전홍범")
    lines = file_lines(tmp_path / "windows.txt", encoding="utf-8-sig")
    for ev in jeon["evidence"]:
        rest = lines[ev["line"] - 1][ev["col"] - 1 :]
        assert unicodedata.normalize("NFC", rest).startswith(ev["quote"]) and rest[:1] == unicodedata.normalize("NFD", ev["quote"])[:1]


def test_cp949_file(tmp_path):
    (tmp_path / "euckr.txt").write_bytes(SEED_000.read_text(encoding="utf-8").replace("·", ",").encode("cp949", errors="replace"))
    res = cli("check", "euckr.txt", cwd=tmp_path)
    assert res.returncode == 0, res.stderr.decode()
    lines = file_lines(tmp_path / "euckr.txt", encoding="cp949")
    for d in parsed(res.stdout):
        assert lines[d["line"] - 1][d["col"] - 1 :].startswith(d["quote"])


PAGE = """<html><head><title>행사</title></head><body><article>
<p>한빛전자 김하늘 사장은 이날 행사에 참석했다. 한빛전자가 주최한 이번 행사에는 여러 기관이 참여했다.</p>
<p>행사에서 한빛전자 김하늘 부사장은 "앞으로도 협력을 이어가겠다"고 말했다. 이번 행사는 서울에서 열렸다.</p>
</article></body></html>
"""


def test_html_article_points_at_the_page_source(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    res = cli("check", "--format", "json", "page.html", cwd=tmp_path)
    assert res.returncode == 1, res.stderr.decode()  # 사장 and 부사장 in one undated page: an error
    lines = file_lines(tmp_path / "page.html")
    evidence = [ev for f in json.loads(res.stdout)["findings"] for ev in f["evidence"]]
    assert {ev["quote"] for ev in evidence} == {"한빛전자 김하늘 사장", "한빛전자 김하늘 부사장"}
    for ev in evidence:
        assert lines[ev["line"] - 1][ev["col"] - 1 : ev["end_col"] - 1] == ev["quote"]
    assert sorted((ev["line"], ev["col"]) for ev in evidence) == [(2, 4), (3, 9)]


def test_an_undated_draft_is_one_time(tmp_path):
    """A draft has no date yet: two ranks for one person in it conflict (an
    error), not a change of post between far-apart dates."""
    (tmp_path / "draft.txt").write_text(
        "한빛전자 김하늘 사장은 이날 행사에 참석했다. 한빛전자가 주최한 이번 행사에는 여러 기관이 참여했다.\n\n"
        "행사에서 한빛전자 김하늘 부사장은 \"앞으로도 협력을 이어가겠다\"고 말했다.\n", encoding="utf-8")
    res = cli("check", "draft.txt", cwd=tmp_path)
    assert res.returncode == 1, res.stdout.decode()
    got = parsed(res.stdout)
    assert {(d["line"], d["col"], d["sev"], d["kind"]) for d in got} == {(1, 1, "error", "title_conflict"), (3, 6, "error", "title_conflict")}


# -- bad input: one line naming the file and the reason, exit 2, nothing written

def assert_one_line_error(res, *needles):
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 2, (res.returncode, err)
    assert "Traceback" not in err and not res.stdout.strip()
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: "), lines
    for n in needles:
        assert n in lines[0], (n, lines[0])


def test_missing_file(tmp_path):
    before = tree(tmp_path)
    assert_one_line_error(cli("check", "nope.txt", cwd=tmp_path), "nope.txt", "no such file")
    assert tree(tmp_path) == before


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    before = tree(tmp_path)
    assert_one_line_error(cli("check", "empty.txt", cwd=tmp_path), "empty.txt", "empty file")
    assert tree(tmp_path) == before


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    before = tree(tmp_path)
    assert_one_line_error(cli("check", "photo.txt", cwd=tmp_path), "photo.txt", "binary")
    assert tree(tmp_path) == before


def test_malformed_front_matter(tmp_path):
    (tmp_path / "draft.md").write_text("---\npublished: 2020-06-03\ntitle: 초안\n한빛전자 김하늘 사장이 참석했다.\n", encoding="utf-8")
    before = tree(tmp_path)
    assert_one_line_error(cli("check", "draft.md", cwd=tmp_path), "draft.md", "front matter")
    assert tree(tmp_path) == before


def test_folder_with_nothing_readable(tmp_path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    before = tree(tmp_path)
    assert_one_line_error(cli("check", "pics", cwd=tmp_path), "pics", "nothing readable")
    assert tree(tmp_path) == before


def test_empty_stdin(tmp_path):
    assert_one_line_error(cli("check", "-", cwd=tmp_path, stdin=b""), "<stdin>", "empty")


def test_one_bad_file_among_good_ones_checks_nothing(desk):
    (desk / "empty.txt").write_bytes(b"  \n")
    before = tree(desk)
    assert_one_line_error(cli("check", "article.txt", "empty.txt", cwd=desk), "empty.txt", "empty file")
    assert tree(desk) == before


def test_every_bad_file_gets_its_line(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    res = cli("check", "nope.txt", "empty.txt", cwd=tmp_path)
    assert res.returncode == 2
    lines = res.stderr.decode().splitlines()
    assert len(lines) == 2 and all(l.startswith("factcheck: error: ") for l in lines)
    assert "nope.txt" in lines[0] and "empty.txt" in lines[1]


# -- in a terminal, severities are coloured

def test_colour_only_when_asked():
    from factcheck.copydesk import check_articles, lines

    res = check_articles([str(SEED_000)])
    plain, coloured = lines(res), lines(res, colour=True)
    assert not any("\x1b[" in l for l in plain)
    assert all("\x1b[" in l for l in coloured) and len(plain) == len(coloured)


# -- the README's editor recipes, taken from the README itself

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_block(lang: str, needle: str) -> str:
    blocks = re.findall(r"```" + lang + r"\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if needle in b)


def run_vim(desk: Path, commands: list[str]) -> list[str]:
    out = desk.parent / f"{desk.name}-vim.txt"
    env = {**os.environ, "PATH": f"{FACTCHECK.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NO_COLOR", None)
    report = f'call writefile([line(".") . ":" . strpart(getline("."), col(".") - 1, 60), getqflist()[0].type, len(filter(getqflist(), "v:val.valid"))], "{out}")'
    args = ["vim", "-es", "-u", "NONE", "-i", "NONE"] + [a for c in commands + [report, "qa!"] for a in ("-c", c)]
    subprocess.run(args, cwd=desk, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    return out.read_text(encoding="utf-8").splitlines()


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim not installed")
def test_readme_vim_make_lands_on_the_span(desk):
    sets = [l for l in readme_block("vim", "makeprg").splitlines() if l.startswith("set ")]
    assert len(sets) == 2
    where, kind, valid = run_vim(desk, sets + ["edit article.txt", "silent make!", "cfirst"])
    assert where.startswith("24:KT AI·DX융합사업부문장 전홍범 부사장") and kind == "w" and valid == "2"
    assert not (desk / "claims").exists()


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim not installed")
def test_readme_vim_cexpr_lands_on_the_span(desk):
    efm = next(l for l in readme_block("vim", "makeprg").splitlines() if l.startswith("set errorformat"))
    cexpr = re.search(r"`(:cexpr [^`]+)`", README.read_text(encoding="utf-8")).group(1)[1:]
    where, kind, valid = run_vim(desk, [efm, "edit article.txt", "silent " + cexpr, "cfirst"])
    assert where.startswith("24:KT AI·DX융합사업부문장 전홍범 부사장") and kind == "w" and valid == "2"


def test_readme_vscode_problem_matcher_reads_the_lines(desk):
    tasks = json.loads(readme_block("json", "problemMatcher"))
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    matcher = re.compile(pattern["regexp"])
    res = cli("check", "article.txt", cwd=desk)
    lines = file_lines(desk / "article.txt")
    got = []
    for line in res.stdout.decode("utf-8").splitlines():
        m = matcher.match(line)
        assert m, line
        path, ln, col = m.group(pattern["file"]), int(m.group(pattern["line"])), int(m.group(pattern["column"]))
        assert path == "article.txt" and m.group(pattern["severity"]) in ("error", "warning", "info")
        got.append(lines[ln - 1][col - 1 :])
    assert any(g.startswith("KT AI·DX융합사업부문장 전홍범 부사장") for g in got)


# -- start-up: what one article does not need is not imported

def test_lazy_imports():
    code = (
        "import sys, json\n"
        "import factcheck.cli\n"
        "cli_only = sorted(m for m in ('pyarrow', 'numpy', 'spacy', 'jinja2', 'trafilatura') if m in sys.modules)\n"
        "from factcheck.copydesk import check_articles\n"
        f"check_articles([{str(SEED_000)!r}])\n"
        "print(json.dumps([cli_only, 'trafilatura' in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    cli_only, trafilatura = json.loads(out.stdout)
    assert cli_only == []  # 'factcheck --help' and friends load none of them
    assert not trafilatura  # a .txt article never needs the HTML extractor


def test_readme_output_on_the_seed_is_what_it_prints():
    """The README's example: the same places, severities, quotes and kinds
    (messages may be reworded or translated without touching it)."""
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"\$ factcheck check (\S+)\n(.*?)```", text, re.S)
    res = cli("check", shown.group(1), cwd=README.parent)

    def key(line: str):
        d = LINE.match(line).groupdict()
        return d["path"], d["line"], d["col"], d["sev"], d["kind"], re.search(r'"([^"]*)"$', d["msg"]).group(1)

    want = [key(l) for l in shown.group(2).splitlines() if LINE.match(l)]
    assert want and [key(l) for l in res.stdout.decode().splitlines()] == want


# -- a change one article tells is no disagreement

def test_growth_one_article_tells_is_info_and_an_untold_one_a_warning(article):
    """"2021년 5월 6개 기관으로 출범한 협의회가 … 회원 10곳": the article itself
    gives both counts with their dates, so the change is info. The same two
    numbers from two outlets, with nothing said about who joined, stay a
    warning."""
    from factcheck.copydesk import check_articles

    told = article("told.txt", "2024-05-20", "가온일보", "'한울 데이터 협의회' 회원 10곳으로\n\n"
                   "2021년 5월 6개 기관으로 출범한 '한울 데이터 협의회'는 올해 들어 회원 10곳을 갖춘 협의체가 됐다.\n")
    changes = [f for f in check_articles([str(told)]).findings if f.kind == "member_count_change"]
    assert [(f.values, f.severity) for f in changes] == [(["6", "10"], "info")]
    a = article("a.txt", "2021-05-10", "가온일보", "협의회 출범\n\n'한울 데이터 협의회'가 10일 6개 기관으로 출범했다.\n")
    b = article("b.txt", "2024-05-20", "누리신문", "협의회 총회\n\n'한울 데이터 협의회'는 20일 총회를 열었다. 협의회 회원은 10개 기관이다.\n")
    changes = [f for f in check_articles([str(a), str(b)]).findings if f.kind == "member_count_change"]
    assert [(f.values, f.severity) for f in changes] == [(["6", "10"], "warning")]
