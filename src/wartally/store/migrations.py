"""Schema migrations, applied in order and recorded in ``schema_migrations``.

Version 1 is ``schema.sql``, the contract every stage codes against.  Later
versions only add (columns, tables, indexes); none edits version 1 in place.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def _schema_v1() -> str:
    return resources.files("wartally.store").joinpath("schema.sql").read_text(encoding="utf-8")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "schema v1: documents, sources, figures, events, links, disagreements", ""),
    Migration(
        2,
        "whole records beside the flat columns (lossless read-back), event evidence",
        """
        ALTER TABLE figures ADD COLUMN IF NOT EXISTS record JSON;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS evidence JSON;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS record JSON;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS record JSON;
        CREATE INDEX IF NOT EXISTS event_figures_figure ON event_figures (figure_id);
        """,
    ),
    Migration(
        3,
        "disagreements between claims: kind, every article behind each side, evidence; candidate links",
        """
        ALTER TABLE links ADD COLUMN IF NOT EXISTS candidate BOOLEAN DEFAULT false;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS kind VARCHAR;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS docs_a JSON;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS docs_b JSON;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS evidence VARCHAR;
        """,
    ),
    Migration(
        5,
        "analyst review: append-only corrections, accounts, reviewed flags and machine values",
        """
        CREATE SEQUENCE IF NOT EXISTS corrections_seq START 1;
        CREATE TABLE IF NOT EXISTS corrections (
            seq        BIGINT PRIMARY KEY DEFAULT nextval('corrections_seq'),
            "at"       TIMESTAMP NOT NULL DEFAULT current_timestamp,
            editor     VARCHAR NOT NULL,
            kind       VARCHAR NOT NULL,     -- accept | reject | edit | add | merge | split | verdict
            doc_id     VARCHAR,
            target_id  VARCHAR NOT NULL,     -- hash of target: what the correction is about
            target     JSON NOT NULL,        -- document id + span and text of the number, or figure keys
            field      VARCHAR,
            "before"   JSON,
            after      JSON,
            reason     VARCHAR
        );
        CREATE INDEX IF NOT EXISTS corrections_doc ON corrections (doc_id);
        CREATE TABLE IF NOT EXISTS users (
            name           VARCHAR PRIMARY KEY,
            role           VARCHAR NOT NULL,  -- viewer | editor | admin
            password_hash  VARCHAR NOT NULL,
            created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
        );
        ALTER TABLE figures ADD COLUMN IF NOT EXISTS reviewed BOOLEAN DEFAULT FALSE;
        ALTER TABLE figures ADD COLUMN IF NOT EXISTS review_status VARCHAR;
        ALTER TABLE figures ADD COLUMN IF NOT EXISTS machine_record JSON;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS reviewed BOOLEAN DEFAULT FALSE;
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS verdict VARCHAR;
        """,
    ),
    Migration(
        6,
        "watch: the state of each watched source and of every item seen (wartally watch)",
        """
        CREATE TABLE IF NOT EXISTS watch_sources (
            source         VARCHAR PRIMARY KEY,   -- as given: a URL or a folder
            kind           VARCHAR,               -- feed | sitemap | folder
            etag           VARCHAR,
            last_modified  VARCHAR,
            last_checked   TIMESTAMP,
            last_seen      TIMESTAMP,             -- when a new item was last found
            last_error     VARCHAR
        );
        CREATE TABLE IF NOT EXISTS watch_items (
            url           VARCHAR PRIMARY KEY,    -- article URL, or file:// path of a file
            seq           BIGINT NOT NULL,        -- discovery order: items are processed in it
            source        VARCHAR NOT NULL,
            status        VARCHAR NOT NULL,       -- pending | stored | duplicate | failed
            version       VARCHAR,                -- files: size and mtime read
            published     DATE,
            doc_id        VARCHAR,                -- the stored document (for a duplicate: the original)
            outlet        VARCHAR,
            sketch        BIGINT[],               -- bottom-k shingle hashes, for near-duplicates
            attempts      INTEGER NOT NULL DEFAULT 0,
            error         VARCHAR,
            retryable     BOOLEAN,
            first_seen    TIMESTAMP NOT NULL DEFAULT current_timestamp,
            done_at       TIMESTAMP
        );
        CREATE TABLE IF NOT EXISTS watch_meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        """,
    ),
    Migration(
        7,
        "the extractor that made each document's figures (its fingerprint), for wartally reextract",
        """
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS extractor VARCHAR;
        """,
    ),
    Migration(
        8,
        "disagreements about one incident's toll beside those between running totals: scope, event",
        """
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS scope VARCHAR DEFAULT 'tally';
        ALTER TABLE disagreements ADD COLUMN IF NOT EXISTS event_id VARCHAR;
        UPDATE disagreements SET scope = 'tally' WHERE scope IS NULL;
        """,
    ),
)

LATEST = MIGRATIONS[-1].version


def sql_of(m: Migration) -> str:
    return _schema_v1() if m.version == 1 else m.sql
