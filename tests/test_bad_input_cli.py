"""Bad input, end to end, through the installed ``factcheck`` console script.

Each case: exit status 2, one line on stderr that names the file and the
reason, no traceback, and the store exactly as it was (SPEC "Bad input").
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED_000, SEED_001, has_open, store_snapshot

FACTCHECK = Path(sys.executable).parent / "factcheck"
GOOD = "---\npublished: 2023-05-16\noutlet: 좋은일보\n---\n오태식 세진머티리얼즈 사장이 참석했다.\n"


def cli(*args, cwd=None, env=None, stdin=None, timeout=120) -> subprocess.CompletedProcess:
    cmd = [str(FACTCHECK), *map(str, args)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(cmd, cwd=cwd, env=full_env, input=stdin, capture_output=True, timeout=timeout)


def assert_one_line_error(res: subprocess.CompletedProcess, *needles: str) -> str:
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 2, (res.returncode, err)
    assert "Traceback" not in err and "Traceback" not in res.stdout.decode("utf-8", "replace")
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("factcheck: error: "), lines[0]
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


@pytest.fixture
def ws(tmp_path):
    """A workspace with a store holding one good source."""
    assert FACTCHECK.exists(), f"console script not installed at {FACTCHECK}"
    db = tmp_path / "claims" / "factcheck.duckdb"
    res = cli("--db", db, "add", SEED_000, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    return tmp_path, db


def _bad(ws, name: str, data: bytes, *needles: str, extra=()):
    tmp, db = ws
    p = tmp / name
    p.write_bytes(data)
    before = store_snapshot(str(db))
    line = assert_one_line_error(cli("--db", db, "add", p, *extra, cwd=tmp), name, *needles)
    assert store_snapshot(str(db)) == before
    return line


def test_missing_path(ws):
    tmp, db = ws
    before = store_snapshot(str(db))
    assert_one_line_error(cli("--db", db, "add", "nope.txt", cwd=tmp), "nope.txt", "no such file")
    assert store_snapshot(str(db)) == before


def test_folder_with_nothing_readable(ws):
    tmp, db = ws
    (tmp / "pics").mkdir()
    (tmp / "pics" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    before = store_snapshot(str(db))
    assert_one_line_error(cli("--db", db, "add", "pics", cwd=tmp), "pics", "nothing readable")
    assert store_snapshot(str(db)) == before


def test_empty_file(ws):
    _bad(ws, "empty.txt", b"", "empty file")


def test_binary_file(ws):
    _bad(ws, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")


def test_text_with_nul_bytes(ws):
    _bad(ws, "nul.txt", GOOD.encode("utf-8").replace("참석".encode(), b"\x00\x00"), "binary", "NUL")


def test_malformed_front_matter(ws):
    _bad(ws, "fm.txt", "---\npublished: [2020\n---\n본문입니다.\n".encode(), "malformed front matter")


def test_front_matter_date_in_the_future(ws):
    _bad(ws, "future.txt", "---\npublished: 2999-01-01\n---\n김철수 한빛전자 사장이 말했다.\n".encode(), "2999-01-01", "future")


def test_unparseable_date_option(ws):
    tmp, db = ws
    before = store_snapshot(str(db))
    assert_one_line_error(cli("--db", db, "add", SEED_001, "--published", "last Tuesday", cwd=tmp), "--published", "last Tuesday")
    assert store_snapshot(str(db)) == before


def test_html_page_that_is_all_script_and_menus(ws):
    page = """<!doctype html><html><head><title>뉴스 홈</title>
