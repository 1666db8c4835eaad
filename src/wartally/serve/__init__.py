"""The web page and JSON API over a store.

    wartally serve --db wartally.duckdb --port 8000

or from Python (``create_app`` is imported lazily so that ``wartally --help``
does not load FastAPI)::

    from wartally.serve import create_app
    app = create_app("wartally.duckdb")      # a FastAPI app; run it with uvicorn

Endpoints: /api/figures, /api/events, /api/events/{id}, /api/documents/{id},
/api/disagreements, /api/timeline, /api/stats, /api/boundaries/{level}; the
schema at /openapi.json.  The page is static/index.html with vendored Leaflet.
"""
from __future__ import annotations

import importlib

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":  # on first use: FastAPI takes a while to import
        return importlib.import_module("wartally.serve.app").create_app
    raise AttributeError(name)
