"""The HTML report in a real browser: payloads from sources never run.

Sources are untrusted. Their sentences and front matter carry script,
event-handler and markup payloads into findings; the report is rendered in
headless Chromium and the DOM it ends with is read back. Each payload, had it
run, would change the page title. Rendered twice: as written (with its
Content-Security-Policy) and with the policy removed, so that escaping alone
is tested too. Also saves a screenshot of the seeds' report (in Korean) in
reports/.

Chromium comes from Debian's package (.ci/run installs it). Without it the
test is skipped locally and fails under CI, where it must run.
"""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SEED_000

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if CHROMIUM is None and os.environ.get("CI"):
    pytest.fail("chromium is not installed (CI must install Debian's chromium)", pytrace=False)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")

PAYLOADS = [
    "<script>document.title='PWNED-script'</script>",
    "<img src=x onerror=\"document.title='PWNED-img'\">",
    "<svg onload=\"document.title='PWNED-svg'\"></svg>",
    "\"><body onload=\"document.title='PWNED-attr'\">",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED-iframe'</script>\"></iframe>",
    "</textarea></style></title><script>document.title='PWNED-close'</script>",
    "{{ 7*7 }}{% raw %}",
]


def _chromium(*args: str, profile: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def _dom(html: Path, profile: Path) -> str:
    res = _chromium("--virtual-time-budget=3000", "--dump-dom", html.as_uri(), profile=profile)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "<body" in res.stdout, res.stderr[-2000:]
    return res.stdout


def _write(path: Path, front: dict, body: str) -> Path:
    lines = ["---"] + [f"{k}: {v}" for k, v in front.items()] + ["---", body, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _yaml_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    from conftest import Runner

    tmp = tmp_path_factory.mktemp("hostile")
    run = Runner(tmp)
    src = tmp / "sources"
    src.mkdir()
    for i, p in enumerate(PAYLOADS):
        rank_a, rank_b = ("사장", "부사장")
        _write(src / f"a{i}.txt", {"published": f"2024-03-{1 + i:02d}", "outlet": _yaml_str(p), "title": _yaml_str("제목 " + p)},
               f"[서울=테스트] 김철수 기자 = 홍길{'동민수영진'[i % 5]} 한빛전자{i} {rank_a}은 {p} 협력을 강화하겠다고 말했다.")
        _write(src / f"b{i}.txt", {"published": f"2024-03-{2 + i:02d}", "outlet": "정상일보"},
               f"홍길{'동민수영진'[i % 5]} 한빛전자{i} {rank_b}은 \"{p}\" 라고 말했다.")
    res = run("run", src, "--reports", tmp / "reports")
    assert res.exit_code in (0, 1, None), res.output
    html = tmp / "reports" / "report.html"
    text = html.read_text(encoding="utf-8")
    return tmp, html, text


def test_payloads_reach_the_report_as_findings(hostile_report):
    tmp, _, text = hostile_report
    import json

    report = json.loads((tmp / "reports" / "report.json").read_text(encoding="utf-8"))
    titles = [f for f in report["findings"] if f["attribute"] == "title"]
    assert len(titles) == len(PAYLOADS)  # one conflict per payload, carrying it in its evidence
    for p in PAYLOADS:
        assert any(p in ev["sentence"] for f in titles for ev in f["evidence"]), p
        if "<" in p:
            assert p not in text  # escaped in the HTML source
        else:
            assert p in text  # template syntax in data is data, never evaluated


@pytest.mark.parametrize("csp", [True, False], ids=["as-written", "without-csp"])
def test_no_payload_runs_and_each_shows_as_text(hostile_report, tmp_path, csp):
    _, html, text = hostile_report
    page = tmp_path / "report.html"
    if not csp:
        text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
        assert "Content-Security-Policy" not in text
    page.write_text(text, encoding="utf-8")
    dom = _dom(page, tmp_path / "profile")
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title == "factcheck report", f"a payload ran: title is {title!r}"
    # no element the payloads would create exists in the final DOM
    assert not re.search(r"<(img|svg|iframe)\b[^>]*\b(onerror|onload|srcdoc)=", dom)
    assert "<script" not in dom.lower()
    # and each payload is visible as text (the DOM serializer escapes < and >)
    for p in PAYLOADS:
        shown = p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert shown in dom, p


def test_screenshot_of_the_seeds_report(tmp_path):
    from conftest import Runner

    run = Runner(tmp_path)
    reports = ROOT / "reports"
    res = run("--lang", "ko", "run", SEED_000.parent, "--reports", tmp_path / "reports")  # the users' language
    assert res.exit_code in (0, 1, None), res.output
    reports.mkdir(exist_ok=True)
    shot = reports / "seeds-report.png"
    if shot.exists():
        shot.unlink()
    res = _chromium("--window-size=1280,2400", "--hide-scrollbars", f"--screenshot={shot}",
                    (tmp_path / "reports" / "report.html").as_uri(), profile=tmp_path / "profile")
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_filters_hide_findings_without_script(tmp_path):
    """Unticking a severity, kind or status hides those findings (CSS :has(), no script
    in the page). The page is rendered with a box unticked; a probe script, added to a
    copy without the CSP, reports each finding's computed display in the title."""
    from conftest import Runner

    run = Runner(tmp_path)
    res = run("run", SEED_000.parent, "--reports", tmp_path / "reports")
    assert res.exit_code in (0, 1, None), res.output
    text = (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    for box in ("fs-warning", "fs-info", "fk-title_variant", "fk-member_count_change", "ft-new"):
        assert f'id="{box}" checked' in text
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    probe = ("<script>document.title = Array.from(document.querySelectorAll('section.finding'))"
             ".map(f => f.className.match(/k-(\\w+)/)[1] + '=' + getComputedStyle(f).display).join(' ')</script></body>")

    def shown(unticked: str | None) -> dict:
        page = text if unticked is None else text.replace(f'id="{unticked}" checked', f'id="{unticked}"')
        path = tmp_path / f"filter-{unticked}.html"
        path.write_text(page.replace("</body>", probe), encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", _dom(path, tmp_path / "profile"), re.S).group(1)
        return {k: v != "none" for k, v in (pair.split("=") for pair in title.split())}

    assert shown(None) == {"title_variant": True, "member_count_change": True}
    assert shown("fs-warning") == {"title_variant": False, "member_count_change": True}
    assert shown("fk-member_count_change") == {"title_variant": True, "member_count_change": False}
    assert shown("ft-new") == {"title_variant": False, "member_count_change": False}


def test_sources_table_lists_outlet_date_claims_and_citing_findings(tmp_path):
    from conftest import Runner

    run = Runner(tmp_path)
    run("run", SEED_000.parent, "--reports", tmp_path / "reports")
    text = (tmp_path / "reports" / "report.html").read_text(encoding="utf-8")
    table = text[text.index("<h2>Sources</h2>"):]
    findings = json.loads((tmp_path / "reports" / "report.json").read_text(encoding="utf-8"))["findings"]
    for src in run.json("sources")["sources"]:
        row = re.search(rf'<tr id="src-{src["id"]}">(.*?)</tr>', table, re.S).group(1)
        assert src["outlet"] in row and str(src["published"]) in row and f'<td class="num">{src["claims"]}</td>' in row
        for f in findings:
            cited = any(ev["source"] == src["id"] for ev in f["evidence"])
            assert (f'href="#{f["id"]}"' in row) == cited
