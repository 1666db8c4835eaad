#!/usr/bin/env python3
"""Set up the project's .venv and run the demo or the test suite.

    python3 scripts/dev.py demo   # set up, then run the main job on examples/
    python3 scripts/dev.py test   # set up, then run the whole test suite

Set-up creates .venv in the repository root, installs the Debian packages the
tests and reports need when they are missing and we are root (chromium,
poppler-utils, a Java runtime), and installs wartally with all extras from
PyPI.  It is skipped when nothing changed since the last run.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"
STAMP = VENV / ".wartally-installed"
APT = {"chromium": "chromium", "pdftoppm": "poppler-utils", "java": "default-jre-headless"}


def run(cmd: list[str], **kw) -> int:
    print("+", " ".join(cmd), flush=True)
    return subprocess.call(cmd, **kw)


def apt_packages() -> None:
    missing = [pkg for tool, pkg in APT.items() if shutil.which(tool) is None]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(f"note: missing {', '.join(missing)}; browser/PDF/Spark tests will be skipped", file=sys.stderr)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def setup() -> None:
    if not PY.exists():
        if run([sys.executable, "-m", "venv", str(VENV)]) != 0:
            sys.exit("could not create .venv")
    apt_packages()
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    # bytecode for the editable install, as pip writes it for a normal one: with
    # PYTHONDONTWRITEBYTECODE set, every changed module would be recompiled at each start
    run([str(PY), "-m", "compileall", "-q", str(ROOT / "src")])
    if STAMP.exists() and STAMP.read_text() == key:
        return
    pip = [str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if run([*pip, "-e", f"{ROOT}[all]"]) != 0:
        sys.exit("pip install failed")
    STAMP.write_text(key)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "demo"
    setup()
    if what == "setup":
        return 0
    if what == "demo":
        return run([str(VENV / "bin" / "wartally"), "demo", *argv[1:]], cwd=ROOT)
    if what == "test":
        rc = run([str(PY), "-m", "pytest", "-q", *argv[1:]], cwd=ROOT)
        if rc == 5:
            print("pytest collected no tests: failing", file=sys.stderr)
            return 1
        return rc
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
