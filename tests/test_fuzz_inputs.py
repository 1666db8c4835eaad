"""Fuzzing the readers and the extractor (issue 17): hypothesis builds
batches of good and hostile input; whatever it builds, reading never raises
and never hangs, every good record of a batch is kept, and every problem
is one line ``WHERE: CODE: REASON`` naming the file, never ``internal``.

The run is bounded (about a minute in CI) and prints its seed and how many
inputs it tried (each JSONL line, text, page and archive counts as one):

    WARTALLY_FUZZ_SEED=1234 .venv/bin/python -m pytest tests/test_fuzz_inputs.py -s
    WARTALLY_FUZZ_SCALE=10 ...   # ten times as many examples

A failing example is printed by hypothesis with the seed that reproduces it.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from wartally.errors import Problem
from wartally.ingest import read_documents
from wartally.records import Document

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SEED = int(os.environ.get("WARTALLY_FUZZ_SEED") or random.SystemRandom().randrange(2**32))
SCALE = float(os.environ.get("WARTALLY_FUZZ_SCALE") or 1)
TRIED: dict[str, int] = {}

SENTENCES = [
    "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said.",
    "Government and Russian fire has killed 288 civilians since 30 April, including 67 children, the monitor said.",
    "At least 40 people were wounded when a car bomb exploded near a market in Azaz on Friday.",
    "More than 150,000 people have fled the fighting in southern Idlib since late April, the United Nations said.",
    "Shelling killed three children and injured nine other people in Maarat al-Numan, rescuers said.",
    "The White Helmets said 7 of their volunteers had been killed in strikes on the town this week.",
]
PROBLEM_LINE = re.compile(r"^[^\n\r]+: [a-z][a-z-]*: [^\n\r]+$")


def settings_for(examples: int):
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None, database=None,
                    suppress_health_check=list(HealthCheck), derandomize=False)


def count(kind: str, n: int = 1) -> None:
    TRIED[kind] = TRIED.get(kind, 0) + n


def check_problem(p: Problem, path: Path) -> None:
    line = str(p)
    assert PROBLEM_LINE.match(line), line
    assert p.code != "internal", line
    assert p.where.startswith(str(path)) or p.where == "--published", line


def read_all(paths: list[Path], **kw) -> tuple[list[Document], list[Problem]]:
    docs, problems = [], []
    for item in read_documents(paths, **kw):
        (docs if isinstance(item, Document) else problems).append(item)
    return docs, problems


# ---------------------------------------------------------------- JSONL lines

def good_record(i: int, sentences: list[str], published: str | None) -> dict:
    return {"id": f"good-{i}", "text": " ".join(sentences), "published": published, "outlet": "Wire"}


# Lines and texts are built by plain ``random`` calls on a ``Random`` seeded
# with a number hypothesis draws (so the seed reproduces a failure): drawing
# each value through hypothesis' own strategies costs ~15 ms a line, too
# slow for 10,000 inputs a minute; this costs microseconds.
HOSTILE_SAMPLES = [
    b"[" * 20_000 + b"]" * 20_000,  # nesting deeper than the parser's stack
    b'{"id": "x", "text": "\\ud800 lone surrogate"}',
    b'{"id": "\\udfff", "text": "Shelling killed 5 people in Idlib on Monday."}',
    b'{"id": "n", "text": "x", "published": "2019-06-04", "id": "dup-key"}',
    b'{"id": 1e400, "text": "Shelling killed 5 people."}',
    b'{"id": "z", "text": "' + b"9" * 5000 + b' people were killed"}',
    b"\xef\xbb\xbf" + b'{"id": "bom", "text": "Shelling killed 5 people."}',
    b"\x00" * 50,
    b'{"id": "cr", "text": "line one\\rline two\\u2028line three\\u0085end"}',
    b"NaN", b"Infinity", b"-0", b'"just a string"', b"{}", b"null", b"\r", b" \t ",
]
BAD_DATES = ["0001-01-01", "9999-12-31", "2019-02-30", "2019/06/04", "June 4, 2019", "2019-06-04garbage", "",
             "   ", "\u0662\u0660\u0661\u0669-06-04", "2019-06-04T25:00", 20190604, None, [], {"y": 2019}]
WEIRD = "\x00\x01\x1f\x7f\x85\xa0\u2028\u2029\ud7ff\ue000\ufeff\uffff\U0001f4a5\u0627\u200b\"\\{}[]:,"


def random_text(rnd: random.Random, most: int = 30) -> str:
    return "".join(rnd.choice(WEIRD) if rnd.random() < 0.3 else chr(rnd.randrange(32, 0x3000))
                   for _ in range(rnd.randrange(most)))


def random_json(rnd: random.Random, depth: int = 0):
    kind = rnd.randrange(8 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return rnd.random() < 0.5
    if kind == 2:
        return rnd.choice([0, -1, 2**63, -(2**64), 10**30, rnd.randrange(-10**6, 10**6)])
    if kind == 3:
        return rnd.choice([0.5, -0.0, 1e308, float("inf"), float("nan")])
    if kind in (4, 5):
        return random_text(rnd)
    if kind == 6:
        return [random_json(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    return {random_text(rnd, 8): random_json(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def hostile_line(rnd: random.Random) -> bytes:
    kind = rnd.randrange(6)
    if kind == 0:
        return rnd.randbytes(rnd.randrange(120)).replace(b"\n", b" ")
    if kind == 1:
        return json.dumps(random_json(rnd)).encode()
    if kind == 2:
        return json.dumps({"id": random_json(rnd), "text": random_json(rnd)}).encode()
    if kind == 3:
        rec = {"id": random_text(rnd, 12) or "x", "text": rnd.choice(SENTENCES) + random_text(rnd),
               "published": rnd.choice(BAD_DATES), "title": random_json(rnd)}
        return json.dumps(rec, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
    if kind == 4:
        good = json.dumps({"id": "cut", "text": rnd.choice(SENTENCES)}).encode()
        return good[: rnd.randrange(len(good))]  # a line cut short
    return rnd.choice(HOSTILE_SAMPLES)


@st.composite
def jsonl_batches(draw):
    n = draw(st.integers(10, 40))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    lines: list[bytes] = []
    good_ids: list[str] = []
    for i in range(n):
        if rnd.random() < 0.5:
            sents = [rnd.choice(SENTENCES) for _ in range(rnd.randrange(1, 4))]
            published = rnd.choice([None, str(dt.date(1990, 1, 1) + dt.timedelta(days=rnd.randrange(15000)))])
            rec = good_record(i, sents, published)
            good_ids.append(rec["id"])
            lines.append(json.dumps(rec, ensure_ascii=rnd.random() < 0.5).encode())
        else:
            lines.append(hostile_line(rnd))
    return lines, good_ids, rnd.choice([b"\n", b"\r\n"])


@given(batch=jsonl_batches())
def _jsonl_property(tmp, batch):
    lines, good_ids, ending = batch
    path = tmp / "batch.jsonl"
    path.write_bytes(ending.join(lines) + ending)
    count("jsonl lines", len(lines))
    docs, problems = read_all([path])
    for p in problems:
        check_problem(p, path)
    got = [d.id for d in docs]
    assert set(good_ids) <= set(got), (good_ids, got, [str(p) for p in problems])
    assert len(got) == len(set(got))


def test_fuzz_jsonl_batches_keep_every_good_record(tmp_path):
    seed(SEED)(settings_for(500)(_jsonl_property))(tmp_path)


# ---------------------------------------------------------------- the extractor

FRAGMENTS = ["killed", "injured", "displaced", "at least", "more than", "including", "since", "ago",
             "on Monday", "last week", "in Idlib", "the Syrian Observatory said", "(AFP)", "\n\n", "\n",
             "  ", "...", "!!", "?", "''", '"', "\u2014", "\u200b", "\u2028", "<script>", "&amp;",
             "9" * 40, "1e308", "-5", "0", "\u00bd", "\u0663", "\u4e00\u767e", "twenty-five thousand",
             "hundreds of", "Maarat al-Numan", "Khan Sheikhoun", "the regime", "Russian jets", "barrel bombs",
             "three years ago", "since the war began in 2011", "on 31 February", "in the year 0", "10,000,000,000"]


@st.composite
def texts(draw):
    n = draw(st.integers(1, 25))
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    parts = []
    for _ in range(n):
        kind = rnd.randrange(5)
        if kind == 0:
            parts.append(rnd.choice(SENTENCES))
        elif kind in (1, 2):
            parts.append(rnd.choice(FRAGMENTS))
        elif kind == 3:
            parts.append(str(rnd.randrange(-10**30, 10**30)))
        else:
            parts.append(random_text(rnd, 40))
    return " ".join(parts)


@given(text=texts(), published=st.one_of(st.none(), st.dates(dt.date(1800, 1, 1), dt.date(2199, 12, 31))))
def _extract_property(text, published):
    from wartally.pipeline import process_document

    count("texts")
    doc = Document.make("fuzz", text, published=published)
    figures = process_document(doc)
    for f in figures:
        assert 0 <= f.number_span.start < f.number_span.end <= len(text)
        assert f.number_span.text == text[f.number_span.start:f.number_span.end]
        assert f.n >= 0
        json.dumps(f.to_json(), ensure_ascii=False).encode("utf-8")


def test_fuzz_extractor_never_raises_and_keeps_offsets():
    seed(SEED)(settings_for(800)(_extract_property))()


# ---------------------------------------------------------------- pages, feeds, texts

markup = st.sampled_from([
    "<script>document.write('Shelling killed 777 people')</script>", "<style>p{}</style>", "<template>x</template>",
    "<noscript>Clashes killed 888 fighters</noscript>", "<!--", "-->", "<![CDATA[", "]]>", "<p>", "</p>", "<div>",
    "</html>", "<html>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "&#0;", "&#xD800;", "&#99999999;", "&lt;",
    "<meta charset='utf-16'>", "<meta charset='x-unknown'>", "<rss version='2.0'><channel><item>",
    "</item></channel></rss>", "<feed xmlns='http://www.w3.org/2005/Atom'><entry>", "</entry></feed>",
    "<!ENTITY a 'aaaaaaaaaa'>", "&a;", "<title>", "</title>", "<h1>", "</h1>", "\x00", "\ufeff", "\r",
])
page_parts = st.one_of(markup, st.sampled_from(SENTENCES), st.text(max_size=30))
SUFFIXES = [".html", ".xml", ".rss", ".txt", ".unknown"]


@given(parts=st.lists(page_parts, max_size=30), suffix=st.sampled_from(SUFFIXES),
       encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]))
def _page_property(tmp, parts, suffix, encoding):
    count("pages and feeds")
    path = tmp / f"page{suffix}"
    path.write_bytes("".join(parts).encode(encoding, errors="replace"))
    good = tmp / "good.txt"
    good.write_text(SENTENCES[1] + "\n", "utf-8")
    docs, problems = read_all([path, good], published="2019-06-04")
    for p in problems:
        check_problem(p, path)
    assert "good.txt" in [d.id for d in docs]
    if suffix in (".html", ".xml", ".rss"):  # markup: script and noscript are never text (a .txt is taken as written)
        for d in docs:
            assert "777" not in d.text and "888" not in d.text


def test_fuzz_pages_feeds_and_texts_never_raise(tmp_path):
    seed(SEED)(settings_for(100)(_page_property))(tmp_path)


# ---------------------------------------------------------------- WARC archives cut anywhere

def warc_bytes(gz: bool) -> tuple[bytes, list[int]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    ends = []
    for i in range(3):
        body = ("<html><head><title>Report</title></head><body><article>"
                + "".join(f"<p>{s}</p>" for s in SENTENCES[i:i + 3]) + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
        ends.append(out.tell())
    return out.getvalue(), ends


WARCS = {gz: warc_bytes(gz) for gz in (True, False)}


@given(gz=st.booleans(), cut=st.floats(0, 1))
def _warc_property(tmp, gz, cut):
    count("warc archives")
    data, ends = WARCS[gz]
    at = round(cut * len(data))
    path = tmp / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data[:at])
    docs, problems = read_all([path])
    for p in problems:
        check_problem(p, path)
    # a record is whole once all its content is there: a cut in the bytes that
    # close it (plain: the CRLFs; gzip: the member's 8-byte trailer, and a
    # few bytes of the deflate stream's end, which may hold no content) loses nothing
    sure, maybe = (8, 12) if gz else (4, 4)
    ids = [d.id for d in docs]
    least, most = sum(at >= end - sure for end in ends), sum(at >= end - maybe for end in ends)
    assert ids in [[f"https://news.example/{i}" for i in range(k)] for k in range(least, most + 1)], (at, ends, ids)
    if at == 0:
        assert [p.code for p in problems] == ["empty"]
    elif any(end - sure <= at <= end for end in ends):
        assert problems == [], [str(p) for p in problems]
    elif not any(end - maybe <= at <= end for end in ends):
        assert len(problems) == 1 and problems[0].code in ("truncated", "warc"), [str(p) for p in problems]
    assert len(problems) <= 1


def test_fuzz_warc_cut_anywhere_keeps_the_whole_records(tmp_path):
    seed(SEED)(settings_for(100)(_warc_property))(tmp_path)


def test_fuzz_zz_report(capsys):
    """Prints the seed and the number of inputs tried (last in this module)."""
    total = sum(TRIED.values())
    with capsys.disabled():
        print(f"\nfuzz: seed {SEED} (WARTALLY_FUZZ_SEED), {total} inputs: "
              + ", ".join(f"{n} {k}" for k, n in TRIED.items()))
    if SCALE >= 1 and len(TRIED) == 4:
        assert total >= 10_000, TRIED
