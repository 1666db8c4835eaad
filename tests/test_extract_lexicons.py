"""Data integrity of the extractor's lexicons (src/wartally/data/lexicons/*.tsv).

Every row has the columns its file's header names, ids are unique, every
pattern compiles (alone and as the extractor wraps it) and matches no empty
string, and every canonical value is one that ../shared/gold/GUIDE.md allows.
The GUIDE's value lists are copied here; a test checks the copy against the
GUIDE itself (../shared's, or the copy in tests/data/sample/gold, which
tests/test_shared_copies.py keeps in step), so the two cannot drift.
"""
from __future__ import annotations

import re
from importlib import resources

import pytest

from wartally.extract import lexicon


LEXICON_DIR = resources.files("wartally.data").joinpath("lexicons")

# the GUIDE's values (table "A FIGURE")
OUTCOMES = {"killed", "injured", "displaced"}
QUALIFIERS = {"exact", "at_least", "at_most", "about"}
VICTIMS = {"people", "civilians", "children", "women", "men", "combatants"}
SIDES = {"government", "opposition", "other"}
WEAPONS = {"airstrike", "barrel bomb", "shelling", "rocket", "mortar", "missile", "clashes", "gunfire",
           "car bomb", "suicide bombing", "IED", "landmine", "chemical", "drone"}
GUIDE_ACTORS = {"Syrian government", "Russia", "opposition", "ISIS", "Kurdish forces", "US-led coalition", "Turkey"}
GUIDE_SOURCES = {"SOHR", "SNHR", "SCD", "UN", "local activists"}

# file → (columns, {column: allowed values or None for free text})
SCHEMA: dict[str, tuple[tuple[str, ...], dict[str, set[str] | None]]] = {
    "actors": (("id", "actor", "side", "fights", "pattern"), {"actor": None, "side": {"government", "opposition", "ISIS", "Kurdish forces", "foreign"}, "fights": None}),
    "cues": (("id", "kind", "pattern"), {"kind": {"population", "hypothetical", "unconfirmed", "nonperson", "incident", "disaster"}}),
    "metonyms": (("id", "kind", "pattern"), {"kind": {"capital", "verb-after", "verb-before", "prefix", "suffix", "seat-before", "wire-after"}}),
    "outcomes": (("id", "outcome", "direction", "pattern"), {"outcome": OUTCOMES, "direction": {"pre", "post", "both"}}),
    "qualifiers": (("id", "qualifier", "pattern"), {"qualifier": QUALIFIERS}),
    "sides": (("id", "side", "pattern"), {"side": SIDES}),
    "sources": (("id", "source", "countries", "kind", "pattern"), {"source": None, "countries": None, "kind": {"body", "news", "role"}}),
    "victims": (("id", "victims", "side", "pattern"), {"victims": VICTIMS, "side": SIDES | {""}}),
    "weapons": (("id", "weapon", "pattern"), {"weapon": WEAPONS}),
}


def _lines(name: str) -> list[str]:
    return LEXICON_DIR.joinpath(f"{name}.tsv").read_text(encoding="utf-8").splitlines()


def _rows(name: str) -> list[tuple[int, list[str]]]:
    return [(i, line.split("\t")) for i, line in enumerate(_lines(name), 1) if line.strip() and not line.startswith("#")]


