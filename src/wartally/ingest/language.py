"""Language identification with py3langid's bundled offline model.

Texts too short to tell (fewer than ``MIN_LETTERS`` letters) are taken as
English rather than guessed at, and so are short texts made of English
words (headlines: "Regime barrel bombs kill 15 in Daraa activists AFP
Sunday"), which the model, trained on longer texts, may take for another
language.  A guess below ``CONFIDENT`` is a doubt, not a verdict: the
readers keep such a document (see ``is_doubtful``)."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from wartally.data.tables import months

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
# words of English conflict headlines: with the function words above, a short
# text made mostly of them is English ("bombs kill 15 in Daraa activists say")
_ENGLISH_HEADLINE = frozenset(
    "kill kills bomb bombs bombing strike strikes attack attacks shelling raid raids blast blasts dead death deaths "
    "toll dozens civilians children people soldiers fighters rebels regime army forces troops police militants "
    "activists monitor says say sources officials government barrel air airstrike airstrikes rocket rockets car "
    "suicide wounds wound wounding displaced flee fled hundreds thousands at least more than over "
    "monday tuesday wednesday thursday friday saturday sunday".split() + list(months().stems)
)
HEADLINE_SHARE = 0.4  # of a short text's words in the lists above
CONFIDENT = 0.5  # a guess of another language below this keeps the document
# frequent function words of other languages written in Latin script
_OTHER_FUNCTION_WORDS = frozenset(
    "de la le les des du et est une un el los las y en con por para del der die das und ist ein eine mit von "
    "il che di per una sono della het een van zijn ve bir ile da ne bu".split()
)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability), or (None, 0.0) when the text is too
    short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(list(islice(filter(str.isalpha, sample), MIN_LETTERS))) < MIN_LETTERS:  # counts only as far as it needs
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
        if len(words) < 20 and sum(_is_english_word(w) for w in words) >= HEADLINE_SHARE * len(words):
            return "en", 0.8
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def _is_english_word(word: str) -> bool:
    return word in _ENGLISH_FUNCTION_WORDS or word in _ENGLISH_SHORT or word in _ENGLISH_HEADLINE


def is_doubtful(probability: float) -> bool:
    """Whether a guess is too unsure to drop a document for."""
    return probability < CONFIDENT
