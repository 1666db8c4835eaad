"""Long documents are extracted in windows (issue 17, item 5), so that time
grows linearly with length: an article-sized text is extracted exactly as
before, and a long one gives each article's figures at offsets into the
whole text, with the ids and parts an unwindowed run would give."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from wartally.extract import extract_document, extract_whole_document
from wartally.extract.windows import WINDOW_CHARS, extract_windowed, window_bounds
from wartally.records import Document, Figure


@pytest.fixture(scope="module")
def articles(sample) -> list[Document]:
    """The first 12 FA-KES articles of the sample (tests/data/sample)."""
    with open(sample / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [Document.make(r["id"], r["text"], published=r["published"], outlet=r.get("outlet")) for r in rows[:12]]


@pytest.mark.parametrize("text, size, cuts_after", [
    ("First paragraph here.\n\nSecond one is here.\n\nThird.", 30, ["\n\n"]),
    ("One line here.\nAnother line.\nAnd a third line.", 25, ["\n", "\n"]),
    ("Shelling killed 5 people. Airstrikes killed 7 more. Rescuers searched the rubble.", 40, [". ", ". "]),
    ("word " * 30, 32, [" "] * 4),
    ("x" * 100, 32, ["", "", ""]),
])
def test_windows_cover_the_text_and_cut_at_breaks(text, size, cuts_after):
    bounds = window_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b and b - a <= size for a, b in bounds)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(bounds, bounds[1:]))
    ends = [text[:b] for _, b in bounds[:-1]]
    assert [next((c for c in ("\n\n", "\n", ". ", " ") if e.endswith(c)), "") for e in ends] == cuts_after


def test_windows_an_article_is_extracted_whole_as_before(articles):
    for doc in articles:
        assert len(doc.text) <= WINDOW_CHARS
        assert extract_document(doc) == extract_whole_document(doc)


def test_windows_long_text_gives_each_articles_figures_in_place(articles):
    joined = "\n\n".join(d.text for d in articles)
    long_doc = Document.make("long", joined, published=dt.date(2016, 7, 16))
    size = max(len(d.text) for d in articles) + 2
    assert len(window_bounds(joined, size)) > 1
    figures = extract_windowed(extract_whole_document, long_doc, size=size)
    assert figures
    ids = {f.id for f in figures}
    assert len(ids) == len(figures)
    for f in figures:
        assert f.doc_id == "long"
        assert f.number_span.text == joined[f.number_span.start:f.number_span.end]
        assert all(s.text == joined[s.start:s.end] for s in f.provenance)
        assert f.sentence_start <= f.number_span.start < f.sentence_end
        assert f.part_of is None or f.part_of in ids
        assert f.id == Figure.make_id("long", long_doc.content_hash, f.number_span.start, f.outcome, f.victims)
    # each window is extracted as a document of its own: the same figures as
    # the windows' texts give alone, moved to their offsets
    expected = []
    for lo, hi in window_bounds(joined, size):
        part = dataclasses.replace(long_doc, text=joined[lo:hi])
        expected += [(f.n, str(f.outcome), f.number_span.start + lo, f.period.start, f.source)
                     for f in extract_whole_document(part)]
    assert [(f.n, str(f.outcome), f.number_span.start, f.period.start, f.source) for f in figures] == expected


def test_windows_gazetteer_hits_are_handed_to_each_window(articles):
    from wartally.extract.places import gazetteer_hits

    joined = "\n\n".join(d.text for d in articles[:6])
    doc = Document.make("long", joined, published=dt.date(2016, 7, 16))
    size = max(len(d.text) for d in articles[:6]) + 2
    with_hits = extract_windowed(extract_whole_document, doc, gazetteer_hits=gazetteer_hits(joined), size=size)
    assert with_hits == extract_windowed(extract_whole_document, doc, size=size)
