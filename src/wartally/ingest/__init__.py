"""Ingestion: readers for JSONL, text folders, saved HTML pages, RSS/Atom
feeds and WARC archives, all yielding cleaned, English ``Document``s (and
``Problem``s for what could not be read); boilerplate cleanup; language
identification."""
from wartally.ingest.cleanup import clean_text
from wartally.ingest.language import detect_language
from wartally.ingest.reader import read_documents, split_results

__all__ = ["clean_text", "detect_language", "read_documents", "split_results"]
