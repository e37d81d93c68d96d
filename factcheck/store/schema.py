"""The store's schema, versioned. Each entry migrates from the version before.

A store made by an older release is migrated forward when it is opened; the
version lives in ``meta.schema_version``. Documented in the README ("The
store").
"""

SCHEMA_VERSION = 5

MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE sources (
            id VARCHAR PRIMARY KEY,
            path VARCHAR NOT NULL,
            version INTEGER NOT NULL,
            content_hash VARCHAR NOT NULL,
            size BIGINT,
            mtime DOUBLE,
            text VARCHAR NOT NULL,
            outlet VARCHAR,
            published DATE,
            published_origin VARCHAR,
            url VARCHAR,
            title VARCHAR,
            encoding VARCHAR,
            added_at TIMESTAMP
        )""",
        """CREATE TABLE source_versions (
            source_id VARCHAR, version INTEGER, content_hash VARCHAR, path VARCHAR,
            added_at TIMESTAMP, replaced_at TIMESTAMP
        )""",
        """CREATE TABLE sentences (
            source_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER,
            section VARCHAR, repeat_of INTEGER, text VARCHAR
        )""",
        """CREATE TABLE claims (
            id VARCHAR, source_id VARCHAR, kind VARCHAR, subject VARCHAR, value VARCHAR,
            start INTEGER, "end" INTEGER, quote VARCHAR,
            sentence_idx INTEGER, sentence_start INTEGER, sentence_end INTEGER,
            section VARCHAR, as_of DATE, as_of_precision VARCHAR,
            org VARCHAR, role VARCHAR, rank VARCHAR, grp VARCHAR, count INTEGER,
            detail VARCHAR
        )""",
        """CREATE TABLE alias_edges (source_id VARCHAR, kind VARCHAR, a VARCHAR, b VARCHAR, method VARCHAR)""",
        """CREATE TABLE user_aliases (kind VARCHAR, a VARCHAR, b VARCHAR, decision VARCHAR, created_at TIMESTAMP)""",
        """CREATE TABLE findings (
            id VARCHAR PRIMARY KEY, kind VARCHAR, attribute VARCHAR, severity VARCHAR,
            subject VARCHAR, "values" VARCHAR, message VARCHAR, evidence VARCHAR,
            first_run INTEGER, last_run INTEGER
        )""",
        """CREATE TABLE acks (finding_id VARCHAR PRIMARY KEY, note VARCHAR, created_at TIMESTAMP)""",
        """CREATE TABLE runs (
            id INTEGER, command VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP,
            sources_read INTEGER, sources_skipped INTEGER, claims INTEGER,
            errors INTEGER, warnings INTEGER, info INTEGER, finding_ids VARCHAR[]
        )""",
    ],
    2: [
        # entity resolution results, rebuilt by every check (Splink-style: the
        # linkage is SQL over these tables)
        """CREATE TABLE entities (
            kind VARCHAR, name VARCHAR, entity VARCHAR, label VARCHAR, method VARCHAR, score DOUBLE
        )""",
        "CREATE INDEX IF NOT EXISTS claims_source ON claims(source_id)",
        "CREATE INDEX IF NOT EXISTS sentences_source ON sentences(source_id)",
    ],
    3: [
        # incremental checks: each finding names the block of claims it came
        # from (its scope), sources added since the last check are pending,
        # and anything else that changed claims asks for a full check
        "ALTER TABLE findings ADD COLUMN extra VARCHAR",
        "ALTER TABLE findings ADD COLUMN scope VARCHAR",
        "CREATE TABLE pending (source_id VARCHAR)",
        "INSERT INTO meta VALUES ('full_check', 'needed') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ],
    4: [
        # the organisation gazetteer (ingest/gazetteer.py): names confirmed
        # in a high-precision context of a source, with where; and the names
        # each source's extraction asked it about, with the answer
        """CREATE TABLE org_names (name VARCHAR, source_id VARCHAR, start INTEGER, "end" INTEGER, how VARCHAR)""",
        """CREATE TABLE org_lookups (source_id VARCHAR, name VARCHAR, found BOOLEAN)""",
        # names whose confirming sources changed, until the sources they concern are extracted again
        "CREATE TABLE org_changes (name VARCHAR)",
        # sources stored before: extracted again at the next add, which fills both
        "INSERT INTO meta SELECT 'gazetteer', 'rebuild' WHERE EXISTS (SELECT 1 FROM sources) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ],
    5: [
        # no index on claims and sentences by source: DuckDB keeps an index
        # in memory, and the process that writes the store grew with it
        # (issue 13; 20,000 sources: 418 -> 394 MB without them); nothing
        # reads by them but the deletes of changed sources, which scan
        "DROP INDEX IF EXISTS claims_source",
        "DROP INDEX IF EXISTS sentences_source",
    ],
}
