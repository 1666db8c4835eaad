"""Each reader on real content: five FA-KES articles of the sample as JSONL
and as a text folder (the ``articles`` fixture), an HTML page built around
one of them with site chrome, a WARC file holding it, and RSS/Atom feeds."""
from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import string
from io import BytesIO
from pathlib import Path

import pytest

from wartally.errors import Problem
from wartally.ingest import clean_text, read_documents, split_results
from wartally.ingest.textdir import find_dateline
from wartally.records import Document

DATA = Path(__file__).parent / "data" / "ingest"
SEED = "fakes-1924058092.txt"  # "Air strikes in Syria kill at least 45 people" (TRT, 10 September 2016)
URL = "https://www.middleeasteye.net/news/syria-almost-1000-people-reported-dead"
CHROME = [  # text of the page around the article that must not come out
    "Skip to main content", "Home", "Newsletters", "Syria war: latest updates and analysis",
    "Share on Facebook", "Share on Twitter", "Email this article", "Related articles",
    "Panic and fear", "Assad's forces destroy hospital", "Forty killed in barrel bomb attacks",
    "Read More", "Stay informed", "Sign up to get", "Your email address", "Middle East Eye delivers",
    "Privacy policy", "All rights reserved", "MEE staff and agencies",
]


INLINE_TEASERS = [
    '    <p><a href="/news/ariha">\'Panic and fear\': Children among dead as Syrian jets bomb Ariha</a>'
    '<br><a href="/news/ariha">Read More »</a></p>',
    '    <p><a href="/news/hospital">Assad\'s forces destroy hospital as they step up attacks on Idlib</a>'
    '<br><a href="/news/hospital">Read More »</a></p>',
]

INLINE_NEWSLETTER = (
    "    <div><h3>Stay informed with MEE's newsletters</h3>"
    "<p>Sign up to get the latest alerts, insights and analysis, starting with Turkey Unpacked</p></div>"
)


def _fold(s: str) -> str:
    return " ".join(s.split())


def seed_text(root: Path, name: str = SEED) -> str:
    return (root / "corpus" / "articles" / name).read_text("utf-8")


def build_page(root: Path) -> bytes:
    """The article inside a news page: navigation, share buttons,
    related-article teasers, a newsletter box and a footer."""
    lines = [line for line in clean_text(seed_text(root)).split("\n") if line.strip()]
    title, body = lines[0], lines[1:]
    blocks = [f"    <p>{html.escape(p)}</p>" for p in body]
    blocks.insert(12, INLINE_TEASERS[0])  # mid-article, where news pages put them
    blocks.insert(6, INLINE_TEASERS[1])
    blocks.insert(8, INLINE_NEWSLETTER)
    paragraphs = "\n".join(blocks)
    template = string.Template((DATA / "article-page.html.tmpl").read_text("utf-8"))
    page = template.substitute(title=html.escape(title), paragraphs=paragraphs, published="2019-05-31", url=URL)
    return page.encode("utf-8")


