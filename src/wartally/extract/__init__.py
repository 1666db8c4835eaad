"""Figure extraction: numbers, outcomes, victims, dates, places, sources,
actors and weapons, by rules and lexicons (src/wartally/data/lexicons)."""
from wartally.extract.figures import extract_document

__all__ = ["extract_document"]
