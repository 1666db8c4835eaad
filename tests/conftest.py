"""Shared fixtures: paths to the shared corpora and gold files, and an
output folder for artefacts (screenshots, reports) that a test run keeps."""
from __future__ import annotations

import importlib.util
import inspect
import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUTPUT = ROOT / "test-output"


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


SAMPLE = ROOT / "tests" / "data" / "sample"  # CC-licensed part of ../shared (see its README.md)
UNDER_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def figures_of(text: str, published: str = "2024-03-12") -> list:
    """The figures ``wartally.extract`` gives for a short text, as the
    outlet's own news, without geocoding (table-driven sentence tests)."""
    import wartally

    return wartally.extract(text, published=published, outlet="the outlet", geocode=False)


def figure_in(text: str, fig: tuple[str, int, str], published: str = "2024-03-12"):
    """The figure of ``text`` with this (outcome, number, victims); fails
    naming the figures the text gave instead."""
    figs = figures_of(text, published)
    found = [f for f in figs if (str(f.outcome), f.n, str(f.victims)) == fig]
    assert found, f"no figure {fig} in {sorted({(str(f.outcome), f.n, str(f.victims)) for f in figs})}"
    return found[0]


def report_documents(*reports: tuple[str, str, str]) -> dict:
    """(id, text, published) reports as documents by id, each from its own outlet."""
    from wartally.records import Document

    return {i: Document.make(i, text, published=published, outlet=f"outlet {i}") for i, text, published in reports}


def events_by_docs(*reports: tuple[str, str, str]) -> list[frozenset[str]]:
    """The documents of each event the real link stage makes of the
    extractor's figures of these (id, text, published) reports."""
    from wartally.extract.document import process_document
    from wartally.link import link_figures

    docs = report_documents(*reports)
    figs = [f for doc in docs.values() for f in process_document(doc)]
    doc_of = {f.id: f.doc_id for f in figs}
    return [frozenset(doc_of[i] for i in e.figure_ids) for e in link_figures(figs, docs).events]


def need_shared(what: str, *, module: bool = False) -> Path:
    """``../shared``; without it the test (with ``module=True``, called at
    a module's top: every test of the module) is skipped, naming what it
    needs, or, under CI (``CI=true``), fails: CI must run every test."""
    if not SHARED.exists():
        message = f"needs ../shared ({what}): not beside the repository"
        if module:  # pytest reports a module's skip at this line: name the module
            caller = Path(inspect.stack()[1].filename)
            message = f"{caller.parent.name}/{caller.name}, every test: {message}"
        if UNDER_CI:
            pytest.fail(message + "; under CI it must be", pytrace=False)
        pytest.skip(message, allow_module_level=module)
    return SHARED


@pytest.fixture(scope="session")
def sample() -> Path:
    """tests/data/sample, which every clone has: FA-KES dev (all 394
    articles), every eighth Wikipedia incident (41) and the gold guide, with
    their gold."""
    return SAMPLE


@pytest.fixture(scope="session")
def sample_articles(tmp_path_factory) -> Path:
    """A JSONL file of the 16 FA-KES articles of the sample's hand gold
    (tests/data/sample/gold/fakes-dev.gold.jsonl), in the gold's order: a
    small real corpus, CC BY 4.0, for end-to-end tests in any clone."""
    wanted = [g["id"] for g in load_jsonl(SAMPLE / "gold" / "fakes-dev.gold.jsonl")]
    docs = {d["id"]: d for d in load_jsonl(SAMPLE / "corpus" / "fakes-dev.jsonl")}
    path = tmp_path_factory.mktemp("sample") / "fakes-gold.jsonl"
    path.write_text("".join(json.dumps(docs[i], ensure_ascii=False) + "\n" for i in wanted), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def fakes_cut(tmp_path_factory) -> Path:
    """A JSONL file of the 125 FA-KES dev articles that the tests name (the
    hand gold's, the golden files' and the link pairs'), in corpus order:
    for end-to-end runs (Spark, re-linking) that need many real articles
    but not all 394."""
    data = ROOT / "tests" / "data"
    wanted = {g["id"] for g in load_jsonl(SAMPLE / "gold" / "fakes-dev.gold.jsonl")}
    wanted |= {p.stem for p in (ROOT / "tests" / "golden").glob("fakes-*.json")}
    for pairs in data.glob("link_pairs*.jsonl"):
        wanted |= {pair[side]["doc"] for pair in load_jsonl(pairs) for side in ("a", "b")}
    with open(SAMPLE / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        lines = [line for line in f if json.loads(line)["id"] in wanted]
    path = tmp_path_factory.mktemp("fakes-cut") / "fakes-dev.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


# Five FA-KES articles of the sample (CC BY 4.0, tests/data/sample/README.md),
# from five outlets, for the readers' and cleanup's tests in any clone
ARTICLE_IDS = ("fakes-1926479310", "fakes-1923848195", "fakes-1924058092", "fakes-1924058046", "fakes-1926479099")


def as_article(doc: dict) -> str:
    """A FA-KES text (one line) laid out as a news page's text: the title,
    then one sentence a paragraph.  Only whitespace changes."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", doc["text"].strip())
    return "\n\n".join([doc["title"], *sentences]) + "\n"


@pytest.fixture(scope="session")
def articles(tmp_path_factory) -> Path:
    """A folder laid out as ../shared lays out its seed articles:
    ``corpus/articles.jsonl`` (id ``<FA-KES id>.txt``, published, outlet,
    title, text) and the same texts as ``corpus/articles/<id>.txt``; the
    texts are five FA-KES articles of the sample, each its title and then
    one sentence a paragraph (``as_article``)."""
    docs = {d["id"]: d for d in load_jsonl(SAMPLE / "corpus" / "fakes-dev.jsonl")}
    root = tmp_path_factory.mktemp("articles")
    folder = root / "corpus" / "articles"
    folder.mkdir(parents=True)
    lines = []
    for doc_id in ARTICLE_IDS:
        d = docs[doc_id]
        text = as_article(d)
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        lines.append(json.dumps({"id": f"{doc_id}.txt", "published": d["published"], "outlet": d["outlet"],
                                 "title": d["title"], "text": text}, ensure_ascii=False) + "\n")
    (root / "corpus" / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    return root


def gazetteer_locator():
    """A locator for ``wartally.store.samples.gold_figures`` over the shipped
    gazetteer (the geocoder's own resolver, Syria as the prior): a gold
    place, or else its governorate, as the geocoder places it."""
    from wartally import geo

    def locate(place, admin1):
        p = geo.resolve(place, country="SY") if place else geo.resolve(admin1, area=True, country="SY")
        return p if p.resolved else None
    return locate


@pytest.fixture(scope="session")
def gold_root() -> Path:
    """``../shared`` when it is there, else the sample under tests/data/sample:
    FA-KES dev (the same files as ../shared's), every eighth Wikipedia
    incident and the gold guide, in the same layout."""
    if SHARED.exists():
        return SHARED
    if UNDER_CI:
        need_shared("the whole gold")
    return SAMPLE


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def load_script(name: str):
    """``scripts/<name>.py`` as a module (the build scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    """scripts/build_gazetteer.py, for tests that check the shipped gazetteer against its build."""
    return load_script("build_gazetteer")
