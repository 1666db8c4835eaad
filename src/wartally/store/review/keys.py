"""What a correction is about, kept so that it survives re-ingest.

A figure is keyed by its document id, the character span of its number, the
number's text and the sentence around it (not by its id, which changes with
the text's hash).  When the document's text changes, the key is found again
by its sentence; when the sentence is gone, the key does not resolve and
the correction is listed for a second look.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from wartally.records import stable_id

CONTEXT = 25  # characters each side of a number that find it again in an edited sentence


@dataclass(frozen=True, slots=True)
class FigureKey:
    doc_id: str
    start: int  # the number's span in the document text
    end: int
    text: str  # the number as written
    sentence: str  # the sentence it sits in, to find it again in an edited text
    sentence_start: int
    outcome: str  # the outcome the figure had when the correction was made

    @classmethod
    def of_row(cls, row: dict[str, Any], doc_text: str) -> "FigureKey":
        """The key of a stored figure row (``figures`` columns)."""
        s, e = int(row["number_start"]), int(row["number_end"])
        ss, se = int(row["sentence_start"]), int(row["sentence_end"])
        return cls(str(row["doc_id"]), s, e, doc_text[s:e], doc_text[ss:se], ss, str(row["outcome"]))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "FigureKey":
        return cls(**{k: d[k] for k in cls.__dataclass_fields__})

    @property
    def id(self) -> str:
        """The target id: corrections of one figure share it."""
        return stable_id("figure-key", self.doc_id, self.start, self.end, self.text)

    def locate(self, text: str) -> tuple[int, int] | None:
        """The number's span in ``text`` (the document's current text), or
        None when it cannot be found again."""
        if text[self.start:self.end] == self.text:
            return self.start, self.end
        if not self.sentence:
            return None
        offset = self.start - self.sentence_start
        hits = _occurrences(text, self.sentence)
        if not hits:  # the sentence was edited: the words right around the number may still be there
            left = self.sentence[max(0, offset - CONTEXT):offset]
            around = left + self.sentence[offset:offset + len(self.text) + CONTEXT]
            near = _occurrences(text, around) if len(around) > len(self.text) + CONTEXT else []
            if len(near) != 1:
                return None
            return near[0] + len(left), near[0] + len(left) + len(self.text)
        best = min(hits, key=lambda h: abs(h - self.sentence_start))  # nearest to where it was
        s = best + offset
        if text[s:s + len(self.text)] != self.text:
            return None
        return s, s + len(self.text)


def _occurrences(text: str, part: str) -> list[int]:
    out, at = [], text.find(part)
    while at >= 0:
        out.append(at)
        at = text.find(part, at + 1)
    return out


def keys_id(keys: list[FigureKey]) -> str:
    """A target id for a group of figures (an event by its figures)."""
    return stable_id("figures", *sorted(k.id for k in keys))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
