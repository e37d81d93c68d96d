"""The outlet of a page without front matter, from its by-line or its
copyright line (SPEC "What is extracted": "[한빛경제 박도윤 기자]", "(서울=뉴스1)
김하늘 기자 =", "ⓒ 뉴스마루"). The rules are data: factcheck/patterns/outlets.json,
each with the lines it must read and must leave alone (tests/test_outlets.py).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).resolve().parent.parent / "patterns" / "outlets.json"
BYLINE_LINES = 15  # the by-line stands in the page header


@lru_cache(maxsize=1)
def rules() -> dict[str, list[tuple[str, re.Pattern]]]:
    data = json.loads(PATTERNS.read_text(encoding="utf-8"))
    return {section: [(r["name"], re.compile(r["pattern"])) for r in data.get(section, [])] for section in ("byline", "copyright")}


def outlet_of_line(line: str, section: str) -> str | None:
    for _, rx in rules()[section]:
        m = rx.search(line)
        if m:
            return m.group("outlet").strip()
    return None


def find_outlet(text: str) -> str | None:
    """The outlet a page names: its by-line near the top, else its copyright line."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:BYLINE_LINES]:
        got = outlet_of_line(line, "byline")
        if got:
            return got
    for line in lines:
        if len(line) <= 120:
            got = outlet_of_line(line, "copyright")
            if got:
                return got
    return None
