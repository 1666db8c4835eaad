"""Language identification with py3langid's bundled offline model.

Texts too short to tell (fewer than ``MIN_LETTERS`` letters) are taken as
English rather than guessed at."""
from __future__ import annotations

from functools import lru_cache

MIN_LETTERS = 40
SAMPLE_CHARS = 1500  # the first this many characters decide


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) when the text is too
    short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
