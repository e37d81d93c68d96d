"""What every check shares: the Finding, stable ids, claims loaded by SQL."""
from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from ..i18n import Message, join, message_text
from ..i18n import lazy as _
from ..store.db import Store

SEVERITY_ORDER = {"error": 3, "warning": 2, "info": 1}
SAME_PERIOD_DAYS = 3  # counts or lists this close, with no join/leave between, are one period
RANK_SAME_PERIOD_DAYS = 31  # two ranks this close in time conflict; further apart, a change


@dataclass
class Finding:
    kind: str
    attribute: str
    severity: str
    subject: str
    values: list[str]
    message: str
    evidence: list[dict]
    key: str = ""  # what makes it the same disagreement across runs
    id: str = ""
    status: str = "new"
    acknowledged: dict | None = None
    extra: dict = field(default_factory=dict)
    scope: str = ""  # the block of claims it came from (person_scope, group_scope, source_scope)

    def __post_init__(self) -> None:
        # a translatable message keeps its recipe with the finding (stored in ``extra``)
        if isinstance(self.message, Message):
            self.extra = {**self.extra, "i18n": self.message.to_json()}

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language asked for)."""
        return message_text(self.message, self.extra, lang)

    def finalize(self) -> "Finding":
        basis = self.key or "|".join(sorted(self.values))
        self.id = "F" + hashlib.sha1(f"{self.kind}|{self.attribute}|{self.subject}|{basis}".encode("utf-8")).hexdigest()[:10]
        return self

    def as_json(self) -> dict:
        out = {
            "id": self.id, "kind": self.kind, "attribute": self.attribute, "severity": self.severity,
            "subject": self.subject, "values": self.values, "message": self.text(), "status": self.status,
            "evidence": self.evidence,
        }
        if self.acknowledged:
            out["acknowledged"] = self.acknowledged
        out.update({k: v for k, v in self.extra.items() if k != "i18n"})
        return out


# Scopes: the blocks of claims that checks compare within. A finding records
# its scope; a check after adding sources recomputes only the scopes those
# sources' claims fall in (see checks/__init__.py). The SQL and the Python
# spelling of each scope must agree character for character.
def person_scope(org_entity: str | None, subject: str) -> str:
    """Titles and name spellings: one organisation, names of one length and first letter."""
    return f"person|{org_entity}|{len(subject)}|{subject[:1]}"


def group_scope(group_entity: str | None) -> str:
    return f"group|{group_entity}"


def source_scope(source_id: str) -> str:
    return f"source|{source_id}"


PERSON_SCOPE_SQL = "'person|' || coalesce(eo.entity, c.org) || '|' || length(c.subject) || '|' || left(c.subject, 1)"
GROUP_SCOPE_SQL = "'group|' || eg.entity"


@dataclass(slots=True)
class ClaimRow:
    """A claim as the checks read it. Slotted: a large block holds tens of
    thousands (issue 13)."""

    id: str
    source_id: str
    kind: str
    subject: str
    value: str
    start: int
    end: int
    quote: str
    sentence: str
    sentence_start: int
    sentence_end: int
    section: str
    as_of: date | None
    precision: str
    org: str | None
    org_entity: str | None
    org_label: str | None
    group_entity: str | None
    group_label: str | None
    role: str | None
    rank: str | None
    count: int | None
    detail: dict
    path: str
    published: date | None
    outlet: str | None

    def evidence(self, quote_span: tuple[int, int] | None = None) -> dict:
        """Where this claim stands, as a finding's evidence: a new dict each
        time, let go of once the finding is written (the checks hand their
        findings on one at a time; kept on the claim, one alliance's 12,000
        evidence dicts stayed as long as its block, issue 13)."""
        s, e = quote_span or (self.start, self.end)
        own = (s, e) == (self.start, self.end)
        return {
            "source": self.source_id, "path": self.path, "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "section": self.section, "sentence": self.sentence,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end,
            "start": s, "end": e, "quote": self.quote if own else None, "claim": self.id,
        }


CLAIM_ORDER = 's.published NULLS LAST, s.path, c.start, c."end", c.id'
# The block a claim is compared within, in SQL and in Python (they must agree):
# titles by organisation (a person and a name spelling never cross it), group
# claims by group, and a list whose group is not resolved by its own source
# (only its stated count is checked).
TITLE_BLOCK_SQL = "coalesce(eo.entity, c.org)"
GROUP_BLOCK_SQL = "coalesce(eg.entity, chr(1) || c.source_id)"
FETCH_ROWS = 2048  # rows taken from DuckDB at a time
# DuckDB's memory while it streams claims, and for the whole check: each
# range of blocks (RANGE_ROWS claims) sorts in about 15 MB, and the rest (its
# cache of the store's pages, the findings' temp table) spills beyond it. At
# 100,000 sources 64 MB ran out of memory in the streaming queries; 96 MB
# with ranges of 16,384 claims peaked 30 MB below 128 MB with 32,768.
SORT_MEMORY = "96MB"
# DuckDB's optimizer turns the LEFT JOINs of claims to entities and sources
# into RIGHT JOINs that hash every streamed claim (its detail and all) once
# per join: 1.2 GB at 100,000 sources. Written as they are, the joins hash the
# small side (names, sources' path and date) and the claims stream through.
STREAM_SETTINGS = {"memory_limit": SORT_MEMORY, "disabled_optimizers": "build_side_probe_side"}


def title_block(c: ClaimRow) -> str:
    return c.org_entity or c.org


def group_block(c: ClaimRow) -> str:
    return c.group_entity or chr(1) + c.source_id


SENTENCE_SQL = "substring(s.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)"


def _claims_sql(placeholders: str, where: str, with_sql: str, order: str, sentence: str = SENTENCE_SQL) -> str:
    return f"""{with_sql}
            SELECT c.id, c.source_id, c.kind, c.subject, c.value, c.start, c."end", c.quote,
                   {sentence} AS sentence,
                   c.sentence_start, c.sentence_end, c.section, c.as_of, c.as_of_precision,
                   c.org, eo.entity, eo.label, eg.entity, eg.label, c.role, c.rank, c.count, c.detail,
                   s.path, s.published, s.outlet
            FROM claims c
            JOIN sources s ON s.id = c.source_id
            LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
            LEFT JOIN entities eg ON eg.kind = 'group' AND eg.name = c.grp
            WHERE c.kind IN ({placeholders}) AND c.section <> 'furniture' {where}
            ORDER BY {order}"""


# Fields that repeat across a block's claims (its kind, group, outlet, ...):
# interned, the claims of a large block share one string each (issue 13).
_SHARED = (1, 2, 3, 4, 11, 13, 14, 15, 16, 17, 18, 19, 20)


def _shared(v):
    return sys.intern(v) if type(v) is str else v


def _detail(text: str | None) -> dict:
    """A claim's detail as the checks read it: the members of a list or an
    event are their names alone (a tuple of interned strings: an alliance's
    thousands of lists name the same few members), and other strings shared."""
    if not text:
        return {}
    d = json.loads(text)
    for k, v in d.items():
        if k == "members":
            d[k] = tuple(sys.intern(m["name"]) for m in v or ())
        elif type(v) is str:
            d[k] = sys.intern(v)
    return d


def member_names(c: "ClaimRow") -> tuple[str, ...]:
    """The names a list or an event claim gives (in their order)."""
    return c.detail.get("members") or ()


def _row(r) -> ClaimRow:
    r = list(r)
    for i in _SHARED:
        r[i] = _shared(r[i])
    r[23], r[25] = _shared(r[23]), _shared(r[25])
    return ClaimRow(*r[:22], _detail(r[22]), *r[23:])


def load_claims(store: Store, kinds: tuple[str, ...], where: str = "", with_sql: str = "") -> list[ClaimRow]:
    """Claims that may produce findings: not furniture, not a repeated caption.

    Quotes that the evidence needs at other spans are sliced from the source
    text in SQL, so ``text[start:end] == quote`` holds there too.
    """
    placeholders = ", ".join("?" for _ in kinds)
    rows = store.sql(_claims_sql(placeholders, where, with_sql, CLAIM_ORDER), list(kinds)).fetchall()
    return [_row(r) for r in rows]


def stream_claims(store: Store, kinds: tuple[str, ...], block_sql: str, where: str = "", with_sql: str = "") -> Iterator[ClaimRow]:
    """As ``load_claims``, ordered by block (``block_sql``) and within a
    block as ``load_claims`` orders them, fetched ``FETCH_ROWS`` at a time:
    Python holds one batch of rows, never the corpus's claims. Nothing else
    may use the store's connection until the iterator is exhausted.

    The claims to stream are picked out once (their ids and blocks, in the
    temp table ``_stream``), then DuckDB sorts one range of blocks at a time
    (``block_ranges``: about ``RANGE_ROWS`` claims each, whole blocks), so
    its sort holds a range, not every claim of the corpus (one sort of a
    100,000-source corpus's group claims filled its 256 MB and the check ran
    out of memory); the ranges follow each other in block order, so the
    stream is the same as one sort's.

    The claims come without their sentence (``None``; the source texts would
    travel through the sort): ``fill_sentences`` puts it into the evidence
    of the findings that need it."""
    placeholders = ", ".join("?" for _ in kinds)
    with stream_settings(store):
        store.sql(f"""CREATE OR REPLACE TEMP TABLE _stream AS {with_sql}
            SELECT c.id, {block_sql} AS block
            FROM claims c
            LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
            LEFT JOIN entities eg ON eg.kind = 'group' AND eg.name = c.grp
            WHERE c.kind IN ({placeholders}) AND c.section <> 'furniture' {where}""", list(kinds))
        try:
            for lo, hi in block_ranges(store):
                cur = store.sql(_claims_sql(placeholders, "AND c.id IN (SELECT id FROM _stream WHERE block BETWEEN ? AND ?)", "",
                                            f"{block_sql}, {CLAIM_ORDER}", sentence="NULL"), [*kinds, lo, hi])
                while True:
                    rows = cur.fetchmany(FETCH_ROWS)
                    if not rows:
                        break
                    for r in rows:
                        yield _row(r)
        finally:
            store.sql("DROP TABLE IF EXISTS _stream")


RANGE_ROWS = 16384  # claims DuckDB sorts at a time while streaming (whole blocks: a larger block is a range of its own)


def block_ranges(store: Store, rows: int | None = None) -> list[tuple[str, str]]:
    """The blocks of the temp table ``_stream`` (``stream_claims``) cut into
    consecutive ranges (first and last block, inclusive) of about ``rows``
    claims each (``RANGE_ROWS``): counted in SQL, one row per block, in
    DuckDB's own order of the block keys."""
    rows = rows or RANGE_ROWS
    cur = store.sql("SELECT block, count(*) FROM _stream GROUP BY block ORDER BY block")
    out: list[tuple[str, str]] = []
    lo = hi = None
    size = 0
    while True:
        got = cur.fetchmany(FETCH_ROWS)
        if not got:
            break
        for block, n in got:
            if lo is not None and size + n > rows:
                out.append((lo, hi))
                lo, size = None, 0
            if lo is None:
                lo = block
            hi = block
            size += n
    if lo is not None:
        out.append((lo, hi))
    return out


