"""Boilerplate cleanup, line by line on five news pages: five FA-KES
articles of the sample (the ``articles`` fixture) in the site chrome that
the seed pages of ../shared carry (Middle East Eye's skip link, newsletter
box, teasers and footer; Diyaruna's section labels and comment form; Al
Jazeera's comment form; one page with none)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wartally.ingest import clean_text
from wartally.ingest.cleanup import boilerplate_lines, parse_patterns

MEE_FOOTER = ("Middle East Eye delivers independent and unrivalled coverage and analysis of the Middle East, North "
              "Africa and beyond. To learn more about republishing this content and the associated fees, please fill "
              "out this form. More about MEE can be found here.")
# For each article: where chrome goes ("top": before the title; a number n:
# after the article's n-th paragraph and its blank line; "end": after the
# last paragraph) and its lines
CHROME = {
    "fakes-1926479310.txt": [
        ("top", ["Skip to main content", ""]),
        (6, ["Stay informed with MEE's newsletters", "",
             "Sign up to get the latest alerts, insights and analysis, starting with Turkey Unpacked", "", ""]),
        (14, ["'Panic and fear': Children among dead as Syrian jets bomb Ariha", "Read More »", ""]),
        ("end", ["", MEE_FOOTER]),
    ],
    "fakes-1923848195.txt": [
        ("top", ["Skip to main content", ""]),
        (6, ["Assad's forces destroy hospital as they step up attacks on Idlib", "Read More »", ""]),
        (14, ["Russia informs Turkey that Kurdish fighters have left Turkish border zone in Syria", "Read More »", ""]),
    ],
    "fakes-1924058092.txt": [],
    "fakes-1924058046.txt": [
        ("top", ["Iraq News", "Human Rights", ""]),
        ("end", ["", "Do you like this article?", "", "0 Comment(s)", "Comment Policy * Denotes Required Field 1500 / 1500"]),
    ],
    "fakes-1926479099.txt": [
        ("end", ["", "Add a Comment", "", "Your email address will not be published. Required fields are marked *"]),
    ],
}


def page(articles, name: str) -> tuple[str, dict[int, str]]:
    """The article ``name`` inside its chrome, and the 1-based numbers of
    the chrome's non-blank lines (what cleanup must remove) with their text."""
    body = (articles / "corpus" / "articles" / name).read_text("utf-8").rstrip("\n").split("\n")
    where = dict(CHROME[name])
    lines: list[str] = list(where.get("top", []))
    chrome = set(range(len(lines)))
    paragraph = 0
    for i, line in enumerate(body):
        lines.append(line)
        if i and line.strip():
            paragraph += 1
        if not line.strip() and paragraph in where and i + 1 < len(body):
            chrome |= set(range(len(lines), len(lines) + len(where[paragraph])))
            lines += where.pop(paragraph)
    chrome |= set(range(len(lines), len(lines) + len(where.get("end", []))))
    lines += where.get("end", [])
    return "\n".join(lines) + "\n", {i + 1: lines[i] for i in sorted(chrome) if lines[i].strip()}


