"""Benchmark of the link stage on synthetic incident figures.

    .venv/bin/python bench/bench_link.py --figures 1000000

Generates incidents with realistic distributions (dates peaking 2013-2016,
governorates weighted like Syria's conflict reporting, Zipf-distributed
places, at most one incident per place and day, heavy-tailed tolls, 1-8
reports per incident with noisy dates, places, weapons and counts), one
figure (sometimes two) per report, and running totals (``--tallies``, a share
of the figures: a few sources' tolls of the war, of a governorate or of a
month, each number carried by several outlets for weeks, a few misread lower),
and links them with ``wartally.link.link_figures`` on DuckDB.  Prints the time
per stage, the peak memory (max RSS) and the pairwise precision and recall
against the incidents the reports were drawn from, and the claims and
disagreements found among the tallies.
"""
from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import resource
import sys
import time
import zlib
from collections import Counter

from wartally.link import link_figures
from wartally.records import (
    DatePrecision, Document, Figure, Outcome, Period, Place, Qualifier, Span, Victims, WherePrecision,
)

ADMIN1 = {  # governorate: (weight, lat, lon) -- weights loosely follow reporting volume
    "Aleppo": (0.22, 36.2, 37.1), "Idlib": (0.18, 35.8, 36.6), "Rif Dimashq": (0.14, 33.5, 36.5),
    "Hama": (0.08, 35.1, 36.7), "Homs": (0.07, 34.7, 36.9), "Deir ez-Zor": (0.08, 35.3, 40.1),
    "Raqqa": (0.05, 35.9, 39.0), "Daraa": (0.07, 32.6, 36.1), "Al-Hasakah": (0.04, 36.5, 40.7),
    "Damascus": (0.03, 33.5, 36.3), "Latakia": (0.02, 35.5, 35.8), "Quneitra": (0.01, 33.1, 35.8),
    "As-Suwayda": (0.005, 32.7, 36.6), "Tartus": (0.005, 34.9, 35.9),
}
YEARS = {2012: 0.10, 2013: 0.16, 2014: 0.16, 2015: 0.15, 2016: 0.15, 2017: 0.11, 2018: 0.08, 2019: 0.06,
         2020: 0.03}
WEAPONS = {"airstrike": 0.30, "shelling": 0.20, "barrel bomb": 0.08, "clashes": 0.12, "rocket": 0.06,
           "mortar": 0.05, "car bomb": 0.04, "IED": 0.03, "gunfire": 0.05, "missile": 0.03, "landmine": 0.02,
           "suicide bombing": 0.01, "drone": 0.01}
SIBLING = {"airstrike": "barrel bomb", "barrel bomb": "airstrike", "shelling": "rocket", "rocket": "shelling",
           "mortar": "shelling", "missile": "rocket", "car bomb": "IED", "IED": "car bomb"}
ACTORS = {"Syrian government": 0.5, "Russia": 0.15, "opposition": 0.15, "ISIS": 0.1, "US-led coalition": 0.05,
          "Kurdish forces": 0.03, "Turkey": 0.02}
PLACES_PER_WEIGHT = 20000  # places in a governorate = weight * this
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def pick(rng: random.Random, table: dict) -> str:
    return rng.choices(list(table), weights=[v if not isinstance(v, tuple) else v[0] for v in table.values()])[0]


SYLLABLES = ("ab", "ad", "ah", "al", "am", "an", "ar", "as", "ba", "bi", "da", "di", "fa", "ha", "hi", "ja",
             "ka", "kha", "ki", "la", "li", "ma", "mi", "mu", "na", "ni", "qa", "ra", "ri", "ru", "sa", "sha",
             "si", "ta", "ti", "tu", "wa", "ya", "za", "zi", "bur", "dar", "kaf", "mar", "nab", "qal", "sar", "tal")
PREFIXES = ("", "", "", "Kafr ", "Tell ", "Deir ", "Khirbet ", "Ain ", "Jabal ", "Maarat ")


