"""The organisation gazetteer, on the store side.

``org_names`` holds every confirmation extraction emitted (``nlp/gazetteer.py``:
a stock code, an acronym, a list with its stated count, a name before "PERSON
RANK"), one row per place, with the source and the offsets; it is written with
the source's claims and deleted with them. The gazetteer is the set of names
in it. A source is extracted with the names *other* sources confirmed (its
own it reads as it goes, as before).

Confirmations never depend on the gazetteer, so the gazetteer is a function
of the set of sources, and so are the claims: a full rebuild and sources
added one at a time, in any order, give the same claims. What keeps the
incremental case right is ``org_lookups``: every name each source's
extraction asked the gazetteer about, with the answer. After an ``add`` (or a
``remove``), the sources to extract again are those with an answer that is
no longer right, for the names whose confirming sources changed: one join,
no text search. Extracting them again changes no confirmation, so one pass
is enough.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..store.db import Store

REEXTRACT_BATCH = 32


class Gazetteer:
    """The store's gazetteer while sources are written: the number of sources
    confirming each name, and the names whose confirming sources changed."""

    def __init__(self, store: Store):
        self.counts: Counter[str] = Counter(dict(store.sql("SELECT name, count(DISTINCT source_id) FROM org_names GROUP BY name").fetchall()))
        self._names: frozenset[str] | None = None

    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(n for n, c in self.counts.items() if c > 0)
        return self._names

    def for_sources(self, store: Store, ids: list[str]) -> list[frozenset[str]]:
        """For each source id, the names other sources confirm (a stored
        source's own confirmations do not count for it)."""
        names = self.names()
        own: dict[str, set[str]] = {}
        if names and ids:
            for sid, name in store.sql("SELECT DISTINCT source_id, name FROM org_names WHERE source_id IN (SELECT unnest(?))", [list(ids)]).fetchall():
                own.setdefault(sid, set()).add(name)
        out = []
        for sid in ids:
            alone = {n for n in own.get(sid, ()) if self.counts[n] <= 1}
            out.append(names - alone if alone else names)
        return out

    def changed(self, store: Store, removed: Iterable[tuple[str, str]], added: Iterable[tuple[str, str]]) -> None:
        """(source id, name) pairs whose confirmations were deleted / stored,
        in the transaction that does it: the names are written down
        (``org_changes``) until ``sync`` has extracted again what they concern,
        so an add killed before that is completed by the next one."""
        removed, added = set(removed), set(added)
        for _sid, name in removed:
            self.counts[name] -= 1
        for _sid, name in added:
            self.counts[name] += 1
        names = sorted({n for _s, n in removed | added})
        if names:
            store.sql("INSERT INTO org_changes SELECT unnest(?)", [names])
            self._names = None


def removed_pairs(store: Store, ids: list[str]) -> list[tuple[str, str]]:
    """The (source id, name) confirmations of sources about to be deleted."""
    if not ids:
        return []
    return store.sql("SELECT DISTINCT source_id, name FROM org_names WHERE source_id IN (SELECT unnest(?))", [list(ids)]).fetchall()


def stale_sources(store: Store, names: Iterable[str]) -> list[str]:
    """Sources whose extraction asked about one of ``names`` and got an
    answer the gazetteer no longer gives."""
    names = sorted(set(names))
    if not names:
        return []
    rows = store.sql(
        """SELECT DISTINCT l.source_id FROM org_lookups l
           WHERE l.name IN (SELECT unnest(?))
             AND l.found <> EXISTS (SELECT 1 FROM org_names o WHERE o.name = l.name AND o.source_id <> l.source_id)
           ORDER BY 1""",
        [names],
    ).fetchall()
    return [r[0] for r in rows]


def sync(store: Store, gaz: Gazetteer) -> list[str]:
    """After sources were written or removed: a store made before the
    gazetteer existed has its sources extracted again (once), then every
    source whose lookups the changes answer differently is. Returns the ids
    extracted again."""
    redone: list[str] = []
    if store.scalar("SELECT value FROM meta WHERE key = 'gazetteer'") == "rebuild":
        ids = [r[0] for r in store.sql("SELECT id FROM sources ORDER BY id").fetchall()]
        redone += reextract(store, gaz, ids, confirm=True)
        store.sql("DELETE FROM meta WHERE key = 'gazetteer'")
    changes = [r[0] for r in store.sql("SELECT DISTINCT name FROM org_changes ORDER BY 1").fetchall()]
    redone += reextract(store, gaz, stale_sources(store, changes), confirm=False)
    if changes:
        store.sql("DELETE FROM org_changes WHERE name IN (SELECT unnest(?))", [changes])
    return redone


def reextract(store: Store, gaz: Gazetteer, ids: list[str], confirm: bool) -> list[str]:
    """Extract stored sources again with the gazetteer as it is; their claims,
    alias edges and lookups are replaced (and their confirmations, when
    ``confirm``; without it they stay: they cannot have changed)."""
    from .add import _table, claim_rows_for, extract_batch

    if not ids:
        return []
    for at in range(0, len(ids), REEXTRACT_BATCH):
        chunk = ids[at : at + REEXTRACT_BATCH]
        rows = store.rows("SELECT id, text, published, title FROM sources WHERE id IN (SELECT unnest(?)) ORDER BY id", [chunk])
        orgs = gaz.for_sources(store, [r["id"] for r in rows])
        extracted = extract_batch([(r["text"], r["published"], r["title"], o) for r, o in zip(rows, orgs)], confirm=confirm)
        claims, aliases, names, lookups = [], [], [], []
        for r, (_sentences, crows, arows, nrows, lrows) in zip(rows, extracted):
            claims += claim_rows_for(r["id"], crows)
            aliases += [{"source_id": r["id"], "kind": k, "a": a, "b": b, "method": m} for k, a, b, m in arows]
            names += [{"source_id": r["id"], **n} for n in nrows]
            lookups += [{"source_id": r["id"], "name": n, "found": f} for n, f in lrows]
        done = [r["id"] for r in rows]
        # most answers that changed change nothing: only sources whose claims
        # did make the next check a full one
        before = _claims_of(store, done)
        after: dict[str, set] = {}
        for c in claims:
            after.setdefault(c["source_id"], set()).add(_claim_key(c))
        for a in aliases:
            after.setdefault(a["source_id"], set()).add(("alias", a["kind"], a["a"], a["b"], a["method"]))
        changed = [sid for sid in done if before.get(sid, set()) != after.get(sid, set())]
        with store.transaction():
            tables = ["claims", "alias_edges", "org_lookups"] + (["org_names"] if confirm else [])
            if confirm:
                gone = removed_pairs(store, done)
            for table in tables:
                store.sql(f"DELETE FROM {table} WHERE source_id IN (SELECT unnest(?))", [done])
            store.insert_arrow("claims", _table(claims, "claims"))
            store.insert_arrow("alias_edges", _table(aliases, "alias_edges"))
            store.insert_arrow("org_lookups", _table(lookups, "org_lookups"))
            if confirm:
                store.insert_arrow("org_names", _table(names, "org_names"))
                gaz.changed(store, gone, [(n["source_id"], n["name"]) for n in names])
            # claims of sources checked before changed: the next check is a full one
            if changed and store.scalar("SELECT count(*) FROM (SELECT unnest(?) AS id) WHERE id NOT IN (SELECT source_id FROM pending)", [changed]):
                store.needs_full_check()
    return list(ids)


_CLAIM_COLS = ("id", "kind", "subject", "value", "start", "end", "org", "role", "rank", "grp", "count", "detail")


def _claim_key(c: dict) -> tuple:
    return tuple(c[k] for k in _CLAIM_COLS)


def _claims_of(store: Store, ids: list[str]) -> dict[str, set]:
    out: dict[str, set] = {}
    cols = ", ".join(f'"{k}"' for k in _CLAIM_COLS)
    for row in store.rows(f"SELECT source_id, {cols} FROM claims WHERE source_id IN (SELECT unnest(?))", [ids]):
        out.setdefault(row["source_id"], set()).add(_claim_key(row))
    for row in store.rows("SELECT source_id, kind, a, b, method FROM alias_edges WHERE source_id IN (SELECT unnest(?))", [ids]):
        out.setdefault(row["source_id"], set()).add(("alias", row["kind"], row["a"], row["b"], row["method"]))
    return out


def list_orgs(store: Store) -> list[dict]:
    """The gazetteer: each name with the places that confirm it (source,
    path, offsets, how, and the quote ``text[start:end]``, which is the name)."""
    rows = store.rows(
        """SELECT o.name, o.how, o.source_id AS source, s.path, o.start, o."end",
                  substr(s.text, o.start + 1, o."end" - o.start) AS quote
           FROM org_names o JOIN sources s ON s.id = o.source_id
           ORDER BY o.name, s.path, o.start"""
    )
    out: dict[str, dict] = {}
    for r in rows:
        entry = out.setdefault(r["name"], {"name": r["name"], "sources": 0, "evidence": []})
        entry["evidence"].append({k: r[k] for k in ("source", "path", "start", "end", "how", "quote")})
    for entry in out.values():
        entry["sources"] = len({e["source"] for e in entry["evidence"]})
    return list(out.values())
