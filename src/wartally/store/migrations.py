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
)

LATEST = MIGRATIONS[-1].version


def sql_of(m: Migration) -> str:
    return _schema_v1() if m.version == 1 else m.sql