@contextmanager
def duckdb_settings(store: Store, settings: dict[str, str]):
    """DuckDB's ``settings`` for a while, restored after."""
    before = {k: store.scalar(f"SELECT current_setting('{k}')") for k in settings}
    for k, v in settings.items():
        store.sql(f"SET {k} = '{v}'")
    try:
        yield
    finally:
        for k, v in before.items():
            store.sql(f"SET {k} = '{v}'")


def stream_settings(store: Store):
    """DuckDB's settings while claims stream (``STREAM_SETTINGS``)."""
    return duckdb_settings(store, STREAM_SETTINGS)


def fill_sentences(store: Store, findings: list[Finding]) -> None:
    """The sentence of each piece of evidence that came without one (streamed
    claims), sliced from its source's text in SQL, as ``load_claims`` slices
    it: one pass over the sources for every finding at once."""
    holes = [e for f in findings for e in f.evidence if "sentence" in e and e["sentence"] is None and e.get("sentence_start") is not None]
    if not holes:
        return
    import pyarrow as pa

    keys = sorted({(e["source"], e["sentence_start"], e["sentence_end"]) for e in holes})
    table = pa.table({"source_id": pa.array([k[0] for k in keys], pa.string()),
                      "s": pa.array([k[1] for k in keys], pa.int32()), "e": pa.array([k[2] for k in keys], pa.int32())})
    store.con.register("_sentence_keys", table)
    try:
        with stream_settings(store):  # the keys are hashed, the sources' texts stream past them
            got = {(sid, a, b): text for sid, a, b, text in store.sql(
                "SELECT k.source_id, k.s, k.e, substring(s.text, k.s + 1, k.e - k.s) FROM sources s JOIN _sentence_keys k ON k.source_id = s.id"
            ).fetchall()}
    finally:
        store.con.unregister("_sentence_keys")
    for e in holes:
        e["sentence"] = got.get((e["source"], e["sentence_start"], e["sentence_end"]))


