"""The embedded DuckDB store: schema and migrations, idempotent batched
writes, and the queries shared by the CLI and the web API."""
from wartally.store.database import (
    DEFAULT_PATH,
    Store,
    StoreCorrupt,
    StoreLocked,
    StoreNoSpace,
    StoreReadOnly,
    StoreTooNew,
)
from wartally.store.migrations import LATEST as SCHEMA_VERSION

__all__ = [
    "DEFAULT_PATH",
    "SCHEMA_VERSION",
    "Store",
    "StoreCorrupt",
    "StoreLocked",
    "StoreNoSpace",
    "StoreReadOnly",
    "StoreTooNew",
]