def test_lexicons_every_file_has_a_schema():
    files = {p.name[:-4] for p in LEXICON_DIR.iterdir() if p.name.endswith(".tsv")}
    assert files == set(SCHEMA)


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicons_header_names_the_columns(name):
    columns, _ = SCHEMA[name]
    header = next(line for line in _lines(name) if line.startswith("# id"))
    assert tuple(c.split(" ")[0] for c in header[2:].split("\t")) == columns


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicons_rows_have_the_right_columns(name):
    columns, _ = SCHEMA[name]
    rows = _rows(name)
    assert rows, f"{name}.tsv has no entries"
    for line_no, row in rows:
        assert len(row) == len(columns), f"{name}.tsv:{line_no}: {len(row)} columns, expected {len(columns)}"
        for cell in row:
            assert cell == cell.strip(), f"{name}.tsv:{line_no}: stray whitespace in {cell!r}"
        assert row[-1], f"{name}.tsv:{line_no}: empty pattern"


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicons_ids_are_unique(name):
    ids = [row[0] for _, row in _rows(name)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"{name}.tsv: duplicate ids {dupes}"
    for i in ids:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", i), f"{name}.tsv: id {i!r} is not a lowercase slug"


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicons_patterns_compile_and_match_no_empty_string(name):
    for line_no, row in _rows(name):
        pattern = row[-1]
        try:
            rx = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{name}.tsv:{line_no}: {pattern!r} does not compile: {exc}")
        assert not rx.fullmatch(""), f"{name}.tsv:{line_no}: pattern matches the empty string"
    # and as the extractor loads them: each entry wrapped, and the combined alternation
    assert len(lexicon.entries(name)) == len(_rows(name))
    assert all(isinstance(e.regex, re.Pattern) for e in lexicon.entries(name))  # compiled when first asked for
    lexicon.combined(name)


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicons_values_are_ones_the_guide_allows(name):
    columns, allowed = SCHEMA[name]
    for line_no, row in _rows(name):
        for col, values in allowed.items():
            cell = row[columns.index(col)]
            if values is None:
                assert cell, f"{name}.tsv:{line_no}: empty {col}"
            else:
                assert cell in values, f"{name}.tsv:{line_no}: {col} {cell!r} is not one of {sorted(values)}"


def test_lexicons_sources_name_the_guides_canonical_ids():
    values = {row[1] for _, row in _rows("sources")}
    assert GUIDE_SOURCES <= values, GUIDE_SOURCES - values


def test_lexicons_actors_name_the_guides_actors():
    values = {row[1] for _, row in _rows("actors")}
    assert GUIDE_ACTORS <= values, GUIDE_ACTORS - values


def test_lexicons_every_canonical_value_has_an_entry():
    # every outcome, qualifier but exact, victim group, side and weapon can be found
    assert {row[1] for _, row in _rows("outcomes")} == OUTCOMES
    assert {row[1] for _, row in _rows("qualifiers")} == QUALIFIERS - {"exact"}
    assert {row[1] for _, row in _rows("victims")} == VICTIMS
    assert {row[1] for _, row in _rows("sides")} == SIDES
    assert {row[1] for _, row in _rows("weapons")} == WEAPONS


@pytest.mark.parametrize(("name", "text", "value"), [
    ("sources", "the Syrian Observatory for Human Rights said", "SOHR"),
    ("sources", "a UK-based activist group has said", "SOHR"),
    ("sources", "the Syrian Network for Human Rights", "SNHR"),
    ("sources", "the White Helmets said", "SCD"),
    ("sources", "The United Nations says", "UN"),
    ("sources", "The UN humanitarian co-ordination agency OCHA said", "UN"),
    ("victims", "fighters", "combatants"),
    ("victims", "citizens", "civilians"),
    ("weapons", "barrel bombs", "barrel bomb"),
    ("weapons", "toxic gases", "chemical"),
    ("outcomes", "lost their lives", "killed"),
    ("outcomes", "forced to leave their homes", "displaced"),
    ("qualifiers", "an estimated", "about"),
])
def test_lexicons_guide_examples_are_found(name, text, value):
    assert value in {e.value for _, _, e in lexicon.scan(name, text)}


def test_lexicons_guide_lists_match_the_copy(gold_root):
    guide = (gold_root / "gold" / "GUIDE.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(2).split(" | ") for m in re.finditer(r"^\| `(\w+)` \| (.+) \|$", guide, re.M)}

    def listed(field: str, column: int = 0) -> set[str]:
        return set(re.findall(r"`([^`]+)`", rows[field][column]))

    assert listed("outcome") == OUTCOMES
    assert listed("qualifier") == QUALIFIERS
    assert listed("victims") == VICTIMS
    assert listed("side") == SIDES
    assert listed("weapon") == WEAPONS
    assert GUIDE_SOURCES <= listed("source", 1)
    assert GUIDE_ACTORS <= listed("actor", 1)


# rows of a made-up lexicon (header: 3 columns) that loading must refuse,
# with the words the error says
BAD_LEXICONS = [
    ([("a", "killed")], "lexicon bad.tsv, entry 1 ('a'): 2 columns, the header names 3"),
    ([("a", "killed", "x", "y")], "4 columns"),
    ([("Dead", "killed", "dead")], "id 'Dead' is not a lowercase slug"),
    ([("a", "killed", "dead"), ("b", "killed", "slain"), ("a", "killed", "died")],
     "lexicon bad.tsv, entry 3 ('a'): duplicate id (entry 1)"),
    ([("a", "killed", "dead"), ("b", "injured", "dead")], "lexicon bad.tsv, entry 2 ('b'): duplicate pattern (entry 1)"),
    ([("a", "killed", "(?:dead")], "does not compile"),
    ([("a", "killed", "(?:dead)?")], "can match the empty string"),
    ([("a", "killed", "dead|")], "can match the empty string"),
    ([("a", "killed", r"\b")], "can match the empty string"),
    ([("a", "killed", "(?=dead)")], "can match the empty string"),
]


def _made_up(monkeypatch, rows):
    monkeypatch.setattr(lexicon, "_read", lambda name: rows)
    monkeypatch.setattr(lexicon, "_columns", lambda name: 3)
    lexicon._rows.cache_clear()
    lexicon.entries.cache_clear()


@pytest.mark.parametrize(("rows", "message"), BAD_LEXICONS)
def test_lexicon_load_refuses_a_malformed_file(monkeypatch, rows, message):
    from wartally.errors import LexiconError

    _made_up(monkeypatch, rows)
    try:
        with pytest.raises(LexiconError, match=re.escape(message)):
            lexicon.entries("bad")
    finally:
        lexicon._rows.cache_clear()
        lexicon.entries.cache_clear()


def test_lexicon_load_takes_a_well_formed_file(monkeypatch):
    _made_up(monkeypatch, [("a", "killed", "dead|died"), ("b", "injured", "hurt")])
    try:
        assert [(e.id, e.value) for e in lexicon.entries("good")] == [("a", "killed"), ("b", "injured")]
    finally:
        lexicon._rows.cache_clear()
        lexicon.entries.cache_clear()


def test_lexicon_leaving_out_an_unknown_id_is_an_error():
    from wartally.errors import LexiconError

    with pytest.raises(LexiconError, match=r"weapons.tsv: no entries with ids \['no-such-weapon'\]"):
        lexicon.scan("weapons", "a barrel bomb", without=frozenset({"no-such-weapon"}))
    assert lexicon.scan("weapons", "a barrel bomb", without=frozenset({lexicon.entries("weapons")[0].id})) is not None


@pytest.mark.parametrize(("phrases", "message"), [
    (None, "no such group of phrases"),
    (["killed", "killed"], "phrase 'killed' given twice"),
    (["(?:killed"], "does not compile"),
    (["killed|"], "can match the empty string"),
    (["(?:in )?"], "can match the empty string"),
])
def test_link_patterns_load_refuses_a_malformed_group(monkeypatch, phrases, message):
    """The link stage's phrases (data/link/patterns.json) are validated as
    they load, as the extractor's lexicons are."""
    from wartally.errors import LexiconError
    from wartally.link import lexicon as link_lexicon

    monkeypatch.setattr(link_lexicon, "load", lambda name: {} if phrases is None else {"made_up": phrases})
    link_lexicon.patterns.cache_clear()
    try:
        with pytest.raises(LexiconError, match=re.escape(message)):
            link_lexicon.patterns("made_up")
    finally:
        link_lexicon.patterns.cache_clear()


FIRST_CHARS = [
    # pattern, flags, the characters every match can start with (None: unknown)
    (r"kill(?:s|ed)?|dead", 0, "dk"),
    (r"(?:the\s+)?dead", 0, "dt"),
    (r"(?:'s)?\s*lives", 0, " \t\n\r\f\v'l"),
    (r"[A-C]x|\d+", 0, "0123456789ABC"),
    (r"Kill", re.IGNORECASE, "Kk"),
    (r"\w+", 0, None),
    (r"a?", 0, None),
    (r"[^a]b", 0, None),
]
ALPHABET = "".join(map(chr, range(32, 127))) + "\t\n\r\f\v"


@pytest.mark.parametrize("pattern,flags,expected", FIRST_CHARS)
def test_lexicon_first_characters_of_a_pattern(pattern, flags, expected):
    got = lexicon.first_chars(pattern, flags)
    if expected is None:
        assert got is None
        return
    cls = re.compile(f"[{got}]")
    assert {c for c in ALPHABET if cls.fullmatch(c)} == set(expected)


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicon_look_ahead_changes_no_match(name, gold_root):
    """The first-character look-ahead of ``combined`` only skips positions:
    on real news the matches are those of the plain alternation."""
    import json

    with open(gold_root / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        text = "\n".join(json.loads(line)["text"] for line in f if line.strip())
    for case_sensitive in (False, True):
        flags = 0 if case_sensitive else re.IGNORECASE
        parts = [f"(?P<e{i}>{e.pattern})" for i, e in enumerate(lexicon.entries(name, case_sensitive=case_sensitive))]
        plain = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", flags)
        fast = lexicon.combined(name, case_sensitive=case_sensitive)
        assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == \
            [(m.span(), m.lastgroup) for m in plain.finditer(text)]


FAST_MODULES = ("context", "numbers", "mentions", "when", "places", "pairing", "figures")


def test_compile_fast_patterns_match_like_the_plain_ones(gold_root):
    """Every module-level regex built by ``compile_fast`` finds what the
    plain pattern finds, over real news."""
    import importlib
    import json

    with open(gold_root / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        text = "\n".join(json.loads(line)["text"] for line in f if line.strip())
    checked = 0
    for name in FAST_MODULES:
        module = importlib.import_module(f"wartally.extract.{name}")
        for attr, rx in vars(module).items():
            if isinstance(rx, lexicon.Lowered):  # searched over the lower-cased text: the same matches still
                assert rx._low is not None, attr
            elif not isinstance(rx, re.Pattern):
                continue
            if not rx.pattern.startswith("(?=["):
                continue
            inner = rx.pattern[rx.pattern.index("])(?:") + len("])(?:"):-1]
            plain = re.compile(inner, rx.flags)
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], attr
            checked += 1
    assert checked >= 10


LOWER_PATTERN = [
    (r"Killed|DEAD", "killed|dead"),
    (r"\bSOHR\b\s+\W", r"\bsohr\b\s+\W"),  # escapes kept
    (r"(?P<Org>UN)(?P=Org)", r"(?P<Org>un)(?P=Org)"),  # group names kept
    (r"[A-Z][a-z]+", r"[A-Za-z][a-z]+"),  # classes widened, not narrowed
    (r"[^A-Z]", r"[^A-Za-z]"),
    (r"[\]A-C]", r"[\]A-C\]a-c]"),  # an escaped bracket inside a class
    (r"[a-z]", r"[a-z]"),  # nothing to widen
    (r"[\x41]", None),
    (r"(?-i:IS)\s+fighters", r"(?-i:is)\s+fighters"),
    (r"\x41", None),  # numeric escapes: left alone
    (r"\N{LATIN SMALL LETTER A}", None),
    (r"(?L)a", None),
    ("ſ", None),  # odd case characters: left alone
]


@pytest.mark.parametrize("pattern,expected", LOWER_PATTERN)
def test_lexicon_lower_pattern(pattern, expected):
    assert lexicon._lower_pattern(pattern) == expected


LOWERED_TEXTS = [
    ("(?<![\\w-])(?:killed|dead)(?![\\w])", "Ten were KILLED, five Dead; overkilled killed-ish Killed"),
    ("(?<![\\w-])(?:(?-i:IS)|Daesh)(?![\\w])", "this IS is Is DAESH daesh"),
    ("(?<![\\w-])(?:sources?)(?![\\w])", "ſources and Sources"),  # long s: plain search
    ("(?<![\\w-])(?:istanbul)(?![\\w])", "İstanbul and Istanbul"),  # İ lowers to two characters
    ("(?<![\\w-])(?:kill)(?![\\w])", "\u212aill (Kelvin sign) and Kill"),
    ("(?<![\\w-])(?:a)(?![\\w])", ""),
]


@pytest.mark.parametrize("pattern,text", LOWERED_TEXTS)
def test_lexicon_lowered_search_returns_the_plain_matches(pattern, text):
    plain = re.compile(pattern, re.IGNORECASE)
    fast = lexicon.Lowered(plain)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text) + 1):
        got, want = fast.search(text, pos), plain.search(text, pos)
        assert (got and got.span()) == (want and want.span())
    # every position where a match begins
    assert fast.starts(text) == sorted({m.start() for p in range(len(text) + 1) if (m := plain.search(text, p))})


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_lexicon_scan_each_finds_what_each_entry_finds(name, gold_root):
    """``scan_each`` gives what running every entry's regex alone gives
    (overlaps between entries included), sentence by sentence of real news."""
    import json

    from wartally.extract.sentences import split_sentences

    with open(gold_root / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    assert lexicon.combined(name)._low is not None  # the lower-cased search is in use
    found = 0
    for text in texts[:150]:
        for sent in split_sentences(text):
            want = [(m.start(), m.end(), e.id) for e in lexicon.entries(name) for m in e.regex.finditer(sent.text)]
            got = [(s, e, ent.id) for s, e, ent in lexicon.scan_each(name, sent.text)]
            assert got == want, sent.text
            found += len(got)
    assert found > 0 or name in ("metonyms",)


def test_lexicon_scan_each_keeps_overlapping_entries():
    # "IS militants" is both the ISIS entry and the generic "militants" (opposition) entry: both are kept
    got = {(s, e, ent.id) for s, e, ent in lexicon.scan_each("actors", "IS militants attacked the town")}
    assert {ent for _, _, ent in got} == {"isis", "opposition"}
    assert lexicon.scan_each("actors", "nothing to see here") == []


@pytest.mark.parametrize("name", ["sources", "actors", "weapons", "outcomes"])
def test_lexicon_scan_without_some_entries_matches_the_smaller_alternation(name, gold_root):
    """``scan(..., without=ids)`` searches with the remaining entries'
    alternation (``combined(..., without=ids)``, over the lower-cased text):
    over real texts from Syria and elsewhere (FA-KES, Wikipedia's incident
    lists, shipped in any clone) it gives what a plain alternation of the
    remaining entries alone gives."""
    import json

    from wartally.extract.context import sources_not_in
    from wartally.extract.sentences import split_sentences

    texts = []
    for corpus in ("wiki-incidents", "fakes-dev"):
        with open(gold_root / "corpus" / f"{corpus}.jsonl", encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    sents = [s.text for t in texts for s in split_sentences(t)]
    ids = [e.id for e in lexicon.entries(name)]
    left_out = [frozenset(ids[::2]), frozenset(ids[1::3]), frozenset(ids[:5])]
    if name == "sources":
        left_out += [sources_not_in(c) for c in ("SY", "UA", "NG", "SD", "PS", "ML")]
    differs = 0
    for without in left_out:
        kept = [(i, e) for i, e in enumerate(lexicon.entries(name)) if e.id not in without]
        smaller = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<e{i}>{e.pattern})" for i, e in kept) + r")(?![\w])",
                             re.IGNORECASE)
        for sent in sents:
            want = [(m.start(), m.end(), m.lastgroup) for m in smaller.finditer(sent)]
            got = [(s, e, f"e{ids.index(ent.id)}") for s, e, ent in lexicon.scan(name, sent, without=without)]
            assert got == want, (sorted(without), sent)
            differs += got != [(s, e, f"e{ids.index(ent.id)}") for s, e, ent in lexicon.scan(name, sent)]
    assert differs > 0  # leaving entries out changed what was found somewhere