def blocks(claims: Iterable[ClaimRow], key: Callable[[ClaimRow], str]) -> Iterator[list[ClaimRow]]:
    """Consecutive claims of one block (claims come ordered by block)."""
    for _key, block in groupby(claims, key):
        yield list(block)


# Only claims that share a block with another claim can disagree with
# anything, so the store picks those out (set work in SQL) and Python loads
# only them: a person named once, a group described once, costs a scan, not
# an object. With ``scoped``, the blocks are cut to the dirty scopes before
# anything is grouped: a block never crosses a scope, so that is exact.
_CURRENT_TITLES = """
    WITH t AS (
        SELECT c.id, c.subject, coalesce(eo.entity, c.org) AS oe, coalesce(c.role, '') AS role, coalesce(c.rank, '') AS rank
        FROM claims c LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
        WHERE c.kind = 'title' AND c.section <> 'furniture' AND c.org IS NOT NULL
          AND coalesce(json_extract(c.detail, '$.former')::BOOLEAN, false) = false
          AND coalesce(json_extract_string(c.detail, '$.status'), 'current') = 'current'
          AND coalesce(json_extract(c.detail, '$.backref')::BOOLEAN, false) = false
          {scope}
    ),
    keep AS (
        -- one person at one organisation under two titles (titles.py)
        SELECT t.id FROM t JOIN (
            SELECT subject, oe FROM t GROUP BY subject, oe HAVING count(DISTINCT role || '|' || rank) > 1
        ) v ON v.subject = t.subject AND v.oe = t.oe
        UNION
        -- two names of one length and surname at one organisation (names.py)
        SELECT t.id FROM t JOIN (
            SELECT oe, length(subject) AS n, left(subject, 1) AS s1 FROM t GROUP BY ALL HAVING count(DISTINCT subject) > 1
        ) b ON b.oe = t.oe AND b.n = length(t.subject) AND b.s1 = left(t.subject, 1)
    )"""

