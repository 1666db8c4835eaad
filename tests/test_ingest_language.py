"""Language detection keeps short English texts, and a doubtful guess of
another language keeps the document with the doubt noted ("pcm?")."""
from __future__ import annotations

import json

import pytest

from wartally.extract.document import process_document
from wartally.ingest import read_documents, split_results
from wartally.ingest.language import detect_language, is_doubtful

ENGLISH_HEADLINES = [
    # FA-KES-style headline that py3langid alone takes for Nigerian Pidgin (p = 0.22)
    "Regime barrel bombs kill 15 in Daraa activists AFP Sunday 9 Jun 2019",
    "Regime barrel bombs kill 15 in Daraa, activists say",
    "Russian air strikes kill 20 civilians in Idlib market town",
    "Suicide car bomb kills dozens at army checkpoint in Hama, monitor says",
]
OTHER_LANGUAGES = [
    ("Les frappes aériennes ont tué 12 civils dans la province d'Idlib dimanche soir selon l'OSDH", "fr"),
    ("Luftangriffe töten zwölf Zivilisten in der Provinz Idlib am Sonntag, sagt die Beobachtungsstelle", "de"),
]


@pytest.mark.parametrize("text", ENGLISH_HEADLINES)
def test_language_short_english_text_is_english(text):
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize(("text", "lang"), OTHER_LANGUAGES)
def test_language_short_foreign_text_is_not_english(text, lang):
    got, prob = detect_language(text)
    assert got == lang and not is_doubtful(prob)


def test_language_reader_keeps_english_headline_and_its_figure(tmp_path):
    path = tmp_path / "headline.jsonl"
    path.write_text(json.dumps({"id": "h1", "text": ENGLISH_HEADLINES[0], "published": "2019-06-09"}) + "\n")
    docs, problems = split_results(read_documents([path]))
    assert problems == [] and [d.language for d in docs] == ["en"]

    assert [(f.outcome, f.n) for f in process_document(docs[0], geocode=False)] == [("killed", 15)]


def test_language_reader_keeps_a_doubtful_guess_and_notes_it(tmp_path):
    # words no English list holds and no other language's function words: the model's guess is unsure
    text = "Zorblat kremmick vashtu 15 nandor pelluvi Daraa okkoro quandel"
    lang, prob = detect_language(text)
    assert lang != "en" and is_doubtful(prob), (lang, prob)
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "odd", "text": text}) + "\n")
    docs, problems = split_results(read_documents([path]))
    assert problems == [] and [d.language for d in docs] == [f"{lang}?"]
