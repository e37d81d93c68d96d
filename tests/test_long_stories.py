"""A long-running story: a disagreement that hundreds of articles bear on.

Its finding keeps every article as evidence (SPEC: one problem, one finding,
with all its evidence), and its message names at most ``SHOWN_SOURCES`` of
them, then says how many more there are: one sentence a person can read
(and the check never makes a message part for every article of a large
block, issue 13).
"""
from __future__ import annotations

import json

from factcheck.checks.base import SHOWN_SOURCES, some_of


def _story(article, n: int) -> None:
    # n outlets on one day give the alliance 12 members; one gives it 13
    for i in range(n):
        article(f"a{i:02d}.txt", "2024-05-20", f"가상일보{i:02d}", "가람 얼라이언스 출범\n\n가람 얼라이언스는 회원사 12곳으로 출범했다.\n")
    article("z.txt", "2024-05-21", "다른일보", "가람 얼라이언스 출범\n\n가람 얼라이언스는 회원사 13곳으로 출범했다.\n")


def _conflict(run, *lang):
    res = run(*lang, "check", "--format", "json", "--fail-on", "never")
    found = [f for f in json.loads(res.output)["findings"] if f["kind"] == "member_count_conflict"]
    assert len(found) == 1, res.output
    return found[0]


def test_a_conflict_many_articles_bear_on_names_a_few_and_keeps_every_one_as_evidence(run, article, tmp_path):
    n = SHOWN_SOURCES + 5
    _story(article, n)
    assert run("add", str(tmp_path)).exit_code in (0, None)
    f = _conflict(run)
    assert f["severity"] == "error"
    assert len({e["source"] for e in f["evidence"]}) == n + 1  # every article stays evidence
    assert f"and {n - SHOWN_SOURCES} more articles" in f["message"]
    assert "가상일보00 (2024-05-20)" in f["message"] and f"가상일보{n - 1:02d}" not in f["message"]
    assert "13: 다른일보 (2024-05-21)" in f["message"]  # the lone dissenter is always named
    ko = _conflict(run, "--lang", "ko")
    assert f"외 기사 {n - SHOWN_SOURCES}건" in ko["message"]


def test_one_more_than_shown_is_named_not_counted():
    items = [f"매체{i}" for i in range(SHOWN_SOURCES + 1)]
    assert str(some_of(items, "and")).endswith(f"and 매체{SHOWN_SOURCES}")
    more = some_of(items + ["매체끝"], "and")
    assert str(more).endswith("and 2 more outlets") and "매체끝" not in str(more)
