"""Orchestration of the per-document stage: ``process_document`` (extract →
geocode; readers have already cleaned the text) as the top layer offers it.
The stage itself lives in ``wartally.extract.document`` so that the runners
below this layer (engines, eval, link scoring) call it without importing
upwards; see docs/architecture.md."""
from __future__ import annotations

from wartally.extract.document import process_document

__all__ = ["process_document"]
