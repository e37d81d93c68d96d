"""Every bad input: one-line error naming the file, exit 2, store unchanged."""
import subprocess
import sys
import time

import pytest
from conftest import SEED_000, SEED_001, store_snapshot


@pytest.fixture
def stocked(run):
    res = run("add", SEED_000)
    assert res.exit_code in (0, None)
    return run


def _assert_bad(run, res, *needles):
    assert res.exit_code == 2, res.output
    errors = [l for l in res.stderr.splitlines() if l.startswith("factcheck: error:")]
    line = res.error_line or (errors[0] if len(errors) == 1 else res.stderr)
    assert "\n" not in line and "Traceback" not in (res.output or "")
    for n in needles:
        assert n in line, line


def test_missing_path(stocked, tmp_path):
    before = store_snapshot(stocked.db)
    res = stocked("add", tmp_path / "nope.txt")
    _assert_bad(stocked, res, "nope.txt", "no such file")
    assert store_snapshot(stocked.db) == before


def test_directory_with_nothing_readable(stocked, tmp_path):
    d = tmp_path / "empty"
    d.mkdir()
    (d / "image.png").write_bytes(b"\x89PNG")
    before = store_snapshot(stocked.db)
    _assert_bad(stocked, stocked("add", d), "empty", "nothing readable")
    assert store_snapshot(stocked.db) == before


@pytest.mark.parametrize(
    "name,data,needle",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n", "empty file"),
        ("binary.txt", b"\x00\x01\x02GIF89a\x00\x00", "binary"),
        ("fm.txt", "---\npublished: [2020\n---\n본문입니다.\n".encode(), "malformed front matter"),
        ("fm2.txt", "---\npublished: 2020-06-03\n본문\n".encode(), "malformed front matter"),
        ("date.txt", "---\npublished: yesterday-ish\n---\n본문입니다.\n".encode(), "not a date"),
        ("future.txt", "---\npublished: 2999-01-01\n---\n본문입니다.\n".encode(), "future"),
        ("feb30.txt", "---\npublished: 2020-02-30\n---\n본문입니다.\n".encode(), "does not exist"),
        ("yamllist.txt", "---\n- a\n- b\n---\n본문입니다.\n".encode(), "malformed front matter"),
        ("random.txt", __import__("random").Random(1).randbytes(3000).replace(b"\x00", b"\x01"), "binary"),
    ],
)
def test_bad_files(stocked, tmp_path, name, data, needle):
    p = tmp_path / name
    p.write_bytes(data)
    before = store_snapshot(stocked.db)
    _assert_bad(stocked, stocked("add", p), name, needle)
    assert store_snapshot(stocked.db) == before


def test_bad_date_option(stocked):
    before = store_snapshot(stocked.db)
    _assert_bad(stocked, stocked("add", SEED_001, "--published", "June 3rd"), "--published", "date")
    assert store_snapshot(stocked.db) == before


def test_not_a_duckdb_file(run, tmp_path):
    fake = tmp_path / "claims" / "factcheck.duckdb"
    fake.parent.mkdir(parents=True)
    fake.write_text("this is not a database, just text\n" * 20)
    before = fake.read_bytes()
    _assert_bad(run, run("add", SEED_000), "not a DuckDB database")
    assert fake.read_bytes() == before


def test_store_locked_by_another_process(stocked, monkeypatch):
    import factcheck.store.db as db

    monkeypatch.setattr(db, "LOCK_WAIT_SECONDS", 0.5)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(30)", stocked.db],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        _assert_bad(stocked, stocked("add", SEED_001), "locked")
    finally:
        holder.kill()
        holder.wait()
    snap = store_snapshot(stocked.db)
    assert len(snap["sources"]) == 1


def test_cp949_is_read(run, tmp_path):
    text = "---\npublished: 2021-03-23\noutlet: 테스트\n---\n[서울=테스트] 홍길동 기자 = 권오석 해온시장은 \"좋다\"고 말했다.\n"
    p = tmp_path / "euckr.txt"
    p.write_bytes(text.encode("cp949"))
    assert run("add", p).exit_code in (0, None)
    claims = run.json("claims")["claims"]
    assert any(c["subject"] == "권오석" and c["quote"] == "권오석 해온시장" for c in claims)
    src = run.json("sources")["sources"][0]
    assert src["outlet"] == "테스트"


def test_same_file_twice_is_a_no_op(run):
    run("add", SEED_000)
    before = store_snapshot(run.db)
    res = run("add", SEED_000)
    assert res.exit_code in (0, None)
    assert "unchanged 1" in res.stderr
    assert store_snapshot(run.db)["claims"] == before["claims"]


def test_changed_file_becomes_version_2(run, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("---\npublished: 2023-05-16\n---\n오태식 세진머티리얼즈 사장이 참석했다.\n", encoding="utf-8")
    run("add", p)
    time.sleep(0.01)
    p.write_text("---\npublished: 2023-05-16\n---\n오태식 세진머티리얼즈 부사장이 참석했다.\n", encoding="utf-8")
    run("add", p)
    srcs = run.json("sources")["sources"]
    assert len(srcs) == 1 and srcs[0]["version"] == 2
    values = {c["value"] for c in run.json("claims")["claims"]}
    assert values == {"부사장"}


def test_mixed_folder_stores_good_and_names_bad(run, tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "good.txt").write_text("---\npublished: 2023-05-16\n---\n오태식 세진머티리얼즈 사장이 참석했다.\n", encoding="utf-8")
    (d / "bad.txt").write_bytes(b"\x00\x00\x00")
    res = run("add", d)
    assert res.exit_code == 2
    assert "bad.txt" in res.stderr and "binary" in res.stderr
    assert [s["path"].rsplit("/", 1)[-1] for s in run.json("sources")["sources"]] == ["good.txt"]


def test_utf16_with_a_byte_order_mark_is_read(run, tmp_path):
    p = tmp_path / "notepad.txt"
    p.write_bytes("---\npublished: 2021-03-23\n---\n권오석 해온시장은 \"좋다\"고 말했다.\n".encode("utf-16"))
    assert run("add", p).exit_code in (0, None)
    claims = run.json("claims")["claims"]
    assert any(c["subject"] == "권오석" and c["quote"] == "권오석 해온시장" for c in claims)


def test_reports_folder_that_cannot_be_made(stocked, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    before = store_snapshot(stocked.db)
    _assert_bad(stocked, stocked("report", "--out", blocker / "reports"), "reports folder")
    # run checks the reports folder before it reads or stores anything
    _assert_bad(stocked, stocked("run", SEED_001.parent, "--reports", blocker / "reports"), "reports folder")
    assert store_snapshot(stocked.db) == before


@pytest.mark.parametrize("content,needle", [
    ("{bad json", "not a gold file"),
    ('{"cases": 3}', "list of 'cases'"),
    ('{"cases": [{"name": "a"}]}', "'sources' must be a list"),
    ('{"cases": [{"name": "a", "sources": [], "expect": [{"attribute": "title"}]}]}', "needs attribute, subject"),
])
def test_malformed_gold_file(run, tmp_path, content, needle):
    p = tmp_path / "gold.json"
    p.write_text(content)
    _assert_bad(run, run("eval", p), "gold.json", needle)
