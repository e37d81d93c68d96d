"""Korean or English: messages, terminal output and reports.

- Every message id in the code (``_()``, ``lazy()``, the report template) has
  a Korean translation in the .po, with the same placeholders, and the
  shipped .mo says the same.
- ``FACTCHECK_LANG=ko factcheck run`` on the seeds prints Korean (every
  finding message and the summary) and writes Korean reports; ``LANG=C``
  gives English; JSON keys, kinds and ids stay English either way.
"""
import gettext
import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_000, SEED_001

from factcheck import i18n

PO = ROOT / "factcheck" / "locale" / "ko" / "LC_MESSAGES" / "factcheck.po"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")  # template words; names in the data are Korean or acronyms


def _code_message_ids() -> set[str]:
    from babel.messages.extract import extract_from_dir

    method_map = [("factcheck/**.py", "python"), ("factcheck/report/templates/**.j2", "jinja2")]
    ids = set()
    for _file, _line, msg, _comments, _ctx in extract_from_dir(str(ROOT), method_map=method_map,
                                                               keywords={"_": None, "lazy": None, "ngettext": (1, 2)}):
        ids.add(msg if isinstance(msg, str) else msg[0])
    return ids


def _po():
    from babel.messages.pofile import read_po

    with PO.open("rb") as fh:
        return read_po(fh, locale="ko")


def _fields(s: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(s) if f}


def test_every_message_id_has_a_korean_translation():
    ids = _code_message_ids()
    assert len(ids) > 100  # the extractor found the code's messages
    catalog = _po()
    def korean(i: str) -> list[str]:  # a plural entry has one form per Korean plural (one)
        got = catalog[i].string if i in catalog else ""
        return [x for x in (got if isinstance(got, tuple) else (got,))]

    missing = [i for i in sorted(ids) if not all(korean(i) or [""]) or catalog[i].fuzzy]
    assert not missing, f"no Korean translation in {PO.name} (run 'make locale' and translate): {missing}"
    for i in ids:
        for ko in korean(i):
            assert _fields(ko) == _fields(i), f"placeholders differ: {i!r} -> {ko!r}"
            words = re.sub(r"\{[^}]*\}", "", i).replace("factcheck", "")
            assert HANGUL.search(ko) or not ENGLISH_WORD.search(words), f"left in English: {i!r}"


def test_the_shipped_mo_matches_the_po():
    mo = gettext.translation(i18n.DOMAIN, str(i18n.LOCALE_DIR), languages=["ko"])
    for m in _po():
        if m.pluralizable:
            assert mo.ngettext(m.id[0], m.id[1], 2) == m.string[0], f".mo is stale (run 'make locale'): {m.id!r}"
        elif m.id:
            assert mo.gettext(m.id) == m.string, f".mo is stale (run 'make locale'): {m.id!r}"


