"""Bytes to text, with a clear reason when that is not possible: empty
files, binary files, UTF-16 and other non-UTF-8 encodings, files over the
size limit.  Readers call these and turn the reason into a ``Problem``."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

#: Largest single HTML, text or feed file read whole (bytes).  JSONL and WARC
#: files are streamed and may be any size; their lines and records are held
#: to the same limit.
MAX_BYTES = 20 * 1024 * 1024

_SNIFF = 8192
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Unreadable(ValueError):
    """Raised by these helpers with a reason fit for a one-line report;
    ``code`` is the stable problem code."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def megabytes(n: int) -> str:
    """A size for messages: "200.0 MB", "4.0 KB"."""
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The whole file, or ``Unreadable`` if it is empty or over ``limit``."""
    size = path.stat().st_size
    if size == 0:
        raise Unreadable("empty", "empty file")
    if size > limit:
        raise Unreadable(
            "too-large",
            f"file is {megabytes(size)}, over the {megabytes(limit)} limit for one document"
            " (split it, or give it as JSONL, which is streamed)",
        )
    with open(path, "rb") as f:
        return f.read(limit + 1)


def check_binary(data: bytes) -> None:
    """``Unreadable`` if the bytes are UTF-16/32 or not text at all."""
    head = data[:_SNIFF]
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if head.startswith(bom):
            raise Unreadable("encoding", f"text is {name} (byte-order mark found); save it as UTF-8")
    nul = head.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(head):
            raise Unreadable("encoding", "text looks like UTF-16 without a byte-order mark; save it as UTF-8")
        raise Unreadable("binary", f"binary data, not text (NUL byte at offset {nul})")


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 text without a byte-order mark: one byte of most two-byte
    units is zero (Latin-script text), and no unit is all zero (text holds
    no NUL character; programs and images hold many)."""
    if len(head) < 4:
        return False
    units = len(head) // 2
    even, odd = head[0:units * 2:2], head[1:units * 2:2]
    if not (odd.count(0) > 0.4 * units or even.count(0) > 0.4 * units):
        return False
    return not any(a == 0 and b == 0 for a, b in zip(even, odd))


def decode_utf8(data: bytes) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is dropped), or ``Unreadable``
    naming the line and offset of the first byte that is not UTF-8."""
    check_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        hint = " (Latin-1 or Windows-1252?)" if 0x80 <= byte <= 0xFF else ""
        raise Unreadable(
            "encoding",
            f"not UTF-8: byte 0x{byte:02X} at offset {exc.start} (line {line}){hint}; save it as UTF-8",
        ) from None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """HTML text: UTF-8 when the bytes are valid UTF-8 (pages mislabelled
    as Latin-1 are common, the reverse is not), else in ``charset`` (from an
    HTTP header) or the charset its ``<meta>`` declares."""
    check_binary(data)
    try:
        return decode_utf8(data)
    except Unreadable:
        pass
    m = _CHARSET.search(data[:4096])
    name = charset or (m.group(1).decode("ascii", "replace") if m else None)
    if name:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                said = "its HTTP header" if charset else "its <meta charset>"
                raise Unreadable("encoding", f"not {name} as {said} says: byte at offset {exc.start}") from None
    return decode_utf8(data)
