"""Inputs that used to lose data or mislead, through the real readers and
``wartally read``/``ingest`` (issue 17): truncated WARC archives, script text
in saved pages, duplicate document ids and files, symbolic link loops,
programs taken for UTF-16, multi-line library messages."""
from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

import pytest

from wartally.cli import main
from wartally.errors import Problem
from wartally.ingest import read_documents, split_results

GOOD = "Airstrikes killed {n} civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."


def page(n: int) -> bytes:
    paras = "".join(f"<p>{GOOD.format(n=n)} Rescue workers searched the rubble of the market for hours.</p>"
                    for _ in range(3))
    return (f"<!DOCTYPE html><html><head><title>Report {n}</title></head><body><article>{paras}"
            "</article></body></html>").encode()


def write_warc(path: Path, pages: int = 3) -> list[int]:
    """A WARC of ``pages`` HTML responses; the offset where each record ends."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ends = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for i in range(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=BytesIO(page(10 + i)), http_headers=headers))
            ends.append(out.tell())
    return ends


def read(capsys, *args: str) -> tuple[int, list[dict], list[str]]:
    code = main(["read", *args])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err.splitlines()[:-1]


@pytest.mark.parametrize("name, where_cut", [
    ("crawl.warc.gz", "after the first record, inside the second gzip member"),
    ("crawl.warc", "after the first record, inside the second record's block"),
    ("crawl.warc", "inside the second record's WARC header"),
])
def test_ingest_truncated_warc_is_reported_and_keeps_the_records_before(capsys, tmp_path, name, where_cut):
    whole = tmp_path / f"whole-{name}"
    ends = write_warc(whole)
    data = whole.read_bytes()
    cut_at = ends[0] + (40 if "header" in where_cut else (ends[1] - ends[0]) // 2)
    cut = tmp_path / name
    cut.write_bytes(data[:cut_at])
    code, docs, errors = read(capsys, str(cut))
    assert code == 1, where_cut
    assert [d["id"] for d in docs] == ["https://news.example/0"]
    assert len(errors) == 1 and errors[0].startswith(f"{cut}:record 2: truncated: the archive ends inside this record")


def test_ingest_whole_warc_with_trailing_newlines_is_not_truncated(capsys, tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path)
    path.write_bytes(path.read_bytes() + b"\r\n\r\n")
    code, docs, errors = read(capsys, str(path))
    assert (code, len(docs), errors) == (0, 3, [])


NON_CONTENT = """<!DOCTYPE html><html><head><title>Ariha strike</title>
<style>h1::after { content: "Shelling killed 555 people in Idlib"; }</style></head><body>
<h1><script>document.write("Shelling killed 777 people in Homs")</script></h1>
<article><p>Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said.
Rescue workers searched the rubble of the market for hours, residents said.</p>
<noscript><p>Barrel bombs killed 888 people in Hama on Monday.</p></noscript>
<template><p>Clashes killed 999 fighters in Deraa on Monday.</p></template>
<p>The town has been hit repeatedly since late April, when the government offensive began.</p>
</article></body></html>"""


def test_ingest_script_style_template_noscript_are_never_article_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(NON_CONTENT, "utf-8")
    [doc], problems = split_results(read_documents([path], published="2019-06-04"))
    assert problems == []
    for planted in ("555", "777", "888", "999", "document.write"):
        assert planted not in doc.text and planted not in (doc.title or "")
    assert "Airstrikes killed 12 civilians" in doc.text
    assert "The town has been hit repeatedly" in doc.text  # text after a removed element stays

    from wartally.pipeline import process_document

    assert sorted(f.n for f in process_document(doc, geocode=False)) == [12]


def test_ingest_duplicate_ids_are_reported_and_the_first_copy_kept(capsys, tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [{"id": "a", "text": GOOD.format(n=12), "published": "2019-06-04"},
            {"id": "a", "text": GOOD.format(n=40), "published": "2019-06-04"},
            {"id": "b", "text": GOOD.format(n=7), "published": "2019-06-04"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    code, docs, errors = read(capsys, str(path))
    assert code == 1
    assert [(d["id"], "12" in d["text"]) for d in docs] == [("a", True), ("b", False)]
    assert errors == [f"{path}:2: duplicate: document id 'a' was read already at {path}:1 (a different text); "
                      "this copy is skipped"]


def test_ingest_same_file_twice_is_read_once_and_reported(capsys, tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": GOOD.format(n=12), "published": "2019-06-04"}) + "\n", "utf-8")
    code, docs, errors = read(capsys, str(path), str(tmp_path / "." / "news.jsonl"))
    assert code == 1 and [d["id"] for d in docs] == ["a"]
    assert errors == [f"{path}: duplicate: this file was given already; it is read once"]


def test_ingest_summary_counts_what_is_stored_when_ids_repeat(capsys, tmp_path):
    from wartally.store.database import Store

    path = tmp_path / "news.jsonl"
    rows = [{"id": "a", "text": GOOD.format(n=12), "published": "2019-06-04"},
            {"id": "a", "text": GOOD.format(n=40), "published": "2019-06-04"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    db = tmp_path / "w.duckdb"
    code = main(["ingest", str(path), str(path), "--db", str(db), "-q", "--no-link"])
    err = capsys.readouterr().err
    assert code == 1
    with Store(db, read_only=True) as store:
        stored_docs = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        stored_figures = store.con.execute("SELECT count(*) FROM figures").fetchone()[0]
        [n] = store.con.execute("SELECT n FROM figures").fetchone()
    assert (stored_docs, stored_figures, n) == (1, 1, 12)
    summary = err.strip().splitlines()[-1]
    assert f"ingested {stored_docs} documents" in summary and f"{stored_figures} figures" in summary
    assert "2 problems" in summary


def test_ingest_symlink_loop_is_reported_as_a_loop(capsys, tmp_path):
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    dangling = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "gone.txt", dangling)
    code, docs, errors = read(capsys, str(tmp_path / "a"), str(dangling))
    assert code == 1 and docs == []
    assert errors == [f"{tmp_path / 'a'}: unreadable: a loop of symbolic links (it points back at itself)",
                      f"{dangling}: missing: a symbolic link to '{tmp_path / 'gone.txt'}', which does not exist"]


@pytest.mark.parametrize("name, data, code", [
    # an executable: aligned all-zero units, which UTF-16 text never has
    ("program", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(64), "binary"),
    ("notes.txt", "Shelling killed 5 people in Idlib.\n".encode("utf-16-le"), "encoding"),
])
def test_ingest_programs_are_binary_and_utf16_is_encoding(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    docs, [problem] = split_results(read_documents([path]))
    assert docs == [] and problem.code == code


def test_ingest_problem_is_one_line_whatever_the_reason_holds():
    dump = "ArchiveLoadFailed: Unknown archive format, first line: ['\\x00\\x01']\nb'\\x89PNG'\r\n\u2028tail"
    line = str(Problem("crawl.warc", "warc", dump))
    assert "\n" not in line and "\r" not in line and "\u2028" not in line
    assert line.startswith("crawl.warc: warc: ArchiveLoadFailed: Unknown archive format") and line.endswith("tail")
    assert len(str(Problem("x", "json", "y" * 100_000))) < 700