def write_warc(path: Path, page: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warc_record(URL, "warcinfo", payload=BytesIO(b"software: test\r\n")))
        writer.write_record(writer.create_warc_record(
            URL, "request", payload=BytesIO(b"GET /news HTTP/1.1\r\nHost: www.middleeasteye.net\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(URL, "response", payload=BytesIO(page), http_headers=headers))
        png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://www.middleeasteye.net/logo.png", "response", payload=BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), http_headers=png))


def assert_article_only(doc: Document, root: Path) -> None:
    """Every line of the article's text is in the document, in order, and
    none of the page chrome is."""
    expected = [_fold(line) for line in clean_text(seed_text(root)).split("\n") if line.strip()]
    got = [_fold(line) for line in doc.text.split("\n") if line.strip()]
    assert got == expected
    for chrome in CHROME:
        assert chrome not in doc.text, chrome


def test_reader_jsonl_reads_the_articles(articles):
    docs, problems = split_results(read_documents([articles / "corpus" / "articles.jsonl"]))
    assert problems == []
    assert [d.id for d in docs] == [
        "fakes-1926479310.txt", "fakes-1923848195.txt", "fakes-1924058092.txt", "fakes-1924058046.txt", "fakes-1926479099.txt"]
    assert [d.published for d in docs] == [dt.date(2013, 8, 21), dt.date(2015, 2, 5), dt.date(2016, 9, 10),
                                            dt.date(2016, 7, 28), dt.date(2013, 8, 21)]
    assert docs[0].outlet == "arabiya" and docs[4].outlet == "reuters"
    assert docs[2].title == "Air strikes in Syria kill at least 45 people"
    assert all(d.language == "en" for d in docs)
    assert docs[0].origin.endswith("articles.jsonl:1") and docs[4].origin.endswith("articles.jsonl:5")
    assert docs[2].text == clean_text(seed_text(articles))


def test_reader_folder_reads_every_corpus_once(articles, sample, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(articles / "corpus", corpus)
    for name in ("fakes-dev.jsonl", "wiki-incidents.jsonl"):
        shutil.copy(sample / "corpus" / name, corpus)
    (corpus / "README.md").write_text("# Corpora\n\nDocuments as JSONL, one object a line.\n", "utf-8")
    docs, problems = split_results(read_documents([corpus]))
    by_origin = {}
    for d in docs:
        by_origin.setdefault(Path(d.origin.split(":")[0]).name, []).append(d)
    seed_files = sorted(p.name for p in (corpus / "articles").glob("*.txt"))
    lines = {name: sum(1 for line in (corpus / name).open(encoding="utf-8") if line.strip())
             for name in ("articles.jsonl", "fakes-dev.jsonl", "wiki-incidents.jsonl")}
    assert lines["articles.jsonl"] == 5 and lines["fakes-dev.jsonl"] > 100 and lines["wiki-incidents.jsonl"] == 41
    assert {k: len(v) for k, v in by_origin.items()} == lines  # every line of every corpus read, once
    # README.md beside them is not a text article: .md is passed over; the articles
    # folder holds the articles of articles.jsonl again, under the same ids: each
    # copy is reported once and skipped, none overwrites the first
    assert [(Path(p.where).name, p.code) for p in problems] == [(name, "duplicate") for name in seed_files]
    assert all("was read already at" in p.reason and "(the same text)" in p.reason for p in problems)
    wiki = by_origin["wiki-incidents.jsonl"][0]
    assert wiki.title and wiki.outlet == "Wikipedia" and wiki.published is None


def test_reader_text_folder_ids_are_file_names_and_match_the_jsonl(articles):
    docs, problems = split_results(read_documents([articles / "corpus" / "articles"], published="2019-06-01"))
    assert problems == []
    jsonl = {d.id: d for d in read_documents([articles / "corpus" / "articles.jsonl"])}
    assert sorted(d.id for d in docs) == sorted(jsonl)
    for d in docs:
        assert d.text == jsonl[d.id].text
        assert d.content_hash == jsonl[d.id].content_hash
        assert d.published == dt.date(2019, 6, 1)


def test_reader_text_sidecars_give_dates_in_order_of_precedence(articles, tmp_path):
    names = sorted(p.name for p in (articles / "corpus" / "articles").glob("*.txt"))
    for name in names:
        (tmp_path / name).write_text(seed_text(articles, name), "utf-8")
    (tmp_path / names[0]).with_suffix(".json").write_text(
        json.dumps({"published": "2019-05-31", "outlet": "Middle East Eye", "title": "Almost 1,000 dead"}))
    (tmp_path / "index.jsonl").write_text(
        json.dumps({"id": names[0], "published": "2001-01-01"}) + "\n"
        + json.dumps({"id": names[1], "published": "2019-12-02", "outlet": "Middle East Eye"}) + "\n")
    (tmp_path / "published.tsv").write_text(f"{names[2]}\t2019-06-29\tThe National\n")
    (tmp_path / "extra.txt").write_text("Published 8 September 2018 10:15 GMT\n\n" + seed_text(articles, names[4]))
    docs = {d.id: d for d in read_documents([tmp_path])}
    assert set(docs) == set(names) | {"extra.txt"}
    assert (docs[names[0]].published, docs[names[0]].outlet, docs[names[0]].title) == (
        dt.date(2019, 5, 31), "Middle East Eye", "Almost 1,000 dead")
    assert (docs[names[1]].published, docs[names[1]].outlet) == (dt.date(2019, 12, 2), "Middle East Eye")
    assert (docs[names[2]].published, docs[names[2]].outlet) == (dt.date(2019, 6, 29), "The National")
    assert docs[names[3]].published is None  # no sidecar, no dateline: caption dates are not taken
    assert docs["extra.txt"].published == dt.date(2018, 9, 8)
    # the argument wins over every sidecar
    docs = {d.id: d for d in read_documents([tmp_path], published=dt.date(2020, 1, 1))}
    assert {d.published for d in docs.values()} == {dt.date(2020, 1, 1)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published 31 May 2019 14:02 GMT\n\nTen killed.", dt.date(2019, 5, 31)),
        ("Headline\n\nUpdated: 2 June 2019 | 10:00 AM\n\nBody.", dt.date(2019, 6, 2)),
        ("2019-05-31\nBody.", dt.date(2019, 5, 31)),
        ("May 31, 2019\nBody.", dt.date(2019, 5, 31)),
        ("Tue Jul 7 2015\nBody.", dt.date(2015, 7, 7)),
        ("Last updated at Oct 04 2017\nBody.", dt.date(2017, 10, 4)),
        ("In this file photo taken on May 20, 2019, a man gazes at rubble.", None),
        ("Killed on 31 May 2019 in Ariha.", None),
        ("31 February 2019", None),
        ("a\nb\nc\nd\ne\nf\n31 May 2019", None),  # too far down to be a dateline
    ],
)
def test_reader_text_finds_a_dateline_near_the_top(text, expected):
    assert find_dateline(text) == expected


def test_reader_html_page_gives_the_article_without_chrome(articles, tmp_path):
    page = tmp_path / "air-strikes-kill-45.html"
    page.write_bytes(build_page(articles))
    [doc] = list(read_documents([page]))
    assert isinstance(doc, Document)
    assert doc.id == "air-strikes-kill-45.html"
    assert doc.title == "Air strikes in Syria kill at least 45 people"
    assert doc.published == dt.date(2019, 5, 31)
    assert doc.outlet == "Middle East Eye"
    assert doc.url == URL
    assert doc.language == "en"
    assert_article_only(doc, articles)
    assert "\n\n" in doc.text and "\n\n\n" not in doc.text


def test_reader_warc_gives_the_html_response_record(articles, tmp_path):
    page = build_page(articles)
    for name in ("crawl.warc.gz", "crawl.warc"):
        write_warc(tmp_path / name, page)
        docs, problems = split_results(read_documents([tmp_path / name]))
        assert problems == []
        [doc] = docs
        assert doc.id == URL and doc.url == URL
        assert doc.origin == f"{tmp_path / name}:record 3"
        assert doc.published == dt.date(2019, 5, 31) and doc.outlet == "Middle East Eye"
        assert_article_only(doc, articles)


def test_reader_rss_gives_one_document_per_entry(articles, tmp_path):
    paragraphs = [p for p in clean_text(seed_text(articles)).split("\n") if p.strip()][1:]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[:10]) + INLINE_TEASERS[0] + "".join(
        f"<p>{html.escape(p)}</p>" for p in paragraphs[10:])
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Middle East Eye</title><link>https://www.middleeasteye.net</link><description>News</description>
<item><title>Air strikes in Syria kill at least 45 people</title><link>{URL}</link>
<guid>{URL}</guid><pubDate>Fri, 31 May 2019 09:12:00 GMT</pubDate>
<description>A spike in violence has seen 948 people killed in a month.</description>
<content:encoded><![CDATA[{body}<script>track()</script>]]></content:encoded></item>
<item><title>Syrian government clashes with Idlib fighters leave almost 100 dead</title>
<link>https://www.middleeasteye.net/news/idlib-clashes</link><pubDate>Mon, 02 Dec 2019 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Two days of clashes between government forces and armed groups in Syria's last major opposition bastion have killed almost 100 on both sides, a UK-based activist group said on Monday.&lt;/p&gt;</description></item>
</channel></rss>"""
    path = tmp_path / "mee.rss"
    path.write_text(rss, "utf-8")
    docs, problems = split_results(read_documents([path]))
    assert problems == []
    first, second = docs
    assert (first.id, first.url, first.outlet, first.published) == (URL, URL, "Middle East Eye", dt.date(2019, 5, 31))
    assert_article_only(first, articles)  # content:encoded wins over the summary
    assert "track()" not in first.text
    assert second.id == second.url == "https://www.middleeasteye.net/news/idlib-clashes"
    assert second.published == dt.date(2019, 12, 2)
    assert second.text.startswith("Syrian government clashes with Idlib fighters leave almost 100 dead\n\nTwo days of clashes")
    assert "<p>" not in second.text and second.origin == f"{path}:entry 2"


def test_reader_atom_feed_uses_entry_content(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Al Jazeera</title><id>urn:aj</id><updated>2018-09-08T12:00:00Z</updated>
<entry><title>After Tehran talks, Syria and Russia forces step up Idlib attacks</title><id>urn:aj:1</id>
<link href="https://www.aljazeera.com/news/2018/9/8/idlib"/><published>2018-09-08T12:00:00Z</published><updated>2018-09-08T12:00:00Z</updated>
<content type="html">&lt;p&gt;Local activists told Al Jazeera that six civilians died in the bombardment, including one child.&lt;/p&gt;&lt;p&gt;The shelling killed two men and wounded five others, including two children.&lt;/p&gt;</content>
</entry></feed>"""
    path = tmp_path / "aj.xml"
    path.write_text(atom, "utf-8")
    [doc] = list(read_documents([path]))
    assert isinstance(doc, Document), doc
    assert (doc.id, doc.url, doc.outlet, doc.published) == (
        "urn:aj:1", "https://www.aljazeera.com/news/2018/9/8/idlib", "Al Jazeera", dt.date(2018, 9, 8))
    assert doc.text.endswith("six civilians died in the bombardment, including one child.\n\n"
                             "The shelling killed two men and wounded five others, including two children.")


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Bei Luftangriffen auf die Stadt Ariha in der Provinz Idlib sind nach Angaben von Aktivisten mindestens zwölf Zivilisten getötet worden.", "de"),
        ("قتل 12 مدنيا على الأقل في غارات جوية على مدينة أريحا في محافظة إدلب يوم الاثنين، بحسب المرصد السوري لحقوق الإنسان", "ar"),
        ("Au moins douze civils ont été tués lundi dans des frappes aériennes sur la ville d'Ariha, dans la province d'Idleb, selon l'Observatoire.", "fr"),
    ],
)
def test_reader_skips_non_english_documents_with_a_problem(tmp_path, text, lang):
    path = tmp_path / "mixed.jsonl"
    english = "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."
    path.write_text(json.dumps({"id": "en-1", "text": english}) + "\n" + json.dumps({"id": "x-1", "text": text}) + "\n")
    docs, problems = split_results(read_documents([path]))
    assert [d.id for d in docs] == ["en-1"]
    [problem] = problems
    assert problem.where == f"{path}:2" and problem.code == "language"
    assert "'x-1'" in problem.reason and repr(lang) in problem.reason


