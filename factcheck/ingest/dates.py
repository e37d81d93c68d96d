"""Dates: publication datelines, the --published option, relative dates.

A date in the text resolves against the publication date: "25일 오후" in an
article of 2020-09-27 is 2020-09-25, "지난 3월" in June is March of the same
year, "지난해 3월" is March of the year before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import FactcheckError
from ..i18n import lazy

_ISO = re.compile(r"^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?\s*$")
_KO = re.compile(r"^\s*(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일\s*$")


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """Parse a date given by a person (front matter, --published); None if it is not one."""
    if isinstance(value, date):
        return value
    if value is None:
        return None
    s = str(value).strip()
    s = re.sub(r"[T ]\d{1,2}:\d{2}(:\d{2})?.*$", "", s)
    for rx in (_ISO, _KO):
        m = rx.match(s)
        if m:
            return _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def parse_date_option(value: str, what: str = "--published") -> date:
    d = parse_date(value)
    if d is None:
        raise FactcheckError(lazy("{option}: cannot read {value} as a date (use YYYY-MM-DD)", option=what, value=repr(value)))
    return d


# Datelines as outlets print them, in the header of the page only.
_DATELINE = re.compile(
    r"(?:기사입력|입력|등록|승인|송고|발행|게재|작성)(?:시간|일시|일자|일)?\s*[:：]?\s*"
    r"(\d{4})\s*(?:년|[-./])\s*(\d{1,2})\s*(?:월|[-./])\s*(\d{1,2})"
)
_BARE_DATETIME = re.compile(r"^\s*(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?\s+\d{1,2}:\d{2}\s*$")


def find_dateline(text: str, max_lines: int = 15) -> date | None:
    """The publication date printed near the top ("기사입력 : 2020년06월03일 10:38").

    Only the page header is read: the first lines up to the first long body
    paragraph. Dates in blocks further down (related or best articles) never
    count.
    """
    seen = 0
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > max_lines or len(s) > 160:
            break
        m = _DATELINE.search(s) or _BARE_DATETIME.match(s)
        if m:
            d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d
    return None


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    date: date | None
    precision: str  # day | month | now | context
    future: bool = False

    @property
    def usable(self) -> bool:
        return self.date is not None and not self.future


_YEAR_MOD = r"(?P<mod>지난해|작년|올해|금년|내년|이듬해|같은\s?해|이후|지난|오는|이달|지난달)?\s*"
_EXPR = re.compile(
    r"(?P<full>(?P<y1>\d{4})\s*년\s*(?P<m1>\d{1,2})\s*월(?:\s*(?P<d1>\d{1,2})\s*일)?)"
    r"|(?P<dotted>(?P<y2>\d{4})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2}))"
    r"|(?P<ym>(?<![\d.])(?P<y5>(?:19|20)\d{2})\.(?P<m5>\d{1,2})(?=\s|$))"  # a chronology's "2025.6 합류"
    r"|(?P<md>" + _YEAR_MOD + r"(?P<m3>\d{1,2})\s*월(?:\s*(?P<d3>\d{1,2})\s*일)?)"
    r"|(?P<d>(?P<dmod>지난|오는)?\s*(?<![\d.월])(?P<d4>\d{1,2})\s*일(?=\s*(?:오전|오후|새벽|밤|저녁|낮|에|부터|까지|께|자|[,\s]|$)))"
    r"|(?P<rel>전날|어제|그제|이날|당일|같은\s?날|최근|현재|지금|오늘)"
)


# every alternative of _EXPR needs a digit or one of the relative words
_MAYBE = re.compile(r"\d|전날|어제|그제|이날|당일|같은\s?날|최근|현재|지금|오늘")


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def find_dates(text: str, published: date | None, context: date | None = None) -> list[DateExpr]:
    """Every date expression in ``text``, resolved against ``published``.

    ``context`` is the story's date so far ("이날" refers to it) and the year
    that "같은 해 6월" continues.
    """
    out: list[DateExpr] = []
    if not _MAYBE.search(text):
        return out
    ctx = context or published
    for m in _EXPR.finditer(text):
        s, e = m.span()
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        s += lead
        if m.group("full"):
            y, mo = int(m.group("y1")), int(m.group("m1"))
            d = m.group("d1")
            dt = _mk(y, mo, int(d)) if d else _mk(y, mo, 1)
            out.append(DateExpr(s, e, dt, "day" if d else "month", bool(published and dt and dt > published)))
            if dt:
                ctx = dt
            continue
        if m.group("dotted"):
            dt = _mk(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
            out.append(DateExpr(s, e, dt, "day", bool(published and dt and dt > published)))
            if dt:
                ctx = dt
            continue
        if m.group("ym"):
            mo = int(m.group("m5"))
            dt = _mk(int(m.group("y5")), mo, 1) if 1 <= mo <= 12 else None
            if dt is None:
                continue
            out.append(DateExpr(s, e, dt, "month", bool(published and dt > published)))
            ctx = dt
            continue
        if published is None:
            continue
        if m.group("md"):
            mod = (m.group("mod") or "").replace(" ", "")
            mo = int(m.group("m3"))
            d = m.group("d3")
            if not 1 <= mo <= 12:
                continue
            future = False
            if mod in ("지난해", "작년"):
                y = published.year - 1
            elif mod in ("올해", "금년", "이달"):
                y = published.year
            elif mod in ("내년", "이듬해"):
                y = (ctx or published).year + 1
                future = mod == "내년"
            elif mod in ("같은해", "이후"):
                y = (ctx or published).year
            elif mod == "오는":
                y = published.year if mo >= published.month else published.year + 1
                future = True
            else:
                y = published.year if mo <= published.month else published.year - 1
            dt = _mk(y, mo, int(d)) if d else _mk(y, mo, 1)
            if dt is None:
                continue
            future = future or dt > published
            out.append(DateExpr(s, e, dt, "day" if d else "month", future))
            if not future:
                ctx = dt
            continue
        if m.group("d"):
            day = int(m.group("d4"))
            if not 1 <= day <= 31:
                continue
            if m.group("dmod") == "오는":
                y, mo = (published.year, published.month) if day > published.day else _shift_month(published.year, published.month, 1)
                out.append(DateExpr(s, e, _mk(y, mo, day), "day", True))
                continue
            y, mo = published.year, published.month
            if day > published.day:
                y, mo = _shift_month(y, mo, -1)
            dt = _mk(y, mo, day)
            if dt:
                out.append(DateExpr(s, e, dt, "day"))
                ctx = dt
            continue
        word = m.group("rel").replace(" ", "")
        if word in ("전날", "어제"):
            dt = published - timedelta(days=1)
            out.append(DateExpr(s, e, dt, "day"))
            ctx = dt
        elif word == "그제":
            out.append(DateExpr(s, e, published - timedelta(days=2), "day"))
        elif word in ("이날", "당일", "같은날"):
            out.append(DateExpr(s, e, ctx or published, "context"))
        elif word == "최근":
            out.append(DateExpr(s, e, published, "recent"))
        else:  # 현재 지금 오늘
            out.append(DateExpr(s, e, published, "now"))
    return out
