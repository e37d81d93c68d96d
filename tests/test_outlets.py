"""Outlet rules (factcheck/patterns/outlets.json) against their examples, and
a page without front matter read end to end."""
import json

import pytest

from factcheck.ingest.outlets import PATTERNS, find_outlet, outlet_of_line

DATA = json.loads(PATTERNS.read_text(encoding="utf-8"))
CASES = [(sec, r["name"], ex, True) for sec in ("byline", "copyright") for r in DATA[sec] for ex in r["examples"]]
CASES += [(sec, r["name"], [ex, None], False) for sec in ("byline", "copyright") for r in DATA[sec] for ex in r["not"]]


@pytest.mark.parametrize("section,name,example,must", CASES, ids=[f"{c[1]}:{i}" for i, c in enumerate(CASES)])
def test_outlet_rule_examples(section, name, example, must):
    line, outlet = example
    assert outlet_of_line(line, section) == outlet


def test_page_without_front_matter():
    page = ("HOME > 산업\n\n가온전자, 협의회 합류\n\n입력 2024.04.18 09:12\n\n"
            "(대구=한빛경제) 박도윤 기자 = 가온전자가 협의회에 합류했다.\n\n"
            "박도윤 기자 doyun@example.org\n\nⓒ 다른이름. 무단전재 및 재배포 금지\n")
    assert find_outlet(page) == "한빛경제"  # the by-line before the copyright line
    assert find_outlet("본문만 있다.\n\n<저작권자 © 미래경제, 무단 전재 및 재배포 금지>\n") == "미래경제"
    assert find_outlet("본문만 있다.\n") is None
