"""Properties of the extractor over any text (hypothesis): it never raises,
and every offset it gives points at the text it quotes: the number, each
field's provenance, the place and the period spans; the quote is a part of
the sentence its offsets give, and holds the number."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wartally

# pieces of real sentences (../shared/corpus), so that generated texts hold
# figures, places, dates and sources, mixed with arbitrary text
FRAGMENTS = [
    "Airstrikes killed", "at least", "12", "civilians", "in Ariha", "on Monday", ",", ".", "the Syrian Observatory",
    "for Human Rights said", "including", "three children", "were wounded", "more than 2,000", "people", "fled",
    "since 30 April", "in Idlib province", "barrel bombs", "kill 15", "in Daraa", "activists", "AFP", "Sunday",
    "9 Jun 2019", "Russian", "regime forces", "a suicide car bomb", "dozens", "injured", "displaced", "fighters",
    "according to", "SANA", "the death toll rose to", "1,300", "between May and June", "Homs", "Aleppo", "â€™",
    "\u0130stanbul", "K\u212a", "ſ", "\u00a0", "\n\n", "(", ")", "—", "%", "0", "-5", "1e9", "½",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map(" ".join),
)


def _spans(figure):
    yield figure.number_span
    yield from figure.provenance
    for place in (figure.place, figure.area):
        if place is not None and place.span is not None:
            yield place.span
    if figure.period.span is not None:
        yield figure.period.span


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2019-06-10", "2011-03-15"]))
def test_extract_never_raises_and_offsets_point_at_their_quote(text, published):
    for figure in wartally.extract(text, published=published):
        sentence = text[figure.sentence_start:figure.sentence_end]
        assert figure.sentence_start <= figure.number_span.start < figure.number_span.end <= figure.sentence_end
        # the quote is the clause around the number, its white space made single spaces
        assert figure.quote and figure.quote in " ".join(sentence.split())
        assert " ".join(figure.number_span.text.split()) in figure.quote
        for span in _spans(figure):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text, (span, text[span.start:span.end])