@pytest.mark.parametrize("env, want", [
    ({"FACTCHECK_LANG": "ko"}, "ko"),
    ({"FACTCHECK_LANG": "en", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "ko"),
    ({"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "C"}, "ko"),
    ({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
])
def test_the_language_comes_from_the_option_the_env_or_the_locale(monkeypatch, env, want):
    for var in ("FACTCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert i18n.detect() == want
    assert i18n.detect("en") == "en" and i18n.detect("ko") == "ko"


def _run(tmp_path: Path, env_update: dict) -> tuple[subprocess.CompletedProcess, Path]:
    ws = tmp_path / "ws"
    (ws / "sources").mkdir(parents=True)
    for seed in (SEED_000, SEED_001):
        (ws / "sources" / seed.name).write_bytes(seed.read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "FACTCHECK_DB")}
    env.update(env_update)
    res = subprocess.run([sys.executable, "-m", "factcheck", "run", "sources/"], cwd=ws, env=env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode in (0, 1), res.stderr
    return res, ws / "reports"


def _messages(stdout: str) -> tuple[list[str], str]:
    """The finding messages (the line under each '+' line) and the summary line of ``run``."""
    lines = stdout.splitlines()
    msgs = [lines[i + 1].strip() for i, line in enumerate(lines[:-1]) if line.startswith("  + ")]
    return msgs, lines[1]


@pytest.mark.slow
def test_run_on_the_seeds_speaks_korean_with_factcheck_lang_ko(tmp_path):
    res, reports = _run(tmp_path, {"FACTCHECK_LANG": "ko"})
    msgs, summary = _messages(res.stdout)
    assert len(msgs) >= 2, res.stdout
    for line in res.stdout.splitlines():
        words = re.sub(r"\S*/\S*", "", line)  # paths are paths in any language
        assert not ENGLISH_WORD.search(words), f"English in Korean output: {line}"
    for m in [summary, *msgs]:
        assert HANGUL.search(m), m
    assert "기사 2건" in summary and "경고 1건" in summary
    assert any("전홍범(KT)의 직함이 한 기사(뉴스핌) 안에서 다르게 표기됨" in m for m in msgs), msgs
    # reports in Korean; JSON keys, kinds, severities and ids in English
    md = (reports / "report.md").read_text(encoding="utf-8")
    html = (reports / "report.html").read_text(encoding="utf-8")
    assert md.startswith("# factcheck 보고서") and "## 기사" in md
    assert '<html lang="ko">' in html and "발견 사항" in html and "직함이 한 기사" in html
    data = json.loads((reports / "report.json").read_text(encoding="utf-8"))
    assert {"findings", "summary", "sources"} <= set(data)
    kinds = {f["kind"] for f in data["findings"]}
    assert {"title_variant", "member_count_change"} <= kinds
    for f in data["findings"]:
        assert f["severity"] in ("error", "warning", "info") and f["id"].startswith("F")
        assert HANGUL.search(f["message"]) and not ENGLISH_WORD.search(f["message"]), f["message"]
        assert "i18n" not in f  # the recipe stays in the store


@pytest.mark.slow
def test_run_on_the_seeds_speaks_english_with_lang_c(tmp_path):
    res, reports = _run(tmp_path, {"LANG": "C"})
    msgs, summary = _messages(res.stdout)
    assert summary.startswith("2 sources, ") and "1 warnings" in summary
    assert len(msgs) >= 2 and all(ENGLISH_WORD.search(m) for m in msgs), msgs
    assert any("has two spellings of one post" in m for m in msgs), msgs
    assert (reports / "report.md").read_text(encoding="utf-8").startswith("# factcheck report")
    assert '<html lang="en">' in (reports / "report.html").read_text(encoding="utf-8")


def test_messages_render_in_the_language_asked_at_output_time(run):
    """A check run in English is printed in Korean later: the finding keeps its recipe."""
    run("add", SEED_000, SEED_001)
    en = run.json("check")["findings"]
    ko = run.json("--lang", "ko", "check")["findings"]
    assert [f["id"] for f in en] == [f["id"] for f in ko]
    for a, b in zip(en, ko):
        assert {k: v for k, v in a.items() if k not in ("message", "status")} == {k: v for k, v in b.items() if k not in ("message", "status")}
        assert ENGLISH_WORD.search(a["message"]) and not ENGLISH_WORD.search(b["message"]), (a["message"], b["message"])
    fid = en[0]["id"]
    shown = run("--lang", "ko", "explain", fid)
    assert HANGUL.search(shown.stdout.splitlines()[1]) and not ENGLISH_WORD.search(shown.stdout.splitlines()[1])
    # the store keeps English
    import duckdb

    con = duckdb.connect(run.db, read_only=True)
    stored = dict(con.execute("SELECT id, message FROM findings").fetchall())
    con.close()
    assert stored[fid] == en[0]["message"]


def test_errors_in_korean(run):
    from factcheck.i18n import error_text

    res = run("--lang", "ko", "add", "/no/such/path")
    assert res.exit_code == 2
    assert error_text(res.exception) == "/no/such/path: 파일이나 폴더가 없음"
    res = run("--lang", "en", "add", "/no/such/path")
    assert error_text(res.exception) == str(res.exception) == "/no/such/path: no such file or folder"
