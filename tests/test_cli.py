"""The CLI contract: exit codes, JSON shapes, ack, alias, explain, run, report."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SEED_000, SEED_001


def test_check_exit_codes_like_a_linter(run):
    run("add", SEED_000, SEED_001)
    assert run("check").exit_code in (0, None)  # a warning is below the default --fail-on error
    assert run("check", "--fail-on", "warning").exit_code == 1
    assert run("check", "--fail-on", "info").exit_code == 1
    assert run("check", "--fail-on", "never").exit_code in (0, None)


def test_findings_json_contract(run):
    run("add", SEED_000, SEED_001)
    out = run.json("check")
    assert set(out["summary"]) >= {"sources", "claims", "errors", "warnings", "info"}
    assert out["summary"]["sources"] == 2
    for f in out["findings"]:
        assert set(f) >= {"id", "kind", "attribute", "severity", "subject", "values", "message", "status", "evidence"}
        assert f["attribute"] in ("title", "name", "member_count", "members")
        assert f["severity"] in ("error", "warning", "info") and f["status"] in ("new", "unchanged")
        for ev in f["evidence"]:
            assert set(ev) >= {"source", "path", "published", "sentence", "start", "end", "quote"}


def test_status_new_then_unchanged_and_stable_ids(run, tmp_path):
    run("add", SEED_000, SEED_001)
    first = run.json("check")["findings"]
    second = run.json("check")["findings"]
    assert {f["status"] for f in first} == {"new"}
    assert {f["status"] for f in second} == {"unchanged"}
    assert [f["id"] for f in first] == [f["id"] for f in second]
    # a store built elsewhere gives the same ids
    other = type(run)(tmp_path / "other")
    other("add", SEED_001, SEED_000)
    assert sorted(f["id"] for f in other.json("check")["findings"]) == sorted(f["id"] for f in first)


def test_ack_keeps_the_finding_but_stops_failing(run):
    run("add", SEED_000, SEED_001)
    fid = next(f["id"] for f in run.json("check")["findings"] if f["severity"] == "warning")
    assert run("check", "--fail-on", "warning").exit_code == 1
    assert run("ack", fid, "--note", "KT renamed the division in June").exit_code in (0, None)
    assert run("check", "--fail-on", "warning").exit_code in (0, None)
    f = next(f for f in run.json("check")["findings"] if f["id"] == fid)
    assert f["acknowledged"]["note"] == "KT renamed the division in June"
    assert run("ack", "Fnope", "--note", "x").exit_code == 2


def test_claims_json_and_filters(run):
    run("add", SEED_000, SEED_001)
    claims = run.json("claims", "--subject", "전홍범")["claims"]
    assert claims and all(c["subject"] == "전홍범" for c in claims)
    for c in claims:
        assert set(c) >= {"id", "kind", "subject", "value", "source", "start", "end", "quote", "sentence_start", "sentence_end", "section", "as_of"}
    assert {c["kind"] for c in run.json("claims", "--kind", "members")["claims"]} == {"members"}
    csv_out = run("claims", "--format", "csv", "--kind", "title").stdout
    assert csv_out.splitlines()[0].startswith("id,kind,subject")


def test_alias_split_and_confirm_survive_reruns(run):
    run("add", SEED_000, SEED_001)
    assert "KAIST" in {r["name"] for r in run.json("alias")["aliases"]}
    run("alias", "--split", "--kind", "org", "KAIST", "한국과학기술원")
    run("check", "--fail-on", "never")
    labels = {r["label"] for r in run.json("alias")["aliases"] if r["name"] in ("KAIST", "한국과학기술원")}
    assert len(labels) != 1 or not labels
    run("alias", "--kind", "org", "KAIST", "한국과학기술원")
    run("check", "--fail-on", "never")
    names = {r["name"]: r["label"] for r in run.json("alias")["aliases"]}
    assert names.get("KAIST") == names.get("한국과학기술원") is not None


def test_explain_shows_sentences(run):
    run("add", SEED_000, SEED_001)
    fid = run.json("check")["findings"][0]["id"]
    res = run("explain", fid)
    assert res.exit_code in (0, None)
    assert "전홍범" in res.stdout and "2020-06-03" in res.stdout


def test_remove_drops_everything_derived(run):
    run("add", SEED_000, SEED_001)
    sid = run.json("sources")["sources"][0]["id"]
    run("remove", sid)
    assert all(c["source"] != sid for c in run.json("claims")["claims"])
    assert run("remove", sid).exit_code == 2


def test_stdin_source(run):
    text = "---\npublished: 2023-05-16\noutlet: 붙여넣기\n---\n오태식 세진머티리얼즈 사장은 참석했다.\n"
    assert run("add", "-", input=text).exit_code in (0, None)
    assert run.json("sources")["sources"][0]["outlet"] == "붙여넣기"


def test_reports_escape_untrusted_text(run, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "---\npublished: 2023-05-16\noutlet: \"<script>alert('o')</script>\"\n---\n"
        "<img src=x onerror=alert(1)> 오태식 세진머티리얼즈 사장이 참석했다.\n", encoding="utf-8")
    evil2 = tmp_path / "evil2.txt"
    evil2.write_text("---\npublished: 2023-05-16\n---\n<b>x</b> 오태식 세진머티리얼즈 부사장이 참석했다.\n", encoding="utf-8")
    run("add", evil, evil2)
    out = tmp_path / "rep"
    assert run("report", "--out", out).exit_code in (0, None)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>x</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark>" in html
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["subject"] == "오태식"
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# factcheck report")


def test_run_reads_only_the_new_source_and_matches_a_rebuild(run, tmp_path):
    # an invented third article about the seeds' story (the development
    # corpus may not be beside a clone: this test runs without it)
    third = tmp_path / "2020-10-05-third.txt"
    third.write_text("---\npublished: 2020-10-05\noutlet: 가상일보\n---\nAI 원팀 10곳으로\n\n"
                     "[가상일보 김기자 기자] 'AI 원팀'에 가온데이터가 새로 합류했다. 이로써 AI 원팀은 10곳이 됐다.\n\n"
                     "전홍범 KT AI·DX융합사업부문장 부사장은 \"협력을 넓히겠다\"고 말했다.\n", encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEED_000, src)
    shutil.copy(SEED_001, src)
    r1 = run("run", src, "--reports", tmp_path / "r", "--format", "json")
    assert json.loads(r1.stdout)["summary"]["sources"] == 2
    shutil.copy(third, src)
    r2 = json.loads(run("run", src, "--reports", tmp_path / "r", "--format", "json").stdout)
    assert len(r2["read"]) == 1 and r2["unchanged"] == 2
    incremental = sorted((f["id"], f["severity"]) for f in run.json("check")["findings"])
    scratch = type(run)(tmp_path / "scratch")
    scratch("add", src)
    assert sorted((f["id"], f["severity"]) for f in scratch.json("check")["findings"]) == incremental


def test_init_makes_a_workspace(run, tmp_path):
    assert run("init", tmp_path / "ws").exit_code in (0, None)
    for sub in ("sources", "claims", "reports"):
        assert (tmp_path / "ws" / sub).is_dir()


def test_installed_console_script(tmp_path):
    exe = Path(sys.executable).with_name("factcheck")
    assert exe.exists()
    env = dict(os.environ, FACTCHECK_DB=str(tmp_path / "s.duckdb"))
    out = subprocess.run([str(exe), "add", str(SEED_000), str(SEED_001)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([str(exe), "check", "--format", "json", "--fail-on", "warning"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 1
    assert json.loads(out.stdout)["summary"]["warnings"] == 1
    bad = subprocess.run([str(exe), "add", str(tmp_path / "missing.txt")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().count("\n") == 0 and "missing.txt" in bad.stderr
    v = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert v.returncode == 0 and "factcheck" in v.stdout


def test_a_source_is_the_same_whichever_folder_the_command_runs_from(tmp_path, monkeypatch):
    from conftest import Runner

    ws = tmp_path / "ws"
    (ws / "sources").mkdir(parents=True)
    (ws / "sources" / "a.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(ws)
    run = Runner(ws)  # store at ws/claims/factcheck.duckdb
    assert run("add", "sources").exit_code in (0, None)
    assert [s["path"] for s in run.json("sources")["sources"]] == ["sources/a.txt"]
    monkeypatch.chdir(ws / "sources")
    res = run("add", ".")
    assert "unchanged 1" in res.stderr
    monkeypatch.chdir(tmp_path)
    res = run("add", str(ws / "sources" / "a.txt"))
    assert "unchanged 1" in res.stderr
    assert len(run.json("sources")["sources"]) == 1
