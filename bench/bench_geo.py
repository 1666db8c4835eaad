"""Geocoding benchmark: gazetteer load time, the cold start and resident
memory of ``wartally extract`` on one short document, toponyms resolved per
second, and admin1 / place accuracy on the figures of ../shared/gold.

    .venv/bin/python bench/bench_geo.py [--shared ../shared] [--json]

Gold figures are geocoded through ``geocode_figures`` as the extractor
would hand them over: ``place`` = the gold place as the text spells it;
``area`` = the first toponym of the figure's sentence when gold names no
place (else the article's main area is used).  admin1 is scored where gold
names one, place where gold names one (spellings that differ only in
transliteration match).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

LOAD_SNIPPET = (
    "import time; t=time.perf_counter(); from wartally.geo.gazetteer import load; g=load(); "
    "print(time.perf_counter()-t)"
)


def measure_load(runs: int = 3) -> float:
    """Best of ``runs`` fresh processes: seconds to import and load the index."""
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True,
                             cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")})
        best = min(best, float(out.stdout.strip()))
    return best


SHORT_DOC = ("Gunmen killed 37 villagers in Zamfara state on Sunday, police said. Separately, a Russian missile "
             "strike killed four people in the city of Kharkiv, regional governor Oleh Syniehubov said.")


def measure_cold_extract(runs: int = 3) -> tuple[float, float, float]:
    """Best of ``runs`` fresh ``wartally extract`` processes on one short
    document: (wall seconds, CPU seconds (user + system: what the wall time
    would be on an idle machine), peak resident memory in MB)."""
    import resource
    import tempfile

    exe = Path(sys.executable).parent / "wartally"
    best = best_cpu = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "short.txt"
        src.write_text(SHORT_DOC, encoding="utf-8")
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([str(exe), "extract", str(src), "-o", str(Path(tmp) / "out.jsonl")], check=True,
                           capture_output=True, cwd=ROOT)
            best = min(best, time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child: one extract
    return best, best_cpu, peak_kb / 1024


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_toponyms(shared: Path) -> list[tuple[str, list[str]]]:
    """(toponym, the other toponyms of its article) for every mention found
    in the corpora."""
    from wartally.geo import find_places

    out = []
    for name in ("seeds.jsonl", "fakes-dev.jsonl", "wiki-incidents.jsonl"):
        for d in read_jsonl(shared / "corpus" / name):
            found = [s for _, _, s in find_places(d["text"])]
            ctx = list(dict.fromkeys(found))[:20]
            out.extend((s, ctx) for s in found)
    return out


def measure_rate(items: list[tuple[str, list[str]]], *, cold: bool, distinct: bool = True) -> float:
    """Toponyms resolved per second (cold: caches cleared first; distinct:
    each name once)."""
    from wartally.geo import names, resolver

    if cold:
        resolver._candidates.cache_clear()
        resolver._context_admin1.cache_clear()
        resolver._votes.cache_clear()
        resolver._resolve.cache_clear()
        resolver.parse.cache_clear()
        names.fold.cache_clear()
        names.skeleton.cache_clear()
        names.distance.cache_clear()
        if distinct:
            seen = set()
            items = [it for it in items if not (it[0] in seen or seen.add(it[0]))]
    t = time.perf_counter()
    for name, ctx in items:
        resolver.resolve(name, context=ctx)
    return len(items) / (time.perf_counter() - t)


def sentence_of(text: str, quote: str) -> str:
    flat = " ".join(text.split())
    q = " ".join(quote.split())
    i = flat.find(q)
    if i < 0:
        return q
    start = max(flat.rfind(". ", 0, i) + 2, 0)
    end = flat.find(". ", i + len(q))
    return flat[start:end if end > 0 else len(flat)]


def same_admin1(a: str | None, b: str | None) -> bool:
    from wartally.eval.names import same_admin1 as same
    from wartally.geo.names import skeleton

    return bool(a and b) and (skeleton(a) == skeleton(b) or same(b, a))


def same_place(a: str | None, b: str | None) -> bool:
    from wartally.geo.names import distance, fold, skeleton

    return bool(a and b) and (skeleton(a) == skeleton(b) or distance(fold(a), fold(b)) <= 2)


def evaluate(shared: Path) -> dict:
    """admin1 and place accuracy over the gold figures."""
    from wartally.geo import find_places, geocode_figures
    from wartally.records import Document, Figure, Outcome, Place, Qualifier, Span, Victims

    docs = {}
    for name in ("seeds.jsonl", "fakes-dev.jsonl", "world-dev.jsonl"):
        if not (shared / "corpus" / name).exists():
            continue
        for d in read_jsonl(shared / "corpus" / name):
            docs[d["id"]] = Document.make(d["id"], d["text"], title=d.get("title"), published=d.get("published"))
    a1_ok = a1_n = pl_ok = pl_n = 0
    misses = []
    for name in sorted((shared / "gold").glob("*.gold.jsonl")):
        for g in read_jsonl(name):
            if g["id"] not in docs:
                continue
            doc = docs[g["id"]]
            figs = []
            for i, gf in enumerate(g["figures"]):
                sent = sentence_of(doc.text, gf["quote"])
                area = None
                if not gf.get("place"):
                    found = find_places(sent)
                    area = Place(mention=found[0][2]) if found else None
                span = Span(doc.id, 0, 0, str(gf["n"]), "gold")
                figs.append(Figure(id=str(i), doc_id=doc.id, outcome=Outcome(gf["outcome"]), n=gf["n"],
                                   qualifier=Qualifier(gf.get("qualifier", "exact")), victims=Victims(gf["victims"]),
                                   quote=gf["quote"], number_span=span, sentence_start=0, sentence_end=0,
                                   place=Place(mention=gf["place"]) if gf.get("place") else None, area=area))
            for gf, f in zip(g["figures"], geocode_figures(doc, figs)):
                if gf.get("admin1"):
                    a1_n += 1
                    ok = same_admin1(f.admin1, gf["admin1"])
                    a1_ok += ok
                    if not ok:
                        misses.append(f"{doc.id}: admin1 {f.admin1!r} != {gf['admin1']!r} "
                                      f"({(f.place or f.area).reason if (f.place or f.area) else 'no place'})")
                if gf.get("place"):
                    pl_n += 1
                    ok = f.place is not None and same_place(f.place.name, gf["place"]) and (
                        not gf.get("admin1") or same_admin1(f.place.admin1, gf["admin1"]))
                    pl_ok += ok
                    if not ok:
                        got = (f.place.name, f.place.reason) if f.place else (None, "no place")
                        misses.append(f"{doc.id}: place {got[0]!r} != {gf['place']!r} ({got[1]})")
    return {"admin1_accuracy": round(a1_ok / a1_n, 4) if a1_n else None, "admin1_figures": a1_n,
            "place_accuracy": round(pl_ok / pl_n, 4) if pl_n else None, "place_figures": pl_n, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    load_s = measure_load()
    cold_s, cold_cpu, rss_mb = measure_cold_extract()
    from wartally.geo.gazetteer import load

    load()
    items = corpus_toponyms(args.shared)
    random.Random(0).shuffle(items)
    cold = measure_rate(items, cold=True)
    first = measure_rate(items, cold=True, distinct=False)
    warm = measure_rate(items, cold=False)
    result = {"load_seconds": round(load_s, 3), "extract_cold_seconds": round(cold_s, 3),
              "extract_cold_cpu_seconds": round(cold_cpu, 3),
              "extract_peak_rss_mb": round(rss_mb, 1), "toponyms": len(items),
              "resolve_per_second_cold": round(cold), "resolve_per_second_first_pass": round(first),
              "resolve_per_second": round(warm)}
    result.update(evaluate(args.shared))
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"gazetteer load (fresh process, best of 3): {result['load_seconds']:.3f} s")
        print(f"wartally extract, one short document, cold (best of 3): {result['extract_cold_seconds']:.3f} s wall, "
              f"{result['extract_cold_cpu_seconds']:.3f} s CPU (target <= 1 s); "
              f"peak resident memory {result['extract_peak_rss_mb']:.0f} MB (target <= 400 MB)")
        print(f"resolve: {result['resolve_per_second']:,} toponyms/s over {len(items):,} corpus mentions, warm; "
              f"{result['resolve_per_second_first_pass']:,}/s on a first pass with every cache cleared; "
              f"{result['resolve_per_second_cold']:,}/s on distinct names only, caches cleared")
        print(f"gold admin1: {result['admin1_accuracy']:.1%} of {result['admin1_figures']} figures")
        print(f"gold place:  {result['place_accuracy']:.1%} of {result['place_figures']} figures")
        for m in result["misses"]:
            print("  miss:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
