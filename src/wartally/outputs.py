"""Output files of the commands: checked before any work is done, so that a
wrong ``-o`` is a one-line usage error and not a traceback after minutes of
work; and created only once there is something to write, so that a run
that read nothing leaves no empty file behind."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from wartally.errors import UsageError


def check_output(path: str | os.PathLike[str], option: str = "-o") -> Path:
    """``path`` as a Path, or ``UsageError`` when a file cannot be written
    there: its folder does not exist, it is a folder, or it is not
    writable."""
    out = Path(path)
    if out.is_dir():
        raise UsageError(f"{option} {out}: is a folder; give a file name inside it")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{option} {out}: the folder {folder} does not exist")
    if out.exists() and not os.access(out, os.W_OK) or not out.exists() and not os.access(folder, os.W_OK):
        raise UsageError(f"{option} {out}: not writable (permission denied)")
    return out


class LazyOutput:
    """A text file opened when first written to (or ``touch``ed), else
    never created; stdout when ``path`` is None."""

    def __init__(self, path: str | os.PathLike[str] | None, option: str = "-o"):
        self.path = check_output(path, option) if path else None
        self._file: TextIO | None = None if path else sys.stdout

    def touch(self) -> TextIO:
        if self._file is None:
            self._file = open(self.path, "w", encoding="utf-8", newline="")
        return self._file

    def write(self, text: str) -> int:
        return self.touch().write(text)

    def close(self) -> None:
        if self._file is not None and self._file is not sys.stdout:
            self._file.close()

    def __enter__(self) -> "LazyOutput":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
