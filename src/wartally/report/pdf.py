"""Print an HTML file to PDF with headless Chromium (Debian's ``chromium``)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from wartally.errors import WartallyError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


class ReportError(WartallyError):
    code = "report"


def find_browser() -> str | None:
    env = os.environ.get("WARTALLY_CHROMIUM")
    if env:
        return env
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_command(browser: str, *args: str, profile: str) -> list[str]:
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}", *args]


def print_pdf(html_path: str | os.PathLike[str], pdf_path: str | os.PathLike[str], *, timeout: float = 120) -> Path:
    """Render ``html_path`` to ``pdf_path``; raises ReportError with the reason."""
    browser = find_browser()
    if browser is None:
        raise ReportError("no chromium found to print the PDF (apt-get install chromium)", where=str(pdf_path))
    src = Path(html_path).resolve()
    out = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="wartally-chromium-") as profile:
        cmd = browser_command(browser, f"--print-to-pdf={out}", "--no-pdf-header-footer", src.as_uri(),
                              profile=profile)
        try:
            got = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ReportError(f"chromium took more than {timeout:.0f} s", where=str(pdf_path)) from None
    if not out.exists() or out.stat().st_size == 0:
        tail = (got.stderr or "").strip().splitlines()[-3:]
        raise ReportError("chromium wrote no PDF: " + " | ".join(tail), where=str(pdf_path))
    return out


def screenshot(html_path: str | os.PathLike[str], png_path: str | os.PathLike[str], *, width: int = 1200,
               height: int = 2400, timeout: float = 120) -> Path:
    """A PNG of the page as headless Chromium shows it."""
    browser = find_browser()
    if browser is None:
        raise ReportError("no chromium found", where=str(png_path))
    out = Path(png_path).resolve()
    with tempfile.TemporaryDirectory(prefix="wartally-chromium-") as profile:
        cmd = browser_command(browser, f"--screenshot={out}", f"--window-size={width},{height}",
                              "--hide-scrollbars", Path(html_path).resolve().as_uri(), profile=profile)
        got = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if not out.exists():
        raise ReportError("chromium wrote no screenshot: " + (got.stderr or "")[-300:], where=str(png_path))
    return out
