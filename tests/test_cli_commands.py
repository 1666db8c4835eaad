"""The command table of the ``wartally`` program: every command a module
registers is in ``COMMANDS`` with that module, and running one command
imports only its own module."""
from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from wartally.cli import COMMAND_MODULES, COMMANDS, build_parser


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_each_registered_command_is_in_the_table(module):
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module).register(sub)
    assert sub.choices, module
    for command in sub.choices:
        assert COMMANDS.get(command) == module, command


def test_the_table_names_no_command_that_is_not_registered():
    parser = build_parser()
    registered = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert set(COMMANDS) == set(registered)


def test_one_command_imports_only_its_module():
    code = ("import sys; from wartally.cli import main; main(['extract', '--help'])")
    probe = ("import atexit, sys; atexit.register(lambda: print('LOADED', "
             "sorted(m for m in sys.modules if m.startswith('wartally.') and m.endswith('commands'))))")
    got = subprocess.run([sys.executable, "-c", probe + "\n" + code], capture_output=True, text=True)
    assert "usage: wartally extract" in got.stdout
    loaded = got.stdout.rsplit("LOADED", 1)[1]
    assert "wartally.extract.commands" in loaded
    assert "wartally.link.commands" not in loaded and "wartally.store.commands" not in loaded


def test_help_without_a_command_lists_every_command():
    got = subprocess.run([sys.executable, "-m", "wartally", "--help"], capture_output=True, text=True)
    assert got.returncode == 0
    for command in COMMANDS:
        assert command in got.stdout


def test_quick_exit_keeps_the_output_and_the_exit_code(sample, tmp_path):
    """``read`` and ``extract`` end the process without tearing it down: every
    line is still written, to a file or a pipe, and the exit code is kept."""
    out = tmp_path / "figures.jsonl"
    got = subprocess.run([sys.executable, "-m", "wartally", "extract", str(sample / "corpus" / "fakes-dev.jsonl"),
                          "-o", str(out), "--no-geocode"], capture_output=True, text=True)
    assert got.returncode == 0, got.stderr
    lines = out.read_text().splitlines()
    assert len(lines) >= 30
    piped = subprocess.run([sys.executable, "-m", "wartally", "extract", str(sample / "corpus" / "fakes-dev.jsonl"),
                            "--no-geocode"], capture_output=True, text=True)
    assert piped.returncode == 0 and piped.stdout.splitlines() == lines
    bad = subprocess.run([sys.executable, "-m", "wartally", "extract", str(tmp_path / "missing.jsonl")],
                         capture_output=True, text=True)
    assert bad.returncode == 1 and "missing.jsonl" in bad.stderr