UNFOLDED = [
    (r"(?:a|b)c", ["ac", "bc"]),
    (r"(?:local\s+)?activists", [r"local\s+activists", "activists"]),
    (r"(?-i:AP)|x", [r"(?-i:AP)|x"]),  # one alternative at a time: see alternatives
    (r"(?-i:AP)", ["AP"]),
    (r"(?:(?:the|a)\s+)?UN", [r"the\s+UN", r"a\s+UN", "UN"]),
    (r"(?:x)*y", [r"(?:x)*y"]),  # repeated: left as it is
    (r"(?:x)??y", [r"(?:x)??y"]),
    (r"(?i:x)y", [r"(?i:x)y"]),
    (r"[(]x", [r"[(]x"]),
]


@pytest.mark.parametrize("alternative,expected", UNFOLDED)
def test_lexicon_unfolded_alternatives(alternative, expected):
    assert lexicon._unfolded(alternative) == expected


@pytest.mark.parametrize("pattern,expected", [
    (r"a|b(?:c|d)", ["a", "b(?:c|d)"]),
    (r"[|(]x|\|y|[]|]z", [r"[|(]x", r"\|y", r"[]|]z"]),
    (r"(?:a|b)", [r"(?:a|b)"]),
])
def test_lexicon_top_level_alternatives(pattern, expected):
    assert lexicon.alternatives(pattern) == expected


