"""Exports of the store: csv, parquet, geojson, and ACLED- and UCDP-style
event tables (mapping rules in docs/exports.md)."""
from wartally.export.formats import ACLED_COLUMNS, EVENT_COLUMNS, FORMATS, UCDP_COLUMNS, export

__all__ = ["ACLED_COLUMNS", "EVENT_COLUMNS", "FORMATS", "UCDP_COLUMNS", "export"]
