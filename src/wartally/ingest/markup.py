"""HTML fragments (feed entry content and summaries) to plain text: block
elements become paragraphs, scripts and styles are dropped, entities are
decoded."""
from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure figcaption dd dt hr".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one blank line between blocks."""
    if "<" not in fragment and "&" not in fragment:
        text = fragment
    else:
        collector = _TextCollector()
        collector.feed(fragment)
        collector.close()
        text = "".join(collector.parts)
    blocks = (" ".join(block.split()) for block in text.split("\n\n"))
    return "\n\n".join(b for b in blocks if b)