def _fold(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def test_cleanup_pages_hold_their_chrome():
    """Every page but one has chrome, and all of it is placed."""
    assert sum(bool(c) for c in CHROME.values()) == 4


@pytest.mark.parametrize("name", sorted(CHROME))
def test_cleanup_removes_exactly_the_boilerplate_lines_of_each_page(articles, name):
    text, removed = page(articles, name)
    lines = text.split("\n")
    dropped = {i + 1 for i, _ in boilerplate_lines(text).items() if lines[i].strip()}
    assert dropped == set(removed)
    assert len(removed) == sum(1 for _, chrome in CHROME[name] for line in chrome if line)


@pytest.mark.parametrize("name", sorted(CHROME))
def test_cleanup_keeps_every_other_line_of_each_page_in_order(articles, name):
    text, removed = page(articles, name)
    kept = [_fold(line) for n, line in enumerate(text.split("\n"), 1)
            if line.strip() and n not in removed]
    cleaned = clean_text(text)
    assert [_fold(line) for line in cleaned.split("\n") if line.strip()] == kept
    cleaned_lines = {_fold(line) for line in cleaned.split("\n")}
    for number in removed:
        assert _fold(text.split("\n")[number - 1]) not in cleaned_lines


@pytest.mark.parametrize("name", sorted(CHROME))
def test_cleanup_keeps_paragraph_breaks_and_is_idempotent(articles, name):
    cleaned = clean_text(page(articles, name)[0])
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert all(line == line.rstrip() for line in cleaned.split("\n"))
    assert cleaned.count("\n\n") >= 10  # paragraphs stay apart
    assert clean_text(cleaned) == cleaned


def test_cleanup_drops_the_teaser_headline_not_the_article_claim(articles):
    cleaned = clean_text(page(articles, "fakes-1926479310.txt")[0])
    assert "Panic and fear" not in cleaned
    assert "Read More" not in cleaned
    assert "Stay informed" not in cleaned and "Middle East Eye delivers" not in cleaned
    # the article's own claim of children among the dead stays (the teaser's goes)
    assert "I am deeply concerned by reports that hundreds of people including children have been killed" in cleaned


def gold_quotes_lost(corpus: Path, gold: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many quotes ``gold`` holds, and those that ``clean_text`` of
    their article no longer holds (whitespace folded)."""
    with open(corpus, encoding="utf-8") as f:
        texts = {rec["id"]: rec["text"] for rec in map(json.loads, f)}
    quotes, lost = 0, []
    with open(gold, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            cleaned = _fold(clean_text(texts[rec["id"]]))
            for fig in rec["figures"]:
                quotes += 1
                if _fold(fig["quote"]) not in cleaned:
                    lost.append((rec["id"], fig["quote"]))
    return quotes, lost


def test_cleanup_keeps_every_gold_quote(gold_root):
    """FA-KES dev's gold quotes survive cleanup (the seed articles', web
    pages with their chrome: tests/test_seed_articles.py)."""
    quotes, lost = gold_quotes_lost(gold_root / "corpus" / "fakes-dev.jsonl", gold_root / "gold" / "fakes-dev.gold.jsonl")
    assert quotes >= 69
    assert not lost, lost


@pytest.mark.parametrize(
    "text, expected",
    [
        # a teaser in a line list: headline and link go, the paragraphs stay
        ("Ten killed in Idlib.\n\nForty killed in Kafr Nabudah\nRead more »\n\nThe toll rose.",
         "Ten killed in Idlib.\n\nThe toll rose."),
        # "Read More" right after a blank line takes no article line with it
        ("Ten killed in Idlib.\n\nRead More »\n\nThe toll rose.", "Ten killed in Idlib.\n\nThe toll rose."),
        # share buttons and related lists
        ("Share on Facebook\nShare on Twitter\nTen killed.\nRelated articles\nTweet | Email | Print",
         "Ten killed."),
        # section labels only at the top
        ("Human Rights\n\nTen killed.\n\nHuman Rights\n\nMore text here.",
         "Ten killed.\n\nHuman Rights\n\nMore text here."),
        # a comment form early in the text drops only its own line
        ("Add a Comment\n\nTen killed.\n\nMore.\n\nEven more.", "Ten killed.\n\nMore.\n\nEven more."),
        # CRLF, trailing spaces, runs of blank lines, no-break spaces
        ("Ten\u00a0killed.  \r\n\r\n\r\n\r\nMore.\r\n", "Ten killed.\n\nMore."),
        # article sentences that merely mention the words stay
        ("Activists urged people to share the news.\nHe said to read more was unsafe.",
         "Activists urged people to share the news.\nHe said to read more was unsafe."),
        ("", ""),
    ],
)
def test_cleanup_handles_each_kind_of_boilerplate(text, expected):
    assert clean_text(text) == expected


def test_cleanup_pattern_file_errors_name_the_line():
    with pytest.raises(ValueError, match=r"boilerplate.tsv:2: "):
        parse_patterns("line\tok\nline\t(unclosed\n")
    with pytest.raises(ValueError, match=r":1: .*KIND<TAB>PATTERN"):
        parse_patterns("no tab here\n")
    patterns = parse_patterns("# comment\n\nteaser\tread more\n")
    assert len(patterns) == 1 and patterns[0].line == 3
    assert patterns[0].regex.fullmatch("READ MORE") and isinstance(patterns[0].regex, re.Pattern)


@pytest.mark.parametrize("tsv,line,expected_line", [
    ("line\tread more\nline\tshare( this)?\n", "Share this", 2),  # the first pattern that matches wins
    ("line\tshare.*\nline\tshare this\n", "share this", 1),
    ("line\tread more\n", "read more of this", None),  # whole lines only
    # a group name used twice cannot be joined into one alternation: each pattern alone still works
    ("line\t(?P<w>read) more\nline\t(?P<w>share) this\n", "share this", 2),
])
def test_cleanup_pattern_matching_order(tsv, line, expected_line):
    from wartally.ingest.cleanup import _match

    got = _match(line, parse_patterns(tsv))
    assert (got.line if got else None) == expected_line


@pytest.mark.parametrize(
    "text, expected",
    [
        # a teaser whose headline and link share one line (as HTML extraction gives them)
        ("Ten killed.\n'Panic and fear': Children among dead as Syrian jets bomb Ariha Read More »\nMore.",
         "Ten killed.\nMore."),
        # zero-width characters go; no-break spaces become spaces
        ("Ten\u200b killed\u00a0in\ufeff Idlib.", "Ten killed in Idlib."),
    ],
)
def test_cleanup_handles_one_line_teasers_and_invisible_characters(text, expected):
    assert clean_text(text) == expected


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINES = st.sampled_from([
    "", "  ", "Skip to main content", "Read More »", "Share on Facebook", "Human Rights", "Add a Comment",
    "Ten civilians were killed in Ariha, the Observatory said.", "'Panic and fear': Children among dead",
    "Stay informed with MEE's newsletters", "The toll rose to 22.\u00a0", "0 Comment(s)", "More text here.",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=30))
def test_cleanup_properties_idempotent_and_never_invents_text(lines):
    text = "\n".join(lines)
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    source = {_fold(line) for line in lines}
    assert all(_fold(line) in source for line in cleaned.split("\n") if line)
    assert "\n\n\n" not in cleaned and cleaned == cleaned.strip()


@pytest.mark.parametrize(
    "line",
    [
        "Home to some three million people, Idlib is the last rebel bastion.",
        "News of the attack spread quickly through the camp.",
        "Human Rights Watch said cluster munitions were used.",
        "Comments from the ministry were not available.",
        "Share prices in Damascus fell after the strikes.",
        "Subscribers to the aid network reported 15 dead.",
        "Read more about the offensive in our explainer, the editor said.",
        "Copying the list, activists named 22 victims.",
        "Related deaths were reported in Hama.",
        "Follow-up strikes killed four rescuers.",
        "Advertising boards in the square were destroyed.",
        "The shelling killed two men and wounded five others, including two children.",
    ],
)
def test_cleanup_keeps_article_lines_that_resemble_boilerplate(line):
    text = f"Headline of the report\n\n{line}\n\nAnother paragraph.\n\nA last one.\n\nThe end."
    assert line in clean_text(text).split("\n")