_GROUP_CLAIMS = """
    WITH g AS (
        SELECT c.id, c.kind, c.count, eg.entity AS ge
        FROM claims c LEFT JOIN entities eg ON eg.kind = 'group' AND eg.name = c.grp
        WHERE c.kind IN ('member_count', 'members', 'event') AND c.section <> 'furniture'
          {scope}
    ),
    keep AS (
        -- a group stated twice or more: its counts, lists and events (timeline.py)
        SELECT g.id FROM g JOIN (
            SELECT ge FROM g WHERE kind IN ('member_count', 'members') AND ge IS NOT NULL GROUP BY ge HAVING count(*) > 1
        ) m ON m.ge = g.ge
        UNION
        -- a list with its own count (stated_count.py)
        SELECT id FROM g WHERE kind = 'members' AND count IS NOT NULL
    )"""


def load_titles(store: Store, scoped: bool = False) -> Iterator[ClaimRow]:
    """Current titles (not "former", not a back-reference) at a known
    organisation, in blocks that can disagree: titles.py and names.py;
    streamed by organisation (``title_block``).
    ``scoped``: only blocks whose scope is in the temp table ``_dirty``."""
    scope = f"AND {PERSON_SCOPE_SQL} IN (SELECT scope FROM _dirty)" if scoped else ""
    return stream_claims(store, ("title",), TITLE_BLOCK_SQL, "AND c.id IN (SELECT id FROM keep)", _CURRENT_TITLES.format(scope=scope))


_ANNOUNCED = """
    SELECT DISTINCT c.subject, coalesce(eo.entity, c.org) AS oe, c.rank, c.as_of,
           coalesce(json_extract(c.detail, '$.promoted')::BOOLEAN, false) AS up
    FROM claims c LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
    WHERE c.kind = 'title' AND c.rank IS NOT NULL AND c.section <> 'furniture'
      AND coalesce(json_extract(c.detail, '$.backref')::BOOLEAN, false) = false
      AND (coalesce(json_extract(c.detail, '$.former')::BOOLEAN, false)
           OR coalesce(json_extract(c.detail, '$.promoted')::BOOLEAN, false)
           OR coalesce(json_extract_string(c.detail, '$.status'), 'current') IN ('former', 'designate'))"""


def load_announced(store: Store) -> dict[str, list[tuple]]:
    """Changes of post the sources state: a rank someone is named to
    ("사장에 내정됐다", designate) or has left ("부사장에서 사장으로 승진",
    "전 부사장", former) or moved up to (a post under "<승진>": it explains
    a lower rank only), by person: [(organisation entity or None, rank,
    as of, moved up)]. A disagreement between that rank and another is a change the
    sources announce, not a conflict (titles.py). Few claims are such
    statements, so they are read once, before the blocks stream."""
    out: dict[str, list[tuple]] = {}
    for subject, oe, rank, as_of, up in store.sql(_ANNOUNCED).fetchall():
        out.setdefault(subject, []).append((oe, rank, as_of, bool(up)))
    return out


