"""The same story under several URLs: identical text (same content hash) or
nearly so (a wire story with another headline, byline or footer).

Near-duplicates are found with a bottom-k sketch of the text's word
5-shingles: the ``K`` smallest shingle hashes.  Two sketches estimate the
Jaccard similarity of the shingle sets (Broder 1997); at ``THRESHOLD`` or
above, the later article is a copy of the earlier one: its URL and outlet
are recorded against the first document, and its figures are not stored a
second time.
"""
from __future__ import annotations

import hashlib
import re

K = 128
SHINGLE = 5
THRESHOLD = 0.8
MIN_SHINGLES = 20  # shorter texts are compared by their content hash only

_WORD = re.compile(r"\w+")


def sketch(text: str) -> tuple[int, ...]:
    """The ``K`` smallest 63-bit hashes of the text's word 5-shingles
    (empty for texts too short to judge)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE + MIN_SHINGLES:
        return ()
    hashes = {
        int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode(), digest_size=8).digest(), "big") >> 1
        for i in range(len(words) - SHINGLE + 1)
    }
    return tuple(sorted(hashes)[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two sketches."""
    if not a or not b:
        return 0.0
    union_bottom = sorted(set(a) | set(b))[:K]
    both = set(a) & set(b)
    return sum(1 for h in union_bottom if h in both) / len(union_bottom)


class Seen:
    """Documents stored so far, by content hash and by sketch."""

    def __init__(self, hashes: dict[str, str], sketches: dict[str, tuple[int, ...]]):
        self.by_hash = {h: doc_id for doc_id, h in hashes.items()}
        self.sketches = dict(sketches)

    def original_of(self, doc_id: str, content_hash: str, sk: tuple[int, ...]) -> str | None:
        """The id of an earlier document with the same or nearly the same
        text (never ``doc_id`` itself), or None."""
        first = self.by_hash.get(content_hash)
        if first is not None and first != doc_id:
            return first
        if not sk:
            return None
        best, score = None, THRESHOLD
        for other, osk in self.sketches.items():
            if other == doc_id:
                continue
            s = similarity(sk, osk)
            if s >= score:
                best, score = other, s
        return best

    def add(self, doc_id: str, content_hash: str, sk: tuple[int, ...]) -> None:
        self.by_hash.setdefault(content_hash, doc_id)
        if sk:
            self.sketches[doc_id] = sk