def place_name(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
    return rng.choice(PREFIXES) + word.capitalize()


class World:
    """Places with distinct names (as the linker keys them), admin2/admin3
    codes and coordinates, per governorate."""

    def __init__(self, rng: random.Random):
        from wartally.link.unit import place_key

        self.places: dict[str, list[tuple]] = {}
        self.records: dict[str, Place] = {}
        seen: set[str] = set()
        for i, (a1, (w, lat, lon)) in enumerate(ADMIN1.items()):
            n = max(20, int(w * PLACES_PER_WEIGHT))
            rows = []
            while len(rows) < n:
                name = place_name(rng)
                key = place_key(name)
                if key in seen or len(key) < 4:
                    continue
                seen.add(key)
                k = len(rows)
                a2 = f"SY{i:02d}{k % 8:02d}"
                a3 = f"{a2}{k % 40:02d}"
                rows.append((name, a1, a2, a3, lat + rng.uniform(-0.6, 0.6), lon + rng.uniform(-0.6, 0.6)))
            self.places[a1] = rows
        self.zipf = {a1: [1 / (k + 1) ** 1.1 for k in range(len(rows))] for a1, rows in self.places.items()}

    def record(self, name: str, a1: str, a2: str | None = None, a3: str | None = None,
               lat: float | None = None, lon: float | None = None) -> Place:
        if name not in self.records:
            self.records[name] = (
                Place(mention=name, name=name, lat=lat, lon=lon, admin1=a1, admin2_pcode=a2, admin3_pcode=a3,
                      feature="village", precision=WherePrecision.EXACT) if a2 else
                Place(mention=a1, name=a1, admin1=a1, feature="admin1", precision=WherePrecision.ADMIN1))
        return self.records[name]

    def place(self, rng: random.Random, a1: str) -> tuple:
        return rng.choices(self.places[a1], weights=self.zipf[a1])[0]


def make_corpus(n_figures: int, seed: int = 7, tallies: float = 0.0
                ) -> tuple[list[Figure], dict[str, Document], dict[str, int]]:
    """Incident figures (``truth``: figure id -> incident) and, as a share
    ``tallies`` of the ``n_figures``, tally figures."""
    rng = random.Random(seed)
    n_tallies = int(n_figures * tallies)
    n_figures -= n_tallies
    world = World(rng)
    figures: list[Figure] = []
    docs: dict[str, Document] = {}
    truth: dict[str, int] = {}
    taken: set[tuple[str, dt.date]] = set()
    incident = 0
    while len(figures) < n_figures:
        incident += 1
        year = int(pick(rng, YEARS))
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        a1 = pick(rng, ADMIN1)
        # one incident per place and day: reports cannot tell two apart, and
        # the linker treats a place-day as one incident
        for _ in range(50):
            name, _, a2, a3, lat, lon = world.place(rng, a1)
            if (name, day) not in taken:
                break
        taken.add((name, day))
        weapon = pick(rng, WEAPONS)
        actor = pick(rng, ACTORS)
        victims = rng.choices([Victims.CIVILIANS, Victims.PEOPLE, Victims.COMBATANTS], weights=[0.5, 0.3, 0.2])[0]
        killed = max(1, int(math.exp(rng.gauss(1.3, 1.1))))
        reports = min(8, 1 + int(rng.expovariate(1.0)))
        for r in range(reports):
            doc_id = f"d{incident}-{r}"
            rday = day + dt.timedelta(days=1) if rng.random() < 0.08 else day
            published = rday + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            n = killed if rng.random() < 0.6 else max(1, round(killed * rng.uniform(0.7, 1.5)))
            w = None if rng.random() < 0.25 else (SIBLING.get(weapon, weapon) if rng.random() < 0.1 else weapon)
            has_place = rng.random() < 0.85
            # a geocoder returns one Place record per gazetteer entry
            where = world.record(name, a1, a2, a3, lat, lon) if has_place else None
            area = world.record(a1, a1)
            text = (f"{w or 'An attack'} killed {n} {victims} in {name if has_place else a1} on "
                    f"{WEEKDAYS[rday.weekday()]}, a monitor said.")
            doc = Document.make(doc_id, text, published=published, outlet="bench")
            docs[doc_id] = doc
            at = text.index(f" {n} ") + 1
            exact = rng.random() < 0.7
            period = Period(rday, rday, DatePrecision.DAY, 1,
                            Span(doc_id, 0, 5, "on day", "when:bench") if exact else None)
            out = [(Outcome.KILLED, n, victims)]
            if rng.random() < 0.2:
                out.append((Outcome.INJURED, n * rng.randint(1, 4), Victims.PEOPLE))
            for k, (outcome, num, vic) in enumerate(out):
                fid = f"f{incident}-{r}-{k}"
                figures.append(Figure(
                    id=fid, doc_id=doc_id, outcome=outcome, n=num, qualifier=Qualifier.EXACT, victims=vic,
                    quote=text, number_span=Span(doc_id, at, at + len(str(n)), str(n), "number:bench"),
                    sentence_start=0, sentence_end=len(text), place=where, area=area, period=period,
                    source="SOHR", actor=(actor,) if rng.random() < 0.7 else (), weapon=w))
                truth[fid] = incident
    make_tallies(random.Random(seed + 1), n_tallies, docs, figures)
    return figures, docs, truth


TALLY_SOURCES = {"SOHR": (0.40, 1.00), "SNHR": (0.20, 0.80), "UN": (0.15, 0.90), "VDC": (0.10, 0.70),
                 "Syrian Civil Defence": (0.10, 0.40), "Syrian Health Ministry": (0.05, 0.60)}
WAR_START = dt.date(2011, 3, 15)


def make_tallies(rng: random.Random, n_figures: int, docs: dict[str, Document],
                 figures: list[Figure]) -> int:
    """``n_figures`` tally figures: running totals of a few sources.  Each
    source publishes an update every 2-6 weeks (toll of the war, of a
    governorate since 2011, or of the month so far); articles cite the
    latest update of the thing they report, so one number is carried by
    several articles; 3% of the numbers are misread (a lower number)."""
    things = [("war", None), ("month", None)] + [("war", a1) for a1 in ADMIN1]
    added = 0
    serial = 0
    while added < n_figures:
        serial += 1
        source = pick(rng, {k: v[0] for k, v in TALLY_SOURCES.items()})
        scale = TALLY_SOURCES[source][1]
        span, a1 = rng.choice(things)
        victims = rng.choices([Victims.PEOPLE, Victims.CIVILIANS, Victims.CHILDREN], weights=[0.6, 0.3, 0.1])[0]
        year = int(pick(rng, YEARS))
        published = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        update_every = 14 + 7 * (zlib.crc32(f"{source}{span}{a1}".encode()) % 5)
        as_of = published - dt.timedelta(days=(published - WAR_START).days % update_every)
        start = WAR_START if span == "war" else as_of.replace(day=1)
        share = 1.0 if a1 is None else ADMIN1[a1][0]
        per_day = {Victims.PEOPLE: 150, Victims.CIVILIANS: 60, Victims.CHILDREN: 12}[victims] * scale * share
        n = max(1, int(per_day * ((as_of - start).days + 1)))
        if rng.random() < 0.03:
            n = max(1, int(n * rng.uniform(0.55, 0.95)))
        doc_id = f"t{serial}"
        where = f"in {a1}" if a1 else "in Syria"
        since = "since the war began in 2011" if span == "war" else "this month"
        text = f"{n:,} {victims} have been killed {where} {since}, {source} said."
        doc = Document.make(doc_id, text, published=published, outlet="bench")
        docs[doc_id] = doc
        number = f"{n:,}"
        area = Place(mention=a1, name=a1, admin1=a1, feature="admin1", precision=WherePrecision.ADMIN1) if a1 else None
        figures.append(Figure(
            id=f"t{serial}-0", doc_id=doc_id, outcome=Outcome.KILLED, n=n, qualifier=Qualifier.AT_LEAST,
            victims=victims, quote=text, number_span=Span(doc_id, 0, len(number), number, "number:bench"),
            sentence_start=0, sentence_end=len(text), area=area, country=None if a1 else "Syria",
            period=Period(start, as_of, DatePrecision.DAY if span == "month" else DatePrecision.MONTH, 1),
            source=source))
        added += 1
    return added


def pair_scores(events, truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the events against the true incidents
    (over killed figures, one per report)."""
    def pairs(sizes):
        return sum(s * (s - 1) // 2 for s in sizes)

    killed = {fid for fid in truth if fid.endswith("-0")}
    predicted = tp = 0
    for e in events:
        ids = [f for f in e.figure_ids if f in killed]
        predicted += pairs([len(ids)])
        tp += pairs(Counter(truth[f] for f in ids).values())
    actual = pairs(Counter(truth[f] for f in killed).values())
    return (tp / predicted if predicted else 1.0), (tp / actual if actual else 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--figures", type=int, default=100_000)
    ap.add_argument("--tallies", type=float, default=0.05, help="share of the figures that are running totals")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--memory-limit", default="2GB", help="DuckDB memory_limit")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    figures, docs, truth = make_corpus(args.figures, tallies=args.tallies)
    t1 = time.perf_counter()
    c1 = time.process_time()
    # the link stage opens its own DuckDB, as ``wartally ingest`` does, and closes it once the pairs are
    # scored (a connection kept open by the caller holds DuckDB's memory through the later stages)
    result = link_figures(figures, docs, duckdb_config={"threads": args.threads, "memory_limit": args.memory_limit})
    t2 = time.perf_counter()
    c2 = time.process_time()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    precision, recall = pair_scores(result.events, truth)
    multi = sum(1 for e in result.events if len(e.doc_ids) > 1)
    print(f"figures {len(figures):,}  documents {len(docs):,}  true incidents {len(set(truth.values())):,}")
    print(f"generate {t1 - t0:.1f} s; link {t2 - t1:.1f} s "
          f"({', '.join(f'{k} {v:.1f}' for k, v in result.timings.items())})")
    print(f"link CPU time {c2 - c1:.1f} s (this process, all threads; the machine is shared, so wall > CPU/threads)")
    print(f"events {len(result.events):,} ({multi:,} from several reports); links {len(result.links):,}")
    tallies = sum(1 for k in result.kinds.values() if k == "tally")
    kinds = Counter(d.kind for d in result.disagreements)
    print(f"tallies {tallies:,}; disagreements {len(result.disagreements):,} "
          f"({', '.join(f'{k} {v:,}' for k, v in sorted(kinds.items()))})")
    print(f"pairwise precision {precision:.3f} recall {recall:.3f} (killed figures vs. true incidents)")
    print(f"peak memory (max RSS, whole process) {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
