"""Command-line mistakes a new user makes (issue 17, items 7 and 10): each is
one line on stderr naming what is wrong, with exit code 2 for a usage error
and 1 for failed input, never a traceback, and no empty output file left
behind when nothing was read."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wartally.cli import main

TEXT = "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."


@pytest.fixture
def docs(tmp_path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT, "published": "2019-06-04"}) + "\n", "utf-8")
    return path


def one_line(capsys) -> str:
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("args, expect", [
    (["extract", "{docs}", "-o", "/nonexistent/f.jsonl"], "wartally extract: error: -o /nonexistent/f.jsonl: the folder /nonexistent does not exist"),
    (["extract", "{docs}", "-o", "{tmp}"], "wartally extract: error: -o {tmp}: is a folder; give a file name inside it"),
    (["read", "{docs}", "-o", "/nonexistent/docs.jsonl"], "wartally read: error: -o /nonexistent/docs.jsonl: the folder /nonexistent does not exist"),
    (["extract", "{docs}", "--published", "bad"], "wartally extract: error: --published 'bad' is not a YYYY-MM-DD date"),
])
def test_cli_usage_mistakes_are_one_line_and_exit_2(capsys, tmp_path, docs, args, expect):
    fill = lambda s: s.format(docs=docs, tmp=tmp_path)  # noqa: E731
    assert main([fill(a) for a in args]) == 2
    assert one_line(capsys).startswith(fill(expect))


@pytest.mark.parametrize("args, expect", [
    (["eval", "--links", "{tmp}/missing.jsonl"], "wartally eval: error: --links {tmp}/missing.jsonl: no such file"),
    (["eval", "--gold", "/bin/ls", "--docs", "{docs}"], "wartally eval: error: --gold /bin/ls: binary data, not text"),
    (["eval", "--gold", "{docs}", "--docs", "{tmp}"], "wartally eval: error: --docs {tmp}: is a folder, not a JSONL file"),
])
def test_cli_eval_unreadable_inputs_are_one_line_and_exit_1(capsys, tmp_path, docs, args, expect):
    fill = lambda s: s.format(docs=docs, tmp=tmp_path)  # noqa: E731
    assert main([fill(a) for a in args]) == 1
    assert one_line(capsys).startswith(fill(expect))


@pytest.mark.parametrize("command", ["extract", "read"])
def test_cli_missing_input_leaves_no_empty_output(capsys, tmp_path, command):
    out = tmp_path / "out.jsonl"
    assert main([command, str(tmp_path / "page.html"), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{tmp_path / 'page.html'}: missing: no such file or folder"
    assert err[1:] == (["wartally read: 0 documents, 1 problems"] if command == "read" else [])
    assert not out.exists()


def test_cli_output_is_written_when_a_document_was_read(capsys, tmp_path, docs):
    out = tmp_path / "figures.jsonl"
    assert main(["extract", str(docs), "-o", str(out), "--no-geocode"]) == 0
    assert [json.loads(line)["n"] for line in out.read_text().splitlines()] == [12]


def test_cli_real_process_prints_no_traceback(tmp_path, docs):
    """The installed entry point, as a user runs it."""
    got = subprocess.run([sys.executable, "-m", "wartally", "extract", str(docs), "-o", "/nonexistent/f.jsonl"],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 2 and "Traceback" not in got.stderr
    assert got.stderr.strip().splitlines() == ["wartally extract: error: -o /nonexistent/f.jsonl: the folder /nonexistent does not exist"]


def test_cli_store_held_by_another_process_is_named_without_duckdb_advice(tmp_path, docs):
    import duckdb

    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(docs), "--db", str(db), "-q", "--no-link"]) == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        got = subprocess.run([sys.executable, "-m", "wartally", "ingest", str(docs), "--db", str(db), "-q"],
                             capture_output=True, text=True, timeout=120)
    finally:
        holder.kill()
        holder.wait(10)
    assert got.returncode == 1 and "Traceback" not in got.stderr
    [line] = got.stderr.strip().splitlines()
    assert f"the database is in use by another process (process {holder.pid}, " in line and "stop it, or use another --db" in line
    assert "-readonly" not in line and "duckdb.org" not in line
    duckdb.connect(str(db), read_only=True).close()
