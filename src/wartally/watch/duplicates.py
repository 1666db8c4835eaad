"""The same story under several URLs: identical text (same content hash) or
nearly so (a wire story with another headline, byline or footer).

Near-duplicates are found with a bottom-k sketch of the text's word
5-shingles: the ``K`` smallest shingle hashes.  Two sketches estimate the
Jaccard similarity of the shingle sets (Broder 1997).  At ``THRESHOLD`` or
above, and when every figure of the later article (outcome, number,
victims) is already among the earlier one's, the later article is a copy:
its URL and outlet are recorded against the first document and its figures
are not stored a second time.  The figure test keeps what similarity alone
would lose: a page that carries one story and the start of another (FA-KES
has such scrapes at 0.8), or an update with a new toll.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

K = 128
SHINGLE = 5
THRESHOLD = 0.6
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


Signature = frozenset  # of (outcome, n, victims)


def signature(figures: Iterable) -> Signature:
    """What a document's figures say, without where in the text they are."""
    return frozenset((str(f.outcome), int(f.n), str(f.victims)) for f in figures)


class Seen:
    """Documents stored so far, by content hash and by sketch; an inverted
    index of sketch hashes keeps the near-duplicate search to the documents
    that share a good part of the sketch.  ``figures_of(doc_id)`` gives a
    stored document's figure signature (asked only for close candidates)."""

    def __init__(self, hashes: dict[str, str], sketches: dict[str, tuple[int, ...]],
                 figures_of: Callable[[str], Signature] = lambda doc_id: frozenset()):
        self.by_hash = {h: doc_id for doc_id, h in hashes.items()}
        self.sketches: dict[str, tuple[int, ...]] = {}
        self.figures: dict[str, Signature] = {}
        self.figures_of = figures_of
        self._index: dict[int, list[str]] = {}
        for doc_id, sk in sketches.items():
            self._add_sketch(doc_id, sk)

    def original_of(self, doc_id: str, content_hash: str, sk: tuple[int, ...],
                    figures: Signature = frozenset()) -> str | None:
        """The id of an earlier document with the same text, or with nearly
        the same text and every one of ``figures``; never ``doc_id`` itself."""
        first = self.by_hash.get(content_hash)
        if first is not None and first != doc_id:
            return first
        if not sk:
            return None
        shared: dict[str, int] = {}
        for h in sk:
            for other in self._index.get(h, ()):
                shared[other] = shared.get(other, 0) + 1
        # a pair at the threshold shares at least about THRESHOLD/2 of the smaller sketch
        need = int(THRESHOLD / 2 * min(len(sk), K))
        best, score = None, THRESHOLD
        for other, n in shared.items():
            if other == doc_id or n < need:
                continue
            s = similarity(sk, self.sketches[other])
            if s >= score and figures <= self._figures(other):
                best, score = other, s
        return best

    def add(self, doc_id: str, content_hash: str, sk: tuple[int, ...], figures: Signature = frozenset()) -> None:
        self.by_hash.setdefault(content_hash, doc_id)
        self.figures.setdefault(doc_id, figures)
        self._add_sketch(doc_id, sk)

    def _figures(self, doc_id: str) -> Signature:
        if doc_id not in self.figures:
            self.figures[doc_id] = self.figures_of(doc_id)
        return self.figures[doc_id]

    def _add_sketch(self, doc_id: str, sk: tuple[int, ...]) -> None:
        if not sk or doc_id in self.sketches:
            return
        self.sketches[doc_id] = sk
        for h in sk:
            self._index.setdefault(h, []).append(doc_id)
