"""Compiled regular expressions kept between runs, as ``.pyc`` files keep
compiled modules.

The lexicons' alternations are large: parsing and compiling them costs a
third of a second at every start of ``wartally extract``.  ``compile``
returns what ``re.compile`` returns, and remembers the regex engine's code
for the pattern in a file of the user's cache folder (``wartally.caches``:
``~/.cache/wartally``; ``WARTALLY_CACHE_DIR`` to choose another, empty to
keep nothing), keyed by the pattern, its flags and the
interpreter's version and regex engine: the next process builds the
pattern from that code without parsing it.  A code is kept only when the
pattern built from it equals the one ``re.compile`` built (a compiled
pattern compares equal to another with the same text, flags and code), and
any problem reading or writing the file means the plain ``re.compile``.
"""
from __future__ import annotations

import atexit
import re
import sys
import threading
from array import array
from pathlib import Path

from wartally import caches

# CPython's regex engine and its parser and compiler (private, loaded with
# ``re``): where a Python lacks them, nothing is kept and ``compile`` is
# ``re.compile``
_compiler = getattr(re, "_compiler", None)
_parser = getattr(re, "_parser", None)
_sre = sys.modules.get("_sre") if _compiler is not None and _parser is not None else None

# the engine's code is kept as the bytes of an array of its code words: a
# table of a thousand patterns then loads as a thousand byte strings, not as
# a million int objects that marshal builds one by one (a third of the time
# to load it, or less; a pattern's words become a list when it is compiled)
_CODE_WORDS = "I" if _sre is not None and array("I").itemsize == _sre.CODESIZE else None

_LOCK = threading.Lock()
_table: dict[tuple[str, int], tuple] | None = None
_added = 0


def _path() -> Path | None:
    if _sre is None:
        return None
    folder = caches.folder()
    return None if folder is None else folder / _name()


def _name() -> str:
    return f"regexes-{_tag()}.marshal"


_TAG: list[str] = []


def _tag() -> str:
    """The interpreter, its regex engine, the extractor's sources and the
    word lists and tables they build patterns from (``data/``'s tsv, json
    and txt files; not the gazetteer or the boundaries): a change to any makes a new file, so that a
    file holds the patterns of one version and older ones are pruned."""
    if not _TAG:
        digest = caches.tag(*(caches.source_of(f) for f in _sources()))
        _TAG.append(f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{digest}")
    return _TAG[0]


def _sources() -> list[Path]:
    """The files whose text decides what is compiled: extract/*.py and the
    data files, in a fixed order."""
    here = Path(__file__).parent
    data = here.parent / "data"
    return sorted(here.glob("*.py")) + sorted(p for p in data.rglob("*") if p.suffix in (".tsv", ".json", ".txt"))


def _load() -> dict[tuple[str, int], tuple]:
    global _table
    if _table is None:
        with _LOCK:
            if _table is None:
                got = caches.read(_name()) if _sre is not None else None
                _table = got if isinstance(got, dict) else {}
    return _table


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the code kept by an earlier run
    when there is one."""
    flags = int(flags)
    table = _load()
    kept = table.get((pattern, flags))
    if kept is not None:
        try:
            return _sre.compile(pattern, *_unpacked(kept))
        except Exception:  # a damaged entry: compiled as usual below
            pass
    rx = re.compile(pattern, flags)
    if _sre is not None and isinstance(pattern, str):
        _keep(pattern, flags, rx)
    return rx


def derived(kind: str, key: tuple, compute):
    """``compute()``, a value found by parsing a pattern (a string, a
    frozenset of strings or None), kept like the compiled code under
    ``(kind, *key)``."""
    table = _load()
    k = (kind, *key)
    if k in table:
        return table[k]
    value = compute()
    if _sre is not None:
        with _LOCK:
            _note(k, value)
    return value


def _note(key: tuple, value) -> None:
    global _added
    _table[key] = value
    if _added == 0:
        atexit.register(save)
    _added += 1


def _keep(pattern: str, flags: int, rx: re.Pattern[str]) -> None:
    """Remember the engine's code for ``pattern`` (as ``re._compiler.compile``
    makes it) if the pattern built from it is ``rx``."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]  # (opcodes are int subclasses)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        kept = (int(flags | parsed.state.flags), _packed(code), parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern, *_unpacked(kept)) != rx:
            return
    except Exception:
        return
    with _LOCK:
        _note((pattern, flags), kept)


def _packed(code: list[int]) -> bytes | list[int]:
    """The engine's code words as kept in the table (see ``_CODE_WORDS``)."""
    return array(_CODE_WORDS, code).tobytes() if _CODE_WORDS else code


def _unpacked(kept: tuple) -> tuple:
    """A kept entry as ``_sre.compile``'s arguments after the pattern (the
    code words a list again)."""
    flags, code, *rest = kept
    if isinstance(code, bytes):
        words = array(_CODE_WORDS)
        words.frombytes(code)
        code = words.tolist()
    return (flags, code, *rest)


def save() -> None:
    """Write the table (with what other processes wrote meanwhile) to the
    cache file, atomically; silently nothing when that fails."""
    if _sre is None or not _added:
        return
    name = _name()
    table = dict(_table or {})
    other = caches.read(name)
    if isinstance(other, dict):
        table = {**other, **table}
    if caches.write(name, table):  # (not writable, or a value marshal cannot write: nothing kept)
        caches.prune("regexes-", name)  # what older sources kept
