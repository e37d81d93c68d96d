"""Parquet out: ``factcheck export`` writes sources, claims (partitioned by
source month), entities and findings that DuckDB reads back with every span
intact."""
from __future__ import annotations

import json

import duckdb
from conftest import SEED_000, SEED_001


def scan(out, table: str) -> str:
    if table == "claims":
        return f"read_parquet('{out}/claims/**/*.parquet', hive_partitioning = true)"
    return f"read_parquet('{out}/{table}.parquet')"


def read(out, table: str) -> list[dict]:
    con = duckdb.connect()
    try:
        cur = con.execute(f"SELECT * FROM {scan(out, table)}")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


def test_export_reads_back_with_every_span(run, tmp_path):
    run("add", SEED_000, SEED_001)
    out = tmp_path / "parquet"
    res = run("export", "--out", out)
    assert res.exit_code in (0, None), res.output
    con = duckdb.connect()
    con.execute(f"CREATE VIEW c AS SELECT * FROM {scan(out, 'claims')}")
    con.execute(f"CREATE VIEW s AS SELECT * FROM {scan(out, 'sources')}")
    total, sliced = con.execute(
        """SELECT count(*), count(*) FILTER (WHERE substring(s.text, c.start + 1, c."end" - c.start) = c.quote)
           FROM c JOIN s ON s.id = c.source_id"""
    ).fetchone()
    stored = duckdb.connect(run.db, read_only=True)
    assert total == stored.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
    assert sliced == total  # every claim's span still slices its source text
    # partitioned by the month the source was published
    assert {p.name for p in (out / "claims").iterdir()} == {"month=2020-06", "month=2020-09"}
    months = dict(con.execute("SELECT source_id, any_value(month) FROM c GROUP BY ALL").fetchall())
    published = dict(stored.execute("SELECT id, strftime(published, '%Y-%m') FROM sources").fetchall())
    assert months == published
    # Python slicing too (code points), and the detail JSON parses
    texts = dict(con.execute("SELECT id, text FROM s").fetchall())
    for sid, start, end, quote, detail in con.execute('SELECT source_id, start, "end", quote, detail FROM c').fetchall():
        assert texts[sid][start:end] == quote
        assert isinstance(json.loads(detail), dict)
    # findings: current ones, values as a list, evidence spans slice the text too
    rows = read(out, "findings")
    jeon = next(r for r in rows if r["subject"] == "전홍범")
    assert jeon["current"] and jeon["kind"] == "title_variant"
    assert jeon["values"] == ["AI·DX융합사업부문장 부사장", "AI·DX사업부문장 부사장"]
    for r in rows:
        for ev in json.loads(r["evidence"]):
            assert texts[ev["source"]][ev["start"]:ev["end"]] == ev["quote"]
    entities = read(out, "entities")
    assert entities and {e["kind"] for e in entities} <= {"org", "group", "person"}
    stored.close()


def test_export_default_folder_and_replacing(run, tmp_path):
    run("add", SEED_000, SEED_001)
    assert run("export").exit_code in (0, None)
    out = tmp_path / "export"  # beside claims/, in the workspace
    assert (out / "sources.parquet").exists() and (out / "claims" / "month=2020-09").is_dir()
    assert run("remove", SEED_001).exit_code in (0, None)
    assert run("export").exit_code in (0, None)
    assert {p.name for p in (out / "claims").iterdir()} == {"month=2020-06"}  # no stale month
    assert len(read(out, "sources")) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export")]  # no temporary folder left


def test_export_without_a_store_is_a_one_line_error(run, tmp_path):
    res = run("export", "--out", tmp_path / "x")
    assert res.exit_code == 2 and "no store here yet" in res.error_line
    assert not (tmp_path / "x").exists()


def test_export_undated_source(run, tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("한빛전자 김하늘 사장은 이날 한빛전자 김하늘 부사장과 함께 참석했다.\n", encoding="utf-8")
    run("add", p)
    assert run("export", "--out", tmp_path / "o").exit_code in (0, None)
    assert {q.name for q in (tmp_path / "o" / "claims").iterdir()} <= {"month=unknown"}
