"""Issue 13: a check whose fresh findings carry much evidence writes them
beside the store's in small transactions and swaps them in
(``checks._stage_findings``). The store must end as the one-transaction
write leaves it: the same findings rows in the same order, the same runs,
after a full check and after an incremental one."""
import sys

from conftest import ROOT, SEED_000, SEED_001

from factcheck import api, checks
from factcheck.store.db import open_store

ROWS = 'SELECT id, kind, attribute, severity, subject, "values", message, evidence, first_run, last_run, extra, scope FROM findings'


def _store_after(tmp_path, name, corpus, swap_chars, monkeypatch):
    monkeypatch.setattr(checks, "SWAP_CHARS", swap_chars)
    monkeypatch.setattr(checks, "WRITE_CHARS", 20_000)  # several transactions even for a small corpus
    db = str(tmp_path / name / "claims" / "factcheck.duckdb")
    seen = []
    api.add_sources(db, [str(SEED_000), str(corpus)], jobs=1)
    seen.append([f.id for f in api.run_check(db).findings])
    api.add_sources(db, [str(SEED_001)], jobs=1)  # then an incremental check
    seen.append([f.id for f in api.run_check(db).findings])
    store = open_store(db)
    try:
        rows = store.sql(ROWS).fetchall()  # in the table's own order
        runs = store.sql("SELECT id, command, claims, errors, warnings, info, finding_ids FROM runs ORDER BY id").fetchall()
        leftover = store.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'findings_next'")
        pk = store.scalar("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'findings' AND constraint_type = 'PRIMARY KEY'")
    finally:
        store.close()
    return seen, rows, runs, leftover, pk


def test_findings_swapped_in_equal_findings_written_at_once(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    import bench

    bench.make_corpus(tmp_path / "synthetic", 150)
    once = _store_after(tmp_path, "once", tmp_path / "synthetic", 10**12, monkeypatch)
    swapped = _store_after(tmp_path, "swapped", tmp_path / "synthetic", 0, monkeypatch)
    assert len(once[1]) > 20
    assert {r[8] for r in once[1]} | {r[9] for r in once[1]} == {1, 2}  # first and last runs both appear
    assert swapped[0] == once[0]
    assert swapped[1] == once[1]
    assert swapped[2] == once[2]
    assert swapped[3] == 0 and swapped[4] == 1
