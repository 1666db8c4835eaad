"""Lexicons as data: ``src/wartally/data/lexicons/*.tsv``.

Each file has one entry a line: an id, one or more value columns and a
regular expression (matched case-insensitively unless the pattern itself
says otherwise).  An entry's id is the rule id recorded in a figure's
provenance (``victims:civilians``, ``source:sohr``...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wartally.errors import LexiconError
from wartally.extract import regexes


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    values: tuple[str, ...]
    pattern: str
    flags: int = re.IGNORECASE

    @property
    def value(self) -> str:
        return self.values[0]

    @property
    def regex(self) -> re.Pattern[str]:
        """The entry alone, as a whole word (compiled when first asked for:
        most lexicons are only searched through ``combined``)."""
        return _entry_regex(self.pattern, self.flags)

    @property
    def searcher(self) -> "re.Pattern[str] | Lowered":
        """The entry alone, as a whole word, for ``search`` and ``finditer``
        (over the lower-cased text when the entry ignores case: see
        ``Lowered``); ``regex`` for anything else."""
        return _entry_searcher(self.pattern, self.flags)


@cache
def _entry_regex(pattern: str, flags: int) -> re.Pattern[str]:
    return regexes.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


@cache
def _entry_searcher(pattern: str, flags: int) -> "re.Pattern[str] | Lowered":
    rx = _entry_regex(pattern, flags)
    return compile_lowered(rx.pattern, flags) if flags & re.IGNORECASE else rx


def _text(name: str) -> str:
    return resources.files("wartally.data").joinpath("lexicons", name).read_text(encoding="utf-8")


def _read(name: str) -> list[tuple[str, ...]]:
    """The rows of lexicon file ``name``, comments and blank lines left out."""
    rows = []
    for line in _text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(line.split("\t")))
    return rows


def _columns(name: str) -> int | None:
    """How many columns the file's header (``# id<TAB>...``) names; None
    without one."""
    header = next((line for line in _text(name).splitlines() if line.startswith("# id\t")), None)
    return len(header.split("\t")) if header else None


_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be an entry's (it does not compile, or it can
    match the empty string somewhere: ``a?``, ``(?=x)``, ``\\b``), or None.
    With re's parser the pattern is parsed, not compiled (half the cost);
    without it, compiled and tried on the empty text."""
    try:
        if sre_parse is not None:
            empty = sre_parse.parse(pattern, re.IGNORECASE).getwidth()[0] == 0
        else:
            empty = re.compile(pattern, re.IGNORECASE).fullmatch("") is not None
    except re.error as exc:
        return f"pattern {pattern!r} does not compile: {exc}"
    return f"pattern {pattern!r} can match the empty string" if empty else None


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon ``name``, validated as they load: ``LexiconError``
    names the file and the entry (its place among the entries, and its id)
    of a row with other columns than the header's, an id that is not a
    lowercase slug or comes twice, a pattern that comes twice, does not
    compile or can match the empty string."""
    columns, rows = _columns(f"{name}.tsv"), _read(f"{name}.tsv")
    ids: dict[str, int] = {}
    patterns: dict[str, int] = {}
    for number, row in enumerate(rows, 1):
        where = f"lexicon {name}.tsv, entry {number} ({row[0]!r})"
        if len(row) < 3 or (columns is not None and len(row) != columns):
            raise LexiconError(f"{len(row)} columns, the header names {columns or 'at least 3'}", where=where)
        entry_id, pattern = row[0], row[-1]
        if not _ID.fullmatch(entry_id):
            raise LexiconError(f"id {entry_id!r} is not a lowercase slug", where=where)
        if entry_id in ids:
            raise LexiconError(f"duplicate id (entry {ids[entry_id]})", where=where)
        if pattern in patterns:
            raise LexiconError(f"duplicate pattern (entry {patterns[pattern]})", where=where)
        problem = regexes.derived("pattern_problem", (pattern,), lambda: pattern_problem(pattern))  # parsed once, kept between runs
        if problem:
            raise LexiconError(problem, where=where)
        ids[entry_id], patterns[pattern] = number, number
    return tuple(rows)


@cache
def entries(name: str, *, case_sensitive: bool = False) -> tuple[Entry, ...]:
    """The entries of lexicon ``name`` (e.g. ``"victims"``) in file order
    (validated as ``_rows`` says)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    return tuple(Entry(row[0], tuple(row[1:-1]), row[-1], flags) for row in _rows(name))


