"""The five seed articles (../shared/corpus/seeds.jsonl and seeds/*.txt:
news pages on the Idlib offensive from Middle East Eye, The National,
Diyaruna and Al Jazeera, with their chrome) and their gold
(../shared/gold/seeds.gold.jsonl).

The articles are quoted for research use only and may not be copied into
this repository, so every test here needs ../shared: a clone without it
skips this module as a whole (one skip naming what it needs); under CI it
fails.  Each test is one that runs in any clone on FA-KES dev (the module
named in its docstring); here it runs on the seeds, raw web pages whose
boilerplate and length FA-KES's texts lack."""
from __future__ import annotations

import json

import pytest

from conftest import need_shared

SHARED = need_shared("the five seed articles, quoted for research use only and not in tests/data", module=True)

from test_extract_figures import provenance_mismatches  # noqa: E402
from test_extract_golden import SEEDS, check_article, params  # noqa: E402
from test_geo_finder import gold_places_not_found  # noqa: E402
from test_ingest_cleanup import gold_quotes_lost  # noqa: E402
from wartally.geo import main_area  # noqa: E402
from wartally.records import Document  # noqa: E402

CORPUS = SHARED / "corpus" / "seeds.jsonl"
GOLD = SHARED / "gold" / "seeds.gold.jsonl"


@pytest.fixture(scope="module")
def seeds() -> dict[str, dict]:
    with open(CORPUS, encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, f)}


def test_seed_articles_are_the_five(seeds):
    assert sorted(seeds) == sorted(SEEDS) and len(SEEDS) == 5


@pytest.mark.parametrize("doc_id", list(params(SEEDS)))
def test_seed_golden_article_figures(doc_id, seeds):
    """As test_extract_golden.test_golden_article_figures."""
    problems = check_article(seeds[doc_id], doc_id)
    assert not problems, f"{doc_id}:\n" + "\n".join(problems)


def test_seed_every_provenance_span_quotes_the_document():
    """As test_extract_figures.test_every_provenance_span_quotes_the_document,
    over the seed articles as text files (seeds/*.txt)."""
    checked, wrong = provenance_mismatches([SHARED / "corpus" / "seeds"])
    assert checked > 250  # 317 when written
    assert not wrong, wrong[:10]


def test_seed_cleanup_keeps_every_gold_quote():
    """As test_ingest_cleanup.test_cleanup_keeps_every_gold_quote: the pages'
    chrome goes, the 38 quoted figures stay."""
    quotes, lost = gold_quotes_lost(CORPUS, GOLD)
    assert quotes >= 38
    assert not lost, lost


def test_seed_finder_flags_gold_places():
    """As test_geo_finder.test_finder_flags_gold_places_in_their_articles."""
    placed, missing = gold_places_not_found(CORPUS, GOLD)
    assert placed >= 5
    assert missing == []


def test_seed_main_area_is_idlib(seeds):
    """Each seed reports on the Idlib offensive: its main area (the area a
    figure without a place takes) is Idlib."""
    for doc_id, d in seeds.items():
        assert main_area(Document.from_json(d)).admin1 == "Idlib", doc_id