def test_reader_sniffs_files_without_a_known_extension(articles, tmp_path):
    (tmp_path / "seeds.data").write_bytes((articles / "corpus" / "articles.jsonl").read_bytes())
    (tmp_path / "page.bin").write_bytes(build_page(articles))
    (tmp_path / "notes").write_text(seed_text(articles, "fakes-1926479099.txt"))
    items = list(read_documents([tmp_path / "seeds.data", tmp_path / "page.bin", tmp_path / "notes"]))
    assert not [i for i in items if isinstance(i, Problem)]
    assert [i.origin.rsplit("/", 1)[-1] for i in items] == [f"seeds.data:{n}" for n in range(1, 6)] + ["page.bin", "notes"]


def test_reader_documents_are_identical_on_a_second_read(articles):
    a = list(read_documents([articles / "corpus" / "articles.jsonl"]))
    b = list(read_documents([articles / "corpus" / "articles.jsonl"]))
    assert a == b and len({d.content_hash for d in a}) == 5


def test_reader_jsonl_reads_gzipped_files_streaming(articles, tmp_path):
    import gzip

    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((articles / "corpus" / "articles.jsonl").read_bytes()))
    plain = list(read_documents([articles / "corpus" / "articles.jsonl"]))
    docs, problems = split_results(read_documents([tmp_path]))
    assert problems == []
    assert [(d.id, d.text, d.published) for d in docs] == [(d.id, d.text, d.published) for d in plain]
    assert docs[4].origin == f"{path}:5"


