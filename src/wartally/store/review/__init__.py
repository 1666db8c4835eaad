"""Analysts' corrections as the store keeps them: the append-only log, the
keys that tie a correction to its figure across re-ingest, and how the store
re-applies them to every figure and event it writes.  Part of the store so
that no write can leave them out; the review package above (accounts, the
queue, the actions, the CLI) records them through it."""