_SPACE = " \t\n\r\f\v"

# CPython's own regex parser and case tables (private modules of ``re``,
# loaded with it) serve only to make matching faster: where a Python lacks
# them, patterns compile as written and every search runs on the original
# text (the same matches, slower).
sre_parse = getattr(re, "_parser", None)
sre = getattr(re, "_constants", None)
_casefix = getattr(re, "_casefix", None)


def _firsts(items, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start with, and whether it can
    match the empty string; (None, _) when that is not simple to know (a
    class like ``\\w``, a negated set, a back-reference...)."""
    out: set[str] = set()

    def add(code: int) -> None:
        c = chr(code)
        out.update((c.lower(), c.upper()) if ignore_case else (c,))

    for op, av in items:
        if op is sre.LITERAL:
            add(av)
            return out, False
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    add(a)
                elif o is sre.RANGE and a[1] - a[0] <= 64:
                    for code in range(a[0], a[1] + 1):
                        add(code)
                elif o is sre.CATEGORY and a is sre.CATEGORY_SPACE:
                    out.update(_SPACE)
                elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    return None, False
            return out, False
        if op is sre.SUBPATTERN or op is sre.BRANCH or op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if op is sre.SUBPATTERN:
                subs, least = [av[-1]], 1
            elif op is sre.BRANCH:
                subs, least = av[1], 1
            else:
                subs, least = [av[2]], av[0]
            empty = False
            for sub in subs:
                got, e = _firsts(list(sub), ignore_case)
                if got is None:
                    return None, False
                out |= got
                empty = empty or e
            if least > 0 and not empty:
                return out, False
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width: the next item starts the match
        return None, False
    return out, True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class body (``[...]`` contents) of the characters every
    match of ``pattern`` starts with, or None when unknown or unbounded."""
    if sre_parse is None or sre is None:
        return None
    try:
        got, empty = _firsts(list(sre_parse.parse(pattern, flags)), bool(flags & re.IGNORECASE))
    except (re.error, TypeError, ValueError):
        return None
    if got is None or empty or not got:
        return None
    return "".join(re.escape(c) for c in sorted(got))


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with a look-ahead for the characters
    every match starts with when they are known: the regex engine then skips
    the other positions before trying each alternative.  The matches are
    the same (tests/test_extract_lexicons.py checks it on real news)."""
    starts = regexes.derived("first_chars", (pattern, int(flags)), lambda: first_chars(pattern, flags))
    return regexes.compile(f"(?=[{starts}])(?:{pattern})" if starts else pattern, flags)


def compile_lowered(pattern: str, flags: int = re.IGNORECASE) -> "Lowered":
    """A case-insensitive pattern (``compile_fast``'s) whose ``search`` and
    ``finditer`` look over the lower-cased text (``Lowered``): for a pattern
    searched in many sentences, two to five times faster, the same matches."""
    return Lowered(compile_fast(pattern, flags))


@cache
def combined(name: str, *, case_sensitive: bool = False, without: frozenset[str] = frozenset()) -> "Lowered":
    """One alternation over all entries (but those whose ids are in
    ``without``), each in a named group ``e<index>`` (with ``compile_fast``'s
    first-character look-ahead)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    ents = entries(name, case_sensitive=case_sensitive)
    unknown = without - {e.id for e in ents}
    if unknown:
        raise LexiconError(f"no entries with ids {sorted(unknown)} to leave out", where=f"lexicon {name}.tsv")
    kept = [(i, e) for i, e in enumerate(ents) if e.id not in without]
    parts = [f"(?P<e{i}>{e.pattern})" for i, e in kept]
    # where a match starts does not depend on which alternative matches: the
    # search for starts runs every entry's alternatives side by side, with no
    # groups (each alternative first in the alternation, where the regex
    # engine skips one whose first character is not the text's)
    # (the finder's text is built once and kept with the compiled patterns: splitting
    # every entry into its alternatives costs a twentieth of a second at each start)
    finder = regexes.derived("lexicon_finder", (case_sensitive, *(e.pattern for _, e in kept)),
                             lambda: _finder_of([e for _, e in kept], fold=not case_sensitive))
    return Lowered(compile_fast(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", flags), finder=finder)


def _finder_of(kept: list[Entry], *, fold: bool = True) -> str:
    """A pattern matching where any of the entries ``kept`` starts (see
    ``combined``); ``fold``: for a search over lower-cased text (else the
    first characters keep their case)."""
    return r"(?<![\w-])(?:" + _by_first_characters([x for e in kept for a in alternatives(e.pattern)
                                                     for x in _unfolded(a)], fold=fold) + r")(?![\w])"


def _by_first_characters(alternatives: list[str], depth: int = 1, *, fold: bool = True) -> str:
    """One alternation that matches where any of ``alternatives`` does, with
    those that start with the same letter or digit (case aside) behind it,
    ``depth`` + 1 characters deep: ``kill|killed|dead`` -> ``k(?:i(?:ll|lled))|dead``.
    At each position the regex engine then tries a few dozen first
    characters instead of every alternative.  The order of the
    alternatives changes: for a search of where matches start.  ``fold``:
    first characters grouped case aside, for a search over lower-cased
    text; else as written."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for a in alternatives:
        if a[:1].isalnum() and a[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(a[0].lower() if fold else a[0], []).append(a[1:])
        else:
            rest.append(a)
    parts = []
    for c, tails in groups.items():
        if len(tails) == 1:
            parts.append(c + tails[0])
        else:
            parts.append(c + "(?:" + (_by_first_characters(tails, depth - 1, fold=fold) if depth > 0 else "|".join(tails)) + ")")
    return "|".join(parts + rest)


def _unfolded(alternative: str, depth: int = 0) -> list[str]:
    """Alternatives that together match where ``alternative`` does, each
    starting with a character or a class where a leading group allows
    (``(?:a|b)c`` -> ``ac``, ``bc``; ``(?:a\\s+)?b`` -> ``a\\s+b``, ``b``):
    the regex engine tries those only where the text's character fits.
    For a search over lower-cased text (``(?-i:...)`` says nothing there)."""
    opener = next((o for o in ("(?:", "(?-i:") if alternative.startswith(o)), None)
    if opener is None or depth > 3 or len(alternatives(alternative)) > 1:
        return [alternative]
    close = _group_end(alternative, 0)
    inner, rest = alternative[len(opener):close], alternative[close + 1:]
    if rest[:1] in ("*", "+", "{") or rest[:2] in ("??", "?+"):
        return [alternative]
    outs = [a + rest.removeprefix("?") for a in alternatives(inner)]
    if rest[:1] == "?":
        outs.append(rest[1:])
    out = [x for o in outs for x in _unfolded(o, depth + 1)]
    return out if len(out) <= _MAX_UNFOLDED else [alternative]


_MAX_UNFOLDED = 40


def _structure(pattern: str, i: int = 0):
    """(index, character, group depth after it) of every character of
    ``pattern`` from ``i`` on, escaped characters and character classes
    stepped over: what finds a group's end and the top-level "|"."""
    depth, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield i, c, depth
        i += 1


def _group_end(pattern: str, i: int) -> int:
    """The index of the ")" that closes the "(" at ``i``."""
    for j, c, depth in _structure(pattern, i):
        if c == ")" and depth == 0:
            return j
    raise ValueError(f"unbalanced group in {pattern!r}")


def _class_end(pattern: str, i: int) -> int:
    """The index of the "]" that closes the class opened at ``i`` (its "(",
    ")" and "|" are characters; "[]...]" and "[^]...]" hold a "]")."""
    i += 1 + (pattern[i + 1: i + 2] == "^")
    i += pattern[i: i + 1] == "]"
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def alternatives(pattern: str) -> list[str]:
    """``pattern``'s top-level alternatives (``"a|b(?:c|d)"`` -> ``["a", "b(?:c|d)"]``)."""
    out: list[str] = []
    start = 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def scan_each(name: str, text: str, *, case_sensitive: bool = False) -> list[tuple[int, int, Entry]]:
    """What running each entry's regex alone over ``text`` finds: every
    entry's own non-overlapping matches (entries may overlap one another),
    in file order, each entry's in text order.

    The combined alternation matches at a position exactly when some entry
    does, so it lists the positions where any entry can start (one search a
    position, usually none or a few a sentence); each entry is then tried
    only there."""
    starts = combined(name, case_sensitive=case_sensitive).starts(text)
    out: list[tuple[int, int, Entry]] = []
    if not starts:
        return out
    low = text.lower() if not case_sensitive else text
    at = {low[p] for p in starts} if len(low) == len(text) else None  # the characters where a match starts
    for e, rx, firsts in _entry_table(name, case_sensitive):
        if firsts is not None and at is not None and firsts.isdisjoint(at):
            continue  # no start where this entry can start
        end = 0
        for p in starts:
            if p < end or (firsts is not None and low[p] not in firsts):
                continue
            m = rx.match(text, p)
            if m is not None:
                out.append((m.start(), m.end(), e))
                end = max(m.end(), p + 1)
    return out


@cache
def _ids(name: str, case_sensitive: bool) -> frozenset[str]:
    return frozenset(e.id for e in entries(name, case_sensitive=case_sensitive))


@cache
def _entry_table(name: str, case_sensitive: bool) -> tuple[tuple[Entry, re.Pattern[str], frozenset[str] | None], ...]:
    """Each entry of a lexicon with its regex and first characters."""
    return tuple((e, e.regex, _entry_firsts(e.pattern, e.flags)) for e in entries(name, case_sensitive=case_sensitive))


@cache
def _entry_firsts(pattern: str, flags: int) -> frozenset[str] | None:
    """The characters (lower-cased when the entry ignores case) every match
    of an entry starts with, or None when they are not known: positions
    where an entry cannot start are skipped without trying its regex."""
    if sre_parse is None or sre is None:  # a Python without re's parser: every position is tried
        return None
    return regexes.derived("entry_firsts", (pattern, int(flags)), lambda: _parsed_entry_firsts(pattern, flags))


def _parsed_entry_firsts(pattern: str, flags: int) -> frozenset[str] | None:
    firsts, can_be_empty = _firsts(list(sre_parse.parse(pattern, flags)), bool(flags & re.IGNORECASE))
    if not firsts or can_be_empty:
        return None
    return frozenset(c.lower() for c in firsts) if flags & re.IGNORECASE else frozenset(firsts)


def scan(name: str, text: str, *, case_sensitive: bool = False,
         without: frozenset[str] = frozenset()) -> list[tuple[int, int, Entry]]:
    """Non-overlapping matches of lexicon ``name`` in ``text``: (start, end,
    entry); entries whose ids are in ``without`` are not looked for."""
    ents = entries(name, case_sensitive=case_sensitive)
    out = []
    if without and not without <= _ids(name, case_sensitive):
        unknown = sorted(without - _ids(name, case_sensitive))
        raise LexiconError(f"no entries with ids {unknown} to leave out", where=f"lexicon {name}.tsv")
    # without some entries: the smaller alternation, compiled once a set left out (sets
    # are few: one a country) and kept between runs like the others; its groups keep
    # the entries' indices in the whole lexicon
    rx = combined(name, case_sensitive=case_sensitive, without=without)
    for m in rx.finditer(text):
        group = m.lastgroup
        if group is None:
            continue
        out.append((m.start(), m.end(), ents[int(group[1:])]))
    return out


# --- case-insensitive patterns run over lower-cased text -------------------
#
# CPython's regex engine compares case-insensitive literals one character at
# a time through its case tables; over a lower-cased copy of the text a
# case-sensitive, lower-cased copy of the pattern finds the same positions
# two to three times faster.  That copy only proposes where a match may
# start: the original pattern is then tried there on the original text, so
# every match (offsets, groups, alternative chosen) is the original's.

# characters with case equivalents beyond lower(): "ſ" ~ "s", "ı" ~ "i",
# "K" (Kelvin) ~ "k"...: a text or pattern holding one keeps the plain search
_ODD_CASE = re.compile("[" + "".join(sorted({re.escape(chr(c)) for k, v in _casefix._EXTRA_CASES.items()
                                              for c in (k, *v) if c > 127} | {"\u0130", "\u212a"})) + "]") \
    if _casefix is not None else None


def _lower_pattern(pattern: str) -> str | None:
    """``pattern`` for lower-cased text: literals lower-cased, each character
    class widened by its lower-cased copy, escapes and group names kept;
    None when the pattern holds something this does not handle (numeric or
    named-character escapes, odd case characters, locale flags)."""
    if _ODD_CASE is None or _ODD_CASE.search(pattern):
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n or pattern[i + 1] in "0123456789xuUN":
                return None
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i) or pattern.startswith("(?P=", i):
            j = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            if j < 0:
                return None
            out.append(pattern[i:j + 1])
            i = j + 1
        elif pattern.startswith("(?", i) and i + 2 < n and pattern[i + 2] not in ":=!<#":
            j = i + 2  # inline flags: "(?i)", "(?-i:": kept as they are (all lower-case letters)
            while j < n and pattern[j] not in ":)":
                if pattern[j] not in "aimsux-":
                    return None
                j += 1
            out.append(pattern[i:j])
            i = j
        elif c == "[":
            j = _class_end(pattern, i)
            if j >= n:
                return None
            body = pattern[i + 1 + (pattern[i + 1] == "^"):j]
            low = _lower_class_body(body)
            if low is None:
                return None
            out.append(pattern[i:j] + (low if low != body else "") + "]")
            i = j + 1
        else:
            low = c.lower()
            if len(low) != 1:
                return None
            out.append(low)
            i += 1
    return "".join(out)


def _without_groups(pattern: str) -> str:
    """``pattern`` with its capturing groups made non-capturing (the regex
    engine then matches faster; where a match starts is the same), unless
    something refers to a group."""
    if "(?P=" in pattern or "(?(" in pattern or re.search(r"\\\d", pattern):
        return pattern
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif c == "[":
            j = _class_end(pattern, i)
            out.append(pattern[i:j + 1])
            i = j + 1
        elif pattern.startswith("(?P<", i):
            out.append("(?:")
            i = pattern.index(">", i) + 1
        elif c == "(" and not pattern.startswith("(?", i):
            out.append("(?:")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _lower_class_body(body: str) -> str | None:
    """A character class's contents with its letters lower-cased (escapes kept)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1: i + 2] in ("", *"0123456789xuUN"):
                return None
            out.append(body[i:i + 2])
            i += 2
            continue
        low = body[i].lower()
        if len(low) != 1:
            return None
        out.append(low)
        i += 1
    return "".join(out)


def lowered(text: str) -> str | None:
    """``text`` lower-cased, where a case-insensitive search of it finds
    what a case-sensitive search of the lower-cased text finds (no odd case
    characters, no change of length); None otherwise.  The last text asked
    about is remembered by identity: a sentence is searched by many
    patterns in a row."""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    if not text.isascii() and _ODD_CASE.search(text):
        low = None
    else:
        low = text.lower()
        if len(low) != len(text):
            low = None
    _LAST_LOWERED = (text, low)  # (one tuple, replaced whole: safe between threads)
    return low


_LAST_LOWERED: tuple[str | None, str | None] = (None, None)


class Lowered:
    """A case-insensitive pattern whose ``search`` and ``finditer`` look for
    candidate starts over the lower-cased text (see above) and return the
    original pattern's matches.  Anything else goes to the original.  For
    patterns that cannot match the empty string (``compile_fast``'s
    look-ahead, or ``first_chars``, says so; otherwise the plain search
    is kept).  A case-sensitive pattern given a ``finder`` (a lexicon's
    alternation without its groups) looks for candidate starts with the
    finder over the text as it is."""

    __slots__ = ("regex", "_low", "_as_is")

    def __init__(self, regex: re.Pattern[str], *, finder: str | None = None):
        """``finder``: a pattern that matches at exactly the positions where
        ``regex`` does (without its groups, say), searched instead of it."""
        self.regex = regex
        source = finder or regex.pattern
        # a case-sensitive pattern with a finder searches the text as it is with the finder
        self._as_is = not regex.flags & re.IGNORECASE and finder is not None
        if regex.flags & re.IGNORECASE:
            low = regexes.derived("lower_pattern", (source,), lambda: _lower_pattern(source))
        else:
            low = finder
        if low is not None and not regex.pattern.startswith("(?=[") and regexes.derived(
                "first_chars", (regex.pattern, int(regex.flags)), lambda: first_chars(regex.pattern, regex.flags)) is None:
            low = None  # may match the empty string, or starts unknown: plain search (compile_fast's look-ahead says it cannot)
        self._low = regexes.compile(regexes.derived("without_groups", (low,), lambda: _without_groups(low)),
                                    regex.flags & ~re.IGNORECASE) if low is not None else None

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _lowered(self, text: str) -> str | None:
        return None if self._low is None else text if self._as_is else lowered(text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first of ``finditer``'s matches (the same loop, without a generator)."""
        end = len(text) if endpos is None else endpos
        low = self._lowered(text)
        if low is None:
            return self.regex.search(text, pos, end)
        find, match = self._low.search, self.regex.match
        while pos <= end:
            cand = find(low, pos, end)
            if cand is None:
                return None
            m = match(text, cand.start(), end)
            if m is not None:
                return m
            pos = cand.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._matches(text, pos, endpos)

    def starts_matches(self, text: str):
        """The first match at each position where one begins, overlapping
        ones included, in text order."""
        return self._matches(text, 0, None, every_start=True)

    def starts(self, text: str) -> list[int]:
        """Every position where a match begins, overlapping ones included
        (the text is lower-cased once for all of them)."""
        return [m.start() for m in self._matches(text, 0, None, every_start=True)]

    def _matches(self, text: str, pos: int, endpos: int | None, *, every_start: bool = False):
        """The original pattern's matches from ``pos``, as ``finditer`` gives
        them, or, with ``every_start``, the first match at each position
        where one begins."""
        end = len(text) if endpos is None else endpos
        low = self._lowered(text)
        if low is None and not every_start:
            yield from self.regex.finditer(text, pos, end)  # the plain search, as it is
            return
        if low is None:
            find, match, low = self.regex.search, None, text
        else:
            find, match = self._low.search, self.regex.match
        while pos <= end:
            cand = find(low, pos, end)
            if cand is None:
                return
            m = cand if match is None else match(text, cand.start(), end)
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.start() + 1 if every_start else m.end() if m.end() > m.start() else m.end() + 1

    def __getattr__(self, name: str):
        return getattr(self.regex, name)
