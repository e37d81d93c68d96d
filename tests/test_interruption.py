"""An interrupted ``add`` and two ``add`` processes at once.

SPEC: an interrupted add leaves every source either fully stored or not at
all. Sources are written a batch at a time, each batch in one transaction;
killing the process with SIGKILL part-way must leave a store that opens, in
which every stored source has exactly the sentences and claims a clean run
gives it, and a second ``add`` completes the rest with the same result as an
uninterrupted run.
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, SEED_000, SEED_001, has_open

FACTCHECK = Path(sys.executable).parent / "factcheck"


def _corpus(folder: Path, n: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import bench

    bench.make_corpus(folder, n)
    for seed in (SEED_000, SEED_001):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")


def _contents(db: Path) -> dict:
    """Per source: its text and every sentence and claim (ids are derived from
    the workspace-relative path, so two stores of one workspace compare)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for sid, path, text, h in con.execute("SELECT id, path, text, content_hash FROM sources").fetchall():
            out[sid] = {
                "path": path, "text": text, "hash": h,
                "sentences": con.execute('SELECT idx, start, "end", section, repeat_of, text FROM sentences WHERE source_id = ? ORDER BY idx', [sid]).fetchall(),
                "claims": con.execute('SELECT id, kind, subject, value, start, "end", quote, detail FROM claims WHERE source_id = ? ORDER BY ALL', [sid]).fetchall(),
            }
        return out
    finally:
        con.close()




CLEAN_CPU = 0.0  # CPU seconds of the clean add (set by the fixture)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process and of its children
    (``add``'s extraction workers), as the clean run's count includes them
    (Linux /proc)."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return float("inf")
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for child in _children(pid):
        try:
            cf = open(f"/proc/{child}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(cf[11]) + int(cf[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _store_bytes(db: Path) -> int:
    """Bytes in the store file and its write-ahead log (a commit appends to
    the log; a checkpoint moves it into the file)."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + ".wal")) if p.exists())


def _committed_a_batch(db: Path) -> bool:
    """The writer has committed at least one batch of sources: the store has
    grown past its empty tables by more than a batch's sources hold (a
    quarter of a MB), and stays the same size for a moment (the commit is
    written out, not in the middle of being written)."""
    size = _store_bytes(db)
    if size < 256 * 1024:
        return False
    time.sleep(0.02)
    return _store_bytes(db) == size


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return out


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    _corpus(root / "sources", 1500)
    clean = root / "claims" / "clean.duckdb"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = subprocess.run([str(FACTCHECK), "--db", str(clean), "add", "--jobs", "2", "sources"], cwd=root, capture_output=True, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert res.returncode == 0, res.stderr.decode()
    global CLEAN_CPU
    CLEAN_CPU = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return root, _contents(clean)


def test_sigkill_part_way_leaves_whole_sources_and_a_rerun_completes(workspace):
    root, clean = workspace
    db = root / "claims" / "killed.duckdb"
    proc = subprocess.Popen([str(FACTCHECK), "--db", str(db), "add", "--jobs", "2", "sources"], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not has_open(proc.pid, db):
        time.sleep(0.002)
    # part-way: half the CPU time a clean run of the same add took, so the
    # kill lands mid-run however busy the machine is (wall-clock seconds are
    # not), and not before a batch is committed: until then the store holds
    # only its empty tables (a few kB), and half the CPU time can pass while
    # three processes load the pipeline
    while time.monotonic() < deadline and proc.poll() is None and _cpu_seconds(proc.pid) < 0.5 * CLEAN_CPU:
        time.sleep(0.005)
    while time.monotonic() < deadline and proc.poll() is None and not _committed_a_batch(db):
        time.sleep(0.005)
    assert proc.poll() is None, "add finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    part = _contents(db)  # the store opens
    assert 0 < len(part) < len(clean), len(part)
    for sid, got in part.items():
        assert got == clean[sid], got["path"]  # whole sources only, identical to a clean run

    res = subprocess.run([str(FACTCHECK), "--db", str(db), "add", "--jobs", "2", "sources"], cwd=root, capture_output=True, timeout=600)
    assert res.returncode == 0, res.stderr.decode()
    assert f"unchanged {len(part)}" in res.stderr.decode()
    assert _contents(db) == clean

    # and the checks see the same store
    outs = [subprocess.run([str(FACTCHECK), "--db", str(root / "claims" / name), "check", "--format", "json", "--fail-on", "never"],
                           cwd=root, capture_output=True, timeout=600) for name in ("killed.duckdb", "clean.duckdb")]
    assert outs[0].returncode == outs[1].returncode == 0
    import json

    ids = [sorted(f["id"] for f in json.loads(o.stdout)["findings"]) for o in outs]
    assert ids[0] == ids[1] and ids[0]


def test_two_adds_at_once_one_waits_for_the_other(tmp_path):
    _corpus(tmp_path / "sources", 300)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, f in enumerate(sorted((tmp_path / "sources").iterdir())):
        f.rename((a if i % 2 else b) / f.name)
    db = tmp_path / "claims" / "factcheck.duckdb"
    env = {**os.environ, "FACTCHECK_LOCK_WAIT": "300"}
    procs = [subprocess.Popen([str(FACTCHECK), "--db", str(db), "add", str(d)], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for d in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1].decode() for o in outs]
    got = _contents(db)
    assert len(got) == 302
    for sid, src in got.items():
        assert src["sentences"] and src["text"]


def test_two_adds_at_once_without_waiting_one_is_told(tmp_path):
    _corpus(tmp_path / "sources", 1200)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    files = sorted((tmp_path / "sources").iterdir())
    for i, f in enumerate(files):  # the first add holds the store for seconds
        f.rename((a if i < 1100 else b) / f.name)
    db = tmp_path / "claims" / "factcheck.duckdb"
    env = {**os.environ, "FACTCHECK_LOCK_WAIT": "0"}
    first = subprocess.Popen([str(FACTCHECK), "--db", str(db), "add", str(a)], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None and not has_open(first.pid, db):
        time.sleep(0.002)
    assert first.poll() is None
    second = subprocess.run([str(FACTCHECK), "--db", str(db), "add", str(b)], cwd=tmp_path, env=env,
                            capture_output=True, timeout=600)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err.decode()
    msg = second.stderr.decode()
    assert second.returncode == 2 and "Traceback" not in msg, msg
    assert [l for l in msg.splitlines() if l.strip()] == [l for l in msg.splitlines() if "locked by another process" in l]
    got = _contents(db)
    assert {s["path"].split("/")[0] for s in got.values()} == {"a"} and len(got) == 1100
