"""The situation report: self-contained HTML whose every number links to
its sentence, opened in headless Chromium, and printed to PDF."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from wartally.cli import main
from wartally.records import Document
from wartally.report import boundaries, build_report
from wartally.report.pdf import browser_command, find_browser, screenshot
from wartally.store import Store
from wartally.store.queries import FigureFilter, select_figures
from wartally.store.samples import gold_figures

from conftest import gazetteer_locator


@pytest.fixture(scope="module")
def seeds_store(sample_articles, sample, tmp_path_factory):
    """The sample's 16 hand-annotated FA-KES articles with the figures their
    gold gives (so the report's numbers are known), placed by the shipped
    gazetteer, plus one document with markup in its text."""
    path = tmp_path_factory.mktemp("report") / "sample.duckdb"
    locate = gazetteer_locator()
    docs = {d["id"]: Document.make(d["id"], d["text"], published=d["published"], outlet=d["outlet"])
            for d in map(json.loads, open(sample_articles, encoding="utf-8"))}
    hostile = Document.make("hostile", "<script>alert(1)</script> Shelling killed 4 civilians in Atarib & Aleppo.",
                            published="2016-08-03", outlet="<b>Outlet</b>", url="javascript:alert(2)")
    with Store(path) as store:
        for line in open(sample / "gold" / "fakes-dev.gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            store.write_document(docs[g["id"]], gold_figures(docs[g["id"]], g["figures"], locate))
        store.write_document(hostile, gold_figures(hostile, [
            {"outcome": "killed", "n": 4, "victims": "civilians", "quote": "<script>alert(1)</script> Shelling killed 4",
             "place": "Atarib", "admin1": "Aleppo", "start": "2016-08-03", "end": "2016-08-03", "weapon": "shelling"}],
            locate))
    return path


def admin1_boundaries():
    got = boundaries(1)  # shipped with the geo package
    assert got and got["features"]
    return got


@pytest.fixture(scope="module")
def aleppo_html(seeds_store, output_dir):
    """The report on Aleppo governorate: 32 gold figures and the hostile one."""
    with Store(seeds_store, read_only=True) as store:
        html = build_report(store.con, FigureFilter(admin1="Aleppo"), boundaries_geojson=admin1_boundaries())
        rows, _ = select_figures(store.con, FigureFilter(admin1="Aleppo"))
    assert len(rows) == 33
    path = output_dir / "report-aleppo.html"
    path.write_text(html, encoding="utf-8")
    return path, html, rows


def test_report_is_self_contained(aleppo_html):
    _, html, _ = aleppo_html
    assert "<script" not in html.lower().replace("&lt;script&gt;", "")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and "url(" not in html
    assert html.count("<svg") == 2  # timeline and map


def test_report_every_number_links_to_its_sentence(aleppo_html):
    _, html, rows = aleppo_html
    anchors = set(re.findall(r'id="(f-[0-9a-f]+)"', html))
    links = set(re.findall(r'href="#(f-[0-9a-f]+)"', html))
    assert {f"f-{r['id']}" for r in rows} <= anchors  # every Aleppo figure has its sentence
    assert links and links <= anchors
    for r in rows:  # and the sentence shows the figure's own quote, escaped
        block = html.split(f'id="f-{r["id"]}"', 1)[1].split("</blockquote>", 1)[0]
        from html import escape

        assert escape(" ".join(r["quote"].split()), quote=True) in block
    sums = set(re.findall(r'href="#(sum-[a-z]+-[a-z]+)"', html))
    assert sums and all(f'id="{s}"' in html for s in sums)


@pytest.mark.parametrize("text", [
    ">300</a>",  # the outlet's civilian toll since April (fakes-1923102958)
    ">50</a>",  # the Russian Coordination Center's injured in Aleppo (fakes-1965511183)
    ">600</a>",  # the displacement from Manbij (SOHR, fakes-1924058060)
    "Where sources disagree",  # SOHR's 41 civilians in Manbij against the outlet's 300 in Aleppo
    "SOHR: <a class=\"num\"",
])
def test_report_contains_the_seed_numbers(aleppo_html, text):
    assert text in aleppo_html[1]


def test_report_escapes_document_text(aleppo_html):
    _, html, _ = aleppo_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "javascript:" not in html
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in html


needs_chromium = pytest.mark.skipif(find_browser() is None, reason="chromium is not installed")


@pytest.mark.slow
@needs_chromium
def test_report_opens_in_headless_chromium(aleppo_html, output_dir, tmp_path):
    path, _, rows = aleppo_html
    png = screenshot(path, output_dir / "report-aleppo.png", height=3200)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 3200)
    dom = subprocess.run(browser_command(find_browser(), "--dump-dom", path.resolve().as_uri(),
                                         profile=str(tmp_path / "profile")),
                         capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<svg") == 2 and dom.count("<circle") >= 5
    assert dom.count('class="sentence"') == len(rows)


@pytest.mark.slow
@needs_chromium
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_report_pdf_renders_to_pages(seeds_store, output_dir, tmp_path):
    html, pdf = output_dir / "report-aleppo-cli.html", output_dir / "report-aleppo.pdf"
    assert main(["report", "--db", str(seeds_store), "--admin1", "Aleppo", "-o", str(html), "--pdf", str(pdf)]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-"
    got = subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 2  # a report of 33 sentences does not fit one A4/Letter page
    shutil.copy(pages[0], output_dir / "report-aleppo-pdf-page1.png")


def test_report_cli_filters_and_errors(seeds_store, tmp_path, capsys):
    out = tmp_path / "deir-ez-zor.html"
    assert main(["report", "--db", str(seeds_store), "--place", "Deir ez-Zor", "--start", "2016-06-01", "--end",
                 "2016-06-30", "-o", str(out)]) == 0
    html = out.read_text()
    assert "Situation report: Deir ez-Zor, 2016-06-01 to 2016-06-30" in html
    assert "Al-Quriyah" in html and "Manbij" not in html  # Manbij is in Aleppo
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "-o", str(out)]) == 1
    assert "no database" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--db", str(seeds_store)])  # -o is required
