"""Paragraphs and sentences with character offsets.

News text here comes in two shapes: lines with blank lines between
paragraphs (saved pages), and one long run of text whose punctuation was
partly stripped (FA-KES).  Sentences end at . ! ? followed by space and a
capital, quote or digit, and at line breaks; abbreviations and initials do
not end a sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wartally.data.tables import dotted_titles, months
from wartally.extract import regexes

_ABBREV = {
    "st", "jr", "sr",
    *(form.lower() for form in months().short_forms),  # "jan", ..., "sept", "sep", ..., "dec"
    "no", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "est",
    *dotted_titles(),  # "Mr.", "Dr.", "Gen.", "Brig.", "Cmdr.", "Gov.": the titles of data/geo/not_where.json
}
# a dotted short form that also ends sentences ("... according to the U.N. The Syrian Center ..."): it ends one
# when a word that opens sentences follows (not "the U.N. Security Council", "U.S. officials")
_ENDS_SENTENCES_TOO = {"u.s", "u.n", "u.k", "etc", "inc", "ltd", "co", "corp"}
_OPENS_A_SENTENCE = regexes.compile(r"\s+[\"'“‘(]?(?:The|A|An|In|On|At|But|And|He|She|It|They|We|This|That|These|Those|There|"
                                    r"However|Meanwhile|After|Earlier|Later|According)\b")
_LAST_WORD = regexes.compile(r"([\w.]+)[.!?]+[\"'”’)\]]*$")
# (each alternative starts with one character, not a repeat, so that the
# engine can skip to the next ". ! ? newline (" without trying each position)
_END = regexes.compile(
    r"""[.!?][.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\n*|\((?:[A-Z][\w.]*\s+){0,3}(?:Photo|Photograph|File|AFP|Reuters|AP)\)(?=\s+[A-Z0-9])"""
)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, stripped of surrounding whitespace."""
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for m in _END.finditer(text):
        if m.group(0).startswith("\n"):
            end = m.start()
        else:
            end = m.end()
            # (a full stop only: "!" and "?" end a sentence after any word)
            word = _LAST_WORD.search(text, max(pos, end - 40), end) if m.group(0).startswith(".") else None
            if word:
                w = word.group(1).lower().rstrip(".")
                if (w in _ABBREV and not (w in _ENDS_SENTENCES_TOO and _OPENS_A_SENTENCE.match(text, end))) \
                        or (len(w) == 1 and w.isalpha()):
                    continue
        _add(out, text, pos, end, paragraph)
        if m.group(0).startswith("\n"):
            # a line break: saved pages put one paragraph a line
            paragraph += 1
        pos = m.end()
    _add(out, text, pos, len(text), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    seg = text[start:end]
    lstrip = len(seg) - len(seg.lstrip())
    rstrip = len(seg) - len(seg.rstrip())
    s, e = start + lstrip, end - rstrip
    if e > s:
        out.append(Sentence(len(out), paragraph, s, e, text[s:e]))