def load_group_claims(store: Store, scoped: bool = False) -> Iterator[ClaimRow]:
    """Counts, lists and events of groups stated more than once, and lists
    with a stated count: stated_count.py and the group timelines; streamed
    by group (``group_block``).
    ``scoped``: only groups and sources whose scope is in ``_dirty``."""
    scope = f"AND ({GROUP_SCOPE_SQL} IN (SELECT scope FROM _dirty) OR 'source|' || c.source_id IN (SELECT scope FROM _dirty))" if scoped else ""
    return stream_claims(store, ("member_count", "members", "event"), GROUP_BLOCK_SQL, "AND c.id IN (SELECT id FROM keep)", _GROUP_CLAIMS.format(scope=scope))


def dirty_scopes_sql() -> str:
    """The scopes that claims of pending sources (added since the last
    check) fall in: the blocks a check after an add must recompute."""
    return f"""
        SELECT DISTINCT {PERSON_SCOPE_SQL} AS scope
        FROM claims c LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
        WHERE c.kind = 'title' AND c.org IS NOT NULL AND c.source_id IN (SELECT source_id FROM pending)
        UNION
        -- a change of post a new source announces ("사장에 내정됐다", written
        -- without the organisation too) bears on that person wherever titled
        SELECT DISTINCT {PERSON_SCOPE_SQL}
        FROM claims c LEFT JOIN entities eo ON eo.kind = 'org' AND eo.name = c.org
        WHERE c.kind = 'title' AND c.org IS NOT NULL AND c.subject IN (
            SELECT subject FROM claims WHERE kind = 'title' AND source_id IN (SELECT source_id FROM pending))
        UNION
        SELECT DISTINCT {GROUP_SCOPE_SQL}
        FROM claims c JOIN entities eg ON eg.kind = 'group' AND eg.name = c.grp
        WHERE c.source_id IN (SELECT source_id FROM pending)
        UNION
        SELECT DISTINCT 'source|' || source_id FROM pending"""  # never NULL: NOT IN over a NULL matches nothing


def dedupe_evidence(items: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for it in items:
        k = (it["source"], it["start"], it["end"])
        if k in seen:
            continue
        seen.add(k)
        out.append(it)
    return out


def fmt_date(d: date | None, precision: str = "day") -> str:
    if d is None:
        return _("an unknown date")
    return d.strftime("%Y-%m") if precision == "month" else d.isoformat()


def where_from(c: ClaimRow) -> str:
    outlet = c.outlet or c.path
    return _("{outlet} ({date})", outlet=outlet, date=fmt_date(c.published))


# A message names at most this many sources in one list, then says how many
# more there are ("A, B, C and 212 more"): a long-running story's finding
# rests on hundreds of articles, its evidence lists every one of them, and
# the message stays one sentence a person can read.
SHOWN_SOURCES = 8


def some_of(items: list, sep: str = ",", total: int | None = None, articles: bool = False) -> str:
    """``items`` (outlets, or articles: outlet and date) in order, joined by
    ``sep``, at most ``SHOWN_SOURCES`` of them, then how many more there are
    (of ``total``, when only the first ones are given: at least
    ``SHOWN_SOURCES + 1``)."""
    total = len(items) if total is None else total
    if total <= SHOWN_SOURCES + 1:  # never "and 1 more": the one is named
        return join(items, sep)
    shown, more = join(items[:SHOWN_SOURCES], ","), total - SHOWN_SOURCES
    if articles:
        return _("{items} and {more} more articles", items=shown, more=more)
    return _("{items} and {more} more outlets", items=shown, more=more)


def sources_of(claims: Iterable[ClaimRow], sep: str = ",") -> str:
    """The articles ``claims`` come from, outlet and date each (as
    ``where_from``), sorted, at most ``SHOWN_SOURCES`` of them
    (``some_of``): only those shown are made into messages."""
    seen = sorted({(c.outlet or c.path, fmt_date(c.published)) for c in claims})
    return some_of([_("{outlet} ({date})", outlet=o, date=d) for o, d in seen[:SHOWN_SOURCES + 1]], sep, len(seen), articles=True)