@pytest.mark.parametrize("alternatives,expected", [
    (["kill", "killed", "dead"], "k(?:i(?:ll|lled))|dead"),
    (["Killed", "kill", "KIA"], "k(?:i(?:lled|ll|A))"),  # case aside: searched over lower-cased text
    (["an?\\s+official", "a\\s+monitor", "a?b", "\\bx", "(?:y)+"], "a(?:n?\\s+official|\\s+monitor)|a?b|\\bx|(?:y)+"),
    (["a", "ab"], "a(?:b|)"),
])
def test_lexicon_alternatives_by_first_characters(alternatives, expected):
    assert lexicon._by_first_characters(alternatives) == expected
    text = "kill killed dead KIA an official a monitor b ab x yy"
    plain = re.compile("|".join(f"(?:{a})" for a in alternatives), re.I)
    grouped = re.compile(lexicon._lower_pattern(expected) or expected)
    assert [m.start() for m in grouped.finditer(text.lower())] == [m.start() for m in plain.finditer(text)]


def test_lexicon_without_groups():
    assert lexicon._without_groups(r"(?P<a>x)(y)[(](?:z)\(w") == r"(?:x)(?:y)[(](?:z)\(w"
    assert lexicon._without_groups(r"(?P<a>x)(?P=a)") == r"(?P<a>x)(?P=a)"  # referred to: kept


def test_date_patterns_match_like_the_plain_ones(gold_root):
    """The date rules run as ``Lowered(compile_fast(...))``: over real news
    each finds what its plain pattern finds, with the same groups."""
    import json

    from wartally.extract.when import _PATTERNS

    with open(gold_root / "corpus" / "fakes-dev.jsonl", encoding="utf-8") as f:
        text = "\n".join(json.loads(line)["text"] for line in f if line.strip())
    for rule, fast in _PATTERNS:
        assert isinstance(fast, lexicon.Lowered) and fast._low is not None, rule
        inner = fast.pattern[fast.pattern.index("])(?:") + len("])(?:"):-1]
        plain = re.compile(inner, fast.regex.flags)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)], rule
