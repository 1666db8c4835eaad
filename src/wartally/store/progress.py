"""A progress line on stderr: documents/s, figures found, errors.

On a terminal it redraws one line; elsewhere (logs, pipes) it prints a line
when a batch is committed, at most one every few seconds, so logs stay short.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, *, stream: TextIO | None = None, enabled: bool = True, every: float = 0.2,
                 log_every: float = 5.0):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every if self.tty else log_every
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False
        self.docs = self.figures = self.errors = self.written = self.skipped = 0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def rate(self) -> float:
        return self.docs / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        return (f"{self.docs} documents ({self.rate():.1f}/s), {self.figures} figures, "
                f"{self.errors} errors, {self.written} written, {self.skipped} unchanged")

    def update(self, *, committed: bool = False, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.every and (self.tty or not committed or self._shown):
            return
        self._last = now
        if self.tty:
            self.stream.write("\r\x1b[2K" + self.line())
        elif committed or force:
            self.stream.write(f"ingest: {self.line()}\n")
        else:
            return
        self._shown = True
        self.stream.flush()

    def say(self, text: str) -> None:
        """A message on its own line (a problem), without breaking the bar."""
        if self.tty and self._shown:
            self.stream.write("\r\x1b[2K")
        self.stream.write(text.rstrip("\n") + "\n")
        if self.tty and self._shown:
            self.stream.write(self.line())
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty and self._shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