<script>for (var i = 0; i < 10; i++) { console.log(i) }</script><script src="app.js"></script></head>
<body><nav><ul><li><a href="/">홈</a></li><li><a href="/p">정치</a></li><li><a href="/e">경제</a></li></ul></nav>
<div class="menu"><a href="/login">로그인</a> <a href="/join">회원가입</a></div>
<script>document.write('<div>광고</div>')</script><footer>Copyright © 뉴스</footer></body></html>"""
    _bad(ws, "menu.html", page.encode("utf-8"), "no article text")


def test_file_of_50_mb_is_refused_without_being_read(ws):
    tmp, db = ws
    big = tmp / "huge.txt"
    line = "김철수 한빛전자 사장이 참석했다. " * 40 + "\n"
    with open(big, "w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            fh.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    (tmp / "empty.txt").write_bytes(b"")
    before = store_snapshot(str(db))
    # peak RSS of the factcheck process alone, measured by a wrapper process,
    # against the same command refusing an empty file
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
             "sys.stderr.buffer.write(r.stderr); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")

    def peak(path):
        res = subprocess.run([sys.executable, "-c", probe, str(FACTCHECK), "--db", str(db), "add", str(path)],
                             cwd=tmp, capture_output=True, timeout=120)
        return res, int(res.stdout.decode().strip()) / 1024

    res, big_mb = peak(big)
    assert_one_line_error(res, "huge.txt", "at most 10 MB")
    assert store_snapshot(str(db)) == before
    _, base_mb = peak(tmp / "empty.txt")
    assert big_mb - base_mb < 20, f"refusing a 50 MB file took {big_mb:.0f} MB vs {base_mb:.0f} MB for an empty one: it was read"


def test_50_mb_on_stdin_is_refused(ws):
    tmp, db = ws
    before = store_snapshot(str(db))
    res = cli("--db", db, "add", "-", cwd=tmp, stdin=b"a" * (50 * 1024 * 1024))
    assert_one_line_error(res, "<stdin>", "at most 10 MB")
    assert store_snapshot(str(db)) == before


def test_store_that_is_not_duckdb(tmp_path):
    fake = tmp_path / "claims" / "factcheck.duckdb"
    fake.parent.mkdir()
    fake.write_text("id,name\n1,not a database\n" * 50)
    before = fake.read_bytes()
    assert_one_line_error(cli("--db", fake, "add", SEED_000, cwd=tmp_path), "factcheck.duckdb", "not a DuckDB database")
    assert fake.read_bytes() == before


def test_store_locked_by_another_process(ws):
    tmp, db = ws
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        res = cli("--db", db, "add", SEED_001, cwd=tmp, env={"FACTCHECK_LOCK_WAIT": "1"})
        assert_one_line_error(res, "factcheck.duckdb", "locked by another process")
    finally:
        holder.kill()
        holder.wait()
    assert len(store_snapshot(str(db))["sources"]) == 1


def test_mixed_folder_stores_the_good_and_names_each_bad(ws):
    tmp, db = ws
    d = tmp / "inbox"
    d.mkdir()
    (d / "good-1.txt").write_text(GOOD, encoding="utf-8")
    (d / "good-2.txt").write_text(GOOD.replace("오태식", "오태석"), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02")
    (d / "future.txt").write_text("---\npublished: 2999-01-01\n---\n본문.\n", encoding="utf-8")
    (d / "notes.png").write_bytes(b"\x89PNG")  # not an article type: ignored, not an error
    res = cli("--db", db, "add", d, cwd=tmp)
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert "Traceback" not in err
    errors = [l for l in err.splitlines() if l.startswith("factcheck: error:")]
    assert sorted(l.split(":")[2].strip() for l in errors) == ["inbox/binary.txt", "inbox/empty.txt", "inbox/future.txt"]
    paths = {r[1] for r in store_snapshot(str(db))["sources"]}
    assert {"inbox/good-1.txt", "inbox/good-2.txt"} <= paths and len(paths) == 3


def test_file_that_vanishes_between_listing_and_reading(ws):
    tmp, db = ws
    d = tmp / "big"
    d.mkdir()
    text = SEED_001.read_text(encoding="utf-8")
    for i in range(400):
        (d / f"{i:04d}.txt").write_text(text.replace("2020-09-27", "2020-09-26") if i % 2 else text, encoding="utf-8")
    victim = d / "0399.txt"
    proc = subprocess.Popen([str(FACTCHECK), "--db", str(db), "add", str(d)], cwd=tmp,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # add lists the folder, then opens the store, then reads the files one by
    # one: once the store is open (seen in /proc), the listing is done and the
    # last file is still seconds away from being read
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not has_open(proc.pid, db):
        time.sleep(0.002)
    assert proc.poll() is None, "add finished before the file could be removed"
    victim.unlink()
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 2, err.decode()
    assert "Traceback" not in err.decode()
    lines = [l for l in err.decode().splitlines() if l.startswith("factcheck: error:")]
    assert len(lines) == 1, err.decode()
    assert "big/0399.txt" in lines[0] and "vanished" in lines[0]
    assert "added 399" in err.decode() and "failed 1" in err.decode()
    paths = {r[1] for r in store_snapshot(str(db))["sources"]}
    assert len(paths) == 1 + 399 and "big/0399.txt" not in paths




_RO_MOUNT = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"'


def _read_only(folder: Path, cmd: list) -> list:
    """``cmd`` run with ``folder`` read-only. Root may write anywhere, so as
    root the folder becomes a read-only mount in a private mount namespace
    (a read-only file system, as on a mounted archive); otherwise its
    permissions are taken away (the test restores them)."""
    cmd = [str(c) for c in cmd]
    if os.geteuid() != 0:
        for p in [folder, *folder.iterdir()]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return cmd
    probe = subprocess.run(["unshare", "-m", "sh", "-c", _RO_MOUNT, "sh", str(folder), "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"root without mount namespaces: {probe.stderr.decode().strip()}")
    return ["unshare", "-m", "sh", "-c", _RO_MOUNT, "sh", str(folder), *cmd]


def _writable_again(folder: Path) -> None:
    for p in [folder, *folder.iterdir()]:
        p.chmod(0o755 if p.is_dir() else 0o644)


def test_store_in_a_read_only_folder(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    store_dir = tmp_path / "claims"
    store_dir.mkdir()
    cmd = _read_only(store_dir, [FACTCHECK, "--db", store_dir / "factcheck.duckdb", "add", src])
    try:
        res = subprocess.run(cmd, cwd=tmp_path, capture_output=True, timeout=120)
        assert_one_line_error(res, "factcheck.duckdb", "not writable")
    finally:
        _writable_again(store_dir)
    assert list(store_dir.iterdir()) == []


def test_read_only_store(tmp_path):
    db = tmp_path / "claims" / "factcheck.duckdb"
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert cli("--db", db, "add", src, cwd=tmp_path).returncode == 0
    other = tmp_path / "b.txt"
    other.write_text(GOOD.replace("오태식", "오태석"), encoding="utf-8")
    before = db.read_bytes()
    try:
        res = subprocess.run(_read_only(db.parent, [FACTCHECK, "--db", db, "add", other]), cwd=tmp_path, capture_output=True, timeout=120)
        assert_one_line_error(res, "factcheck.duckdb", "read-only")
        # commands that only read still work on a read-only store
        res = subprocess.run(_read_only(db.parent, [FACTCHECK, "--db", db, "sources", "--format", "json"]), cwd=tmp_path,
                             capture_output=True, timeout=120)
        assert res.returncode == 0, res.stderr.decode()
        assert '"a.txt"' in res.stdout.decode()
    finally:
        _writable_again(db.parent)
    assert db.read_bytes() == before


def test_html_page_of_links_only(ws):
    page = '<html><head><script>var a = 1</script></head><body><nav><a href="/">홈</a><a href="/x">정치</a></nav><footer>Copyright</footer></body></html>'
    _bad(ws, "links.html", page.encode("utf-8"), "no article text")


def test_text_of_two_million_characters_on_one_line(ws):
    # under the byte limit, over the character limit (spaCy's own is 1M)
    body = ("김철수 한빛전자 사장이 참석했다. " * 120_000)[:2_000_000]
    line = _bad(ws, "oneline.txt", ("---\npublished: 2020-09-27\n---\n" + body).encode("utf-8"), "2,000,000 characters", "at most 1,000,000")
    assert "Traceback" not in line
