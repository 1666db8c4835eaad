"""Language identification with py3langid's bundled offline model.

Texts too short to tell (fewer than ``MIN_LETTERS`` letters) are taken as
English rather than guessed at."""
from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 40
SAMPLE_CHARS = 1500  # the first this many characters decide


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# Function words frequent in any English text and rare as words in other
# languages written in Latin script: a sample where they make up a large share
# of the words is English without asking the model (which costs 0.4 s to load
# and about 1 ms a document).
_ENGLISH_FUNCTION_WORDS = frozenset("the and of to was were has have had that with for said by from which is are".split())
_WORDS = re.compile(r"[a-z]+")
ENGLISH_SHARE = 0.12
LONG_ENGLISH_SHARE = 0.085  # enough over 100 words or more (Dutch "is", "was", "of" stay well below)
_ENGLISH_SHORT = frozenset("in on at after as killed injured wounded including".split())
# frequent function words of other languages written in Latin script
_OTHER_FUNCTION_WORDS = frozenset(
    "de la le les des du et est une un el los las y en con por para del der die das und ist ein eine mit von "
    "il che di per una sono della het een van zijn ve bir ile da ne bu".split()
)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) when the text is too
    short to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_LETTERS:
        return None, 0.0
    words = _WORDS.findall(sample.lower())
    if len(words) >= 20:
        share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if share >= ENGLISH_SHARE or (len(words) >= 100 and share >= LONG_ENGLISH_SHARE and "the" in words):
            return "en", 1.0
    if words and not any(w in _OTHER_FUNCTION_WORDS for w in words):
        # a short English headline-like text: English words, none of another language's
        if sum(w in _ENGLISH_FUNCTION_WORDS or w in _ENGLISH_SHORT for w in words) >= max(2, len(words) // 15):
            return "en", 0.9
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