def test_reader_plain_gz_name_is_read_by_what_is_inside(articles, tmp_path):
    """A gzipped JSONL file named only ".gz" is JSONL, not a WARC archive."""
    import gzip

    path = tmp_path / "articles.gz"
    path.write_bytes(gzip.compress((articles / "corpus" / "articles.jsonl").read_bytes()))
    docs, problems = split_results(read_documents([path]))
    assert problems == []
    assert len(docs) == len(list(read_documents([articles / "corpus" / "articles.jsonl"]))) == 5
    bad = tmp_path / "junk.gz"
    bad.write_bytes(gzip.compress(b"not a crawl and not json"))
    docs, problems = split_results(read_documents([bad]))
    assert docs == [] and problems and str(bad) in problems[0].where


@pytest.mark.parametrize(
    "body, header, expected",
    [
        ("Café owners said 12 civilians were killed.".encode("latin-1"), "text/html; charset=ISO-8859-1", "Café owners"),
        ("Café owners said 12 civilians were killed.".encode("utf-8"), "text/html; charset=ISO-8859-1", "Café owners"),
        ("“Too many have died already” said 12 civilians were killed.".encode("cp1252"), "text/html; charset=windows-1252", "“Too many"),
    ],
)
def test_reader_warc_decodes_pages_in_their_http_charset(tmp_path, body, header, expected):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (b"<html><head><title>Ariha</title></head><body><article>"
            + b"".join(b"<p>" + body + b" Paragraph %d.</p>" % i for i in range(6)) + b"</article></body></html>")
    path = tmp_path / "charset.warc"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", header)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/ariha", "response",
                                                      payload=BytesIO(page), http_headers=headers))
    [doc] = list(read_documents([path]))
    assert isinstance(doc, Document), doc
    assert expected in doc.text and "Ã" not in doc.text
