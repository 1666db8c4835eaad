"""Saved HTML pages: main text, title, date and site name through
trafilatura.  Pages whose closing ``</html>`` is missing are reported as
truncated rather than read in part."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from wartally.errors import Problem
from wartally.ingest.cleanup import clean_text
from wartally.ingest.decoding import Unreadable, decode_html, read_bytes
from wartally.records import Document

_OPEN = re.compile(r"<html[\s>]", re.I)
_CLOSE = re.compile(r"</html\s*>", re.I)


@lru_cache(maxsize=1)
def _config():
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"  # no signals: engines run this in threads
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "100"
    return config


def truncation(html: str) -> str | None:
    """Why ``html`` looks cut short, or None."""
    if _OPEN.search(html[:4096]) and not _CLOSE.search(html[-4096:]):
        return "truncated HTML: the page has <html> but no closing </html>"
    return None


#: Elements whose content is never article text: code, styling, markup kept
#: for later use by scripts, and what a browser without scripts would show.
NON_CONTENT = ("script", "style", "template", "noscript")


def content_tree(html: str):
    """The page parsed (lxml, as trafilatura parses it) with every
    ``NON_CONTENT`` element removed, content and all, before any text is
    taken from it (the text after such an element stays); None when
    nothing could be parsed."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    for element in list(tree.iter(*NON_CONTENT)):
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        if tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
    return tree


def paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text, cleaned while teaser
    headlines still sit right above their "Read More" line, then with a
    blank line between blocks."""
    lines = [line for line in clean_text(text, blocks=True).split("\n") if line.strip()]
    return "\n\n".join(lines)


def html_to_document(
    html: str, *, doc_id: str | None, where: str, url: str | None = None,
    published: dt.date | None = None,
) -> Document | Problem:
    """The article in ``html`` as a Document (id ``doc_id``, else the page's
    URL, else ``where``), or the reason there is none."""
    reason = truncation(html)
    if reason:
        return Problem(where, "truncated", reason)
    import trafilatura

    tree = content_tree(html)
    if tree is None:
        return Problem(where, "no-text", "no HTML document could be parsed from the page")
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, config=_config(),
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        return Problem(where, "no-text", "no article text found in the HTML page")
    date = None
    if getattr(result, "date", None):
        try:
            date = dt.date.fromisoformat(str(result.date)[:10])
        except ValueError:
            date = None
    page_url = url or getattr(result, "url", None) or None
    title = (getattr(result, "title", None) or "").strip() or None
    body = paragraphs(text)
    if title and not body.startswith(title):  # the headline leads, as in the text files
        body = f"{title}\n\n{body}"
    return Document.make(
        doc_id or page_url or where,
        body,
        title=title,
        published=date or published,
        outlet=getattr(result, "sitename", None) or None,
        url=page_url,
        origin=where,
    )


def read_html_file(path: Path, *, published: dt.date | None = None) -> Document | Problem:
    """One saved page; the document id is the file name."""
    where = str(path)
    try:
        html = decode_html(read_bytes(path))
    except Unreadable as exc:
        return Problem(where, exc.code, exc.reason)
    return html_to_document(html, doc_id=path.name, where=where, published=published)
