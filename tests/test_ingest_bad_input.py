"""Bad input through ``wartally read``: each bad file gives one clear error
line naming the file (and line) and the reason, the good files beside it
are still read, and the command exits 1."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from wartally.cli import main
from wartally.ingest import read_documents, split_results

MB = 1024 * 1024
GOOD = "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."


def run_read(capsys, *paths: Path, extra: tuple[str, ...] = ()) -> tuple[int, list[dict], list[str]]:
    code = main(["read", *map(str, paths), *extra])
    out, err = capsys.readouterr()
    docs = [json.loads(line) for line in out.splitlines()]
    lines = err.splitlines()
    assert lines[-1].startswith("wartally read: ")  # the summary
    return code, docs, lines[:-1]


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD + "\n", "utf-8")
    return path


def _html(body: str) -> str:
    paras = "".join(f"<p>{GOOD} {i}</p>" for i in range(6))
    return f"<!DOCTYPE html><html><head><title>T</title></head><body><article>{paras}{body}"


CASES = [
    # (file name, bytes, code, words the reason must contain)
    ("empty.txt", b"", "empty", "empty file"),
    ("empty.jsonl", b"", "empty", "empty file"),
    ("blank.txt", b"  \n\n \t\n", "empty", "only whitespace"),
    ("empty.html", b"", "empty", "empty file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary", "NUL byte at offset 8"),
    ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "binary", "binary data"),
    ("cut.html", _html("<p>The toll rose to").encode(), "truncated", "no closing </html>"),
    ("latin1.txt", ("Al-Numan: 12 civils tués, " + GOOD).encode("latin-1"), "encoding", "byte 0xE9 at offset 22 (line 1) (Latin-1"),
    ("utf16.txt", GOOD.encode("utf-16"), "encoding", "UTF-16 (byte-order mark"),
    ("utf16-nobom.txt", GOOD.encode("utf-16-le"), "encoding", "UTF-16 without a byte-order mark"),
    ("nothing.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
     "feed", "the feed has no entries"),
    ("broken.atom", b"<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title><entry><title>", "no-text", "the feed is not well-formed"),
    ("cut.warc.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "warc", "no WARC records: empty or not a WARC archive"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no-text", "no article text"),
    ("cut.jsonl.gz", gzip.compress(json.dumps({"id": "z", "text": GOOD}).encode() * 50)[:60], "gzip", "damaged gzip stream"),
]


@pytest.mark.parametrize("name, data, code, reason", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_error_line_and_the_batch_goes_on(capsys, tmp_path, good, name, data, code, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    exit_code, docs, errors = run_read(capsys, bad, good)
    assert exit_code == 1
    assert [d["id"] for d in docs] == ["good.txt"]
    assert len(errors) == 1, errors
    where, got_code, _ = errors[0].split(": ", 2)
    assert where in (str(bad), f"{bad}:entry 1") and got_code == code, errors[0]
    assert reason in errors[0]


def test_bad_input_invalid_json_lines_name_their_line(capsys, tmp_path, good):
    lines = [
        json.dumps({"id": "a", "text": GOOD, "published": "2019-06-03", "outlet": "AFP"}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": GOOD, "published": "03/06/2019"}),
        json.dumps({"id": "e", "text": 12}),
        json.dumps({"id": "f", "text": GOOD + " Again."}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "g", "text": "caf\xe9"}\n')
    exit_code, docs, errors = run_read(capsys, path, good)
    assert exit_code == 1
    assert [d["id"] for d in docs] == ["a", "f", "good.txt"]
    assert docs[0]["published"] == "2019-06-03" and docs[0]["origin"] == f"{path}:1"
    assert errors == [
        f"{path}:2: json: invalid JSON: Unterminated string starting at (column 21)",
        f"{path}:4: record: expected a JSON object, got list",
        f"{path}:5: record: missing 'text'",
        f"{path}:6: record: 'published' is '03/06/2019', not a YYYY-MM-DD date",
        f"{path}:7: record: 'text' must be a string, not int",
        f"{path}:9: encoding: not UTF-8: byte 0xE9 at offset 24 (Latin-1 or Windows-1252?); save it as UTF-8",
    ]


def test_bad_input_missing_path_and_bad_date(capsys, tmp_path, good):
    exit_code, docs, errors = run_read(capsys, tmp_path / "nope.jsonl", good)
    assert (exit_code, len(docs), errors) == (1, 1, [f"{tmp_path / 'nope.jsonl'}: missing: no such file or folder"])
    assert main(["read", str(good), "--published", "yesterday"]) == 2
    assert "'yesterday' is not a YYYY-MM-DD date" in capsys.readouterr().err


def test_bad_input_200mb_jsonl_is_streamed_and_its_long_line_reported(articles, tmp_path):
    lines = (articles / "corpus" / "articles.jsonl").read_bytes().splitlines(keepends=True)
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as f:
        f.writelines(lines[:3])  # over 8 KB, so the sniffed head is text
        f.write(b'{"id": "huge", "text": "')
        f.seek(200 * MB, 1)  # a sparse 200 MB line (no disk used)
        f.write(b'"}\n')
        f.writelines(lines[3:])
    assert path.stat().st_size > 200 * MB
    list(read_documents([articles / "corpus" / "articles.jsonl"]))  # load the language model first
    tracemalloc.start()
    try:
        docs, problems = split_results(read_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in (1, 2, 3, 5, 6)]
    assert [str(p) for p in problems] == [f"{path}:4: too-large: line is 200.0 MB, over the 20.0 MB limit"]
    assert peak < 60 * MB, f"peak {peak / MB:.0f} MB: the file was not streamed"


def test_bad_input_200mb_text_file_is_refused_by_size(capsys, tmp_path, good):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.write((GOOD + "\n").encode() * 200)
        f.truncate(200 * MB)
    exit_code, docs, errors = run_read(capsys, path, good)
    assert exit_code == 1 and [d["id"] for d in docs] == ["good.txt"]
    assert errors == [f"{path}: too-large: file is 200.0 MB, over the 20.0 MB limit for one document"
                      " (split it, or give it as JSONL, which is streamed)"]


def test_bad_input_200mb_html_file_is_refused_by_size(capsys, tmp_path, good):
    path = tmp_path / "huge.html"
    with open(path, "wb") as f:
        f.write(_html("").encode())
        f.truncate(200 * MB)
    exit_code, docs, errors = run_read(capsys, path, good)
    assert exit_code == 1 and [d["id"] for d in docs] == ["good.txt"]
    assert errors == [f"{path}: too-large: file is 200.0 MB, over the 20.0 MB limit for one document"
                      " (split it, or give it as JSONL, which is streamed)"]


def test_bad_input_unreadable_sidecar_is_reported_and_the_text_still_read(capsys, tmp_path):
    text = tmp_path / "ariha.txt"
    text.write_text(GOOD + "\n", "utf-8")
    (tmp_path / "ariha.json").write_text('{"published": "2019-06-03", ', "utf-8")
    exit_code, docs, errors = run_read(capsys, tmp_path)
    assert exit_code == 1 and [(d["id"], d["published"]) for d in docs] == [("ariha.txt", None)]
    [error] = errors
    assert error.startswith(f"{tmp_path / 'ariha.json'}: sidecar: sidecar not read, not UTF-8 JSON (")


def test_bad_input_html_in_its_declared_charset_is_read(capsys, tmp_path):
    page = ("<html><head><meta charset='iso-8859-1'><title>Frappes sur Ariha</title></head><body><article>"
            + "".join(f"<p>{GOOD} Café {i}.</p>" for i in range(6)) + "</article></body></html>")
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("latin-1"))
    exit_code, docs, errors = run_read(capsys, path)
    assert (exit_code, errors) == (0, [])
    assert "Café 3." in docs[0]["text"]


def test_bad_input_folder_with_every_kind_goes_on(capsys, tmp_path, good):
    for name, data, _, _ in CASES:
        (tmp_path / name).write_bytes(data)
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")  # not a document format: passed over in folders
    exit_code, docs, errors = run_read(capsys, tmp_path)
    assert exit_code == 1
    assert [d["id"] for d in docs] == ["good.txt"]
    assert sorted(e.split(":")[0] for e in errors) == sorted(str(tmp_path / c[0]) for c in CASES)


@pytest.mark.slow
def test_bad_input_command_line_exit_codes(articles, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1\n')
    out = tmp_path / "docs.jsonl"
    run = subprocess.run([sys.executable, "-m", "wartally", "read", str(articles / "corpus" / "articles"), str(bad),
                          "--published", "2019-06-01", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert run.stderr.splitlines() == [f"{bad}:1: json: invalid JSON: Expecting ',' delimiter (column 9)",
                                       "wartally read: 5 documents, 1 problems"]
    assert len(out.read_text().splitlines()) == 5 and run.stdout == ""
    ok = subprocess.run([sys.executable, "-m", "wartally", "read", str(articles / "corpus" / "articles.jsonl")],
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and len(ok.stdout.splitlines()) == 5


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_bad_input_summary_formats_list_documents_and_still_report(capsys, articles, tmp_path, fmt):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code = main(["read", str(articles / "corpus" / "articles.jsonl"), str(bad), "--format", fmt])
    out, err = capsys.readouterr()
    rows = out.splitlines()
    assert code == 1 and err.splitlines()[0] == f"{bad}: empty: empty file"
    assert len(rows) == 6 and rows[0].split(",")[0].split()[0] == "id"
    assert rows[1].startswith("fakes-1926479310.txt") and "2013-08-21" in rows[1] and "arabiya" in rows[1]


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_bad_input_truncated_warc_keeps_the_pages_before_the_cut(capsys, articles, tmp_path, name):
    from test_ingest_readers import URL, build_page, write_warc

    whole = tmp_path / f"whole-{name}"
    write_warc(whole, build_page(articles))
    data = whole.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data + data[: len(data) - 700])  # a second copy, cut inside its page
    exit_code, docs, errors = run_read(capsys, cut)
    assert exit_code == 1 and [d["id"] for d in docs] == [URL]
    assert len(errors) == 1 and errors[0].startswith(f"{cut}:record 7: truncated: the archive ends inside this record: ")


def test_bad_input_warc_record_over_the_limit_is_reported(articles, tmp_path):
    from test_ingest_readers import URL, build_page, write_warc

    from wartally.ingest.warc import read_warc

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, build_page(articles))
    [problem] = list(read_warc(path, limit=4096))
    assert str(problem) == f"{path}:record 3: too-large: {URL}: page is over the 4.0 KB limit"


def test_bad_input_garbage_lines_longer_than_the_sniffed_head_keep_the_good_records(capsys, tmp_path, good):
    # the case the fuzz test found (hypothesis, session 30): binary bytes with a NUL and a 9,000-byte line of
    # brackets before the first record; the file is a JSON-lines batch with good records, not one binary file
    lines = [b"-0", b"M\xa1\x9b\xfao\x1c$\x11\xcf\x93\x80\xf0s\xbaE\xe4\x00\xfe[-", b"[" * 9000,
             json.dumps({"id": "a", "text": GOOD, "published": "2019-06-03", "outlet": "AFP"}).encode()]
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    exit_code, docs, errors = run_read(capsys, path, good)
    assert [d["id"] for d in docs] == ["a", "good.txt"]
    assert exit_code == 1 and len(errors) == 3 and all(e.startswith(f"{path}:") for e in errors), errors
