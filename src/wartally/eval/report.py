"""Printing evaluation results: a readable text report, JSON, and the
markdown table the README's accuracy section is generated from."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wartally.errors import InputError, Problem
from wartally.eval.score import FIELDS, Scores, Shares

LABEL_TARGETS = {"nb_civilians": 0.80, "dead": 0.80}


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _figure_line(fig: Mapping[str, Any]) -> str:
    quote = " ".join(str(fig.get("quote") or "").split())
    if len(quote) > 110:
        quote = quote[:107] + "..."
    q = fig.get("qualifier") or ""
    return f"  {fig.get('doc')}: {fig.get('outcome')} {q} {fig.get('n')} {fig.get('victims')}  \"{quote}\""


def format_scores(name: str, s: Scores, *, details: bool = True, limit: int = 50) -> str:
    lines = [
        f"== {name}: figures",
        f"matched {s.tp}, missed {s.fn}, extra {s.fp}",
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        "field accuracy over matched pairs where gold has the field:",
    ]
    for field in FIELDS:
        right, scored = s.fields.get(field, (0, 0))
        lines.append(f"  {field:<10} {_pct(s.accuracy(field)):>6}  ({right}/{scored})")
    if details:
        for title, figs in (("misses (gold, not predicted)", s.misses), ("extras (predicted, not in gold)", s.extras)):
            lines.append(f"{title}: {len(figs)}")
            lines.extend(_figure_line(f) for f in figs[:limit])
            if len(figs) > limit:
                lines.append(f"  ... {len(figs) - limit} more (use --json for all)")
        wrong = [(f, p) for f in FIELDS for p in s.wrong(f)]
        lines.append(f"wrong fields: {len(wrong)}")
        for field, p in wrong[:limit]:
            g = [p.gold.get("start"), p.gold.get("end")] if field == "dates" else p.gold.get(field)
            v = [p.pred.get("start"), p.pred.get("end")] if field == "dates" else p.pred.get(field)
            lines.append(f"  {p.doc}: {field}: gold {g!r}, predicted {v!r}  ({p.gold.get('n')} {p.gold.get('victims')})")
        if len(wrong) > limit:
            lines.append(f"  ... {len(wrong) - limit} more (use --json for all)")
    return "\n".join(lines)


def format_shares(name: str, s: Shares, *, details: bool = True, limit: int = 30) -> str:
    lines = [f"== {name}: share of labelled totals found among the killed figures"]
    for label, (hits, checked) in s.counts.items():
        target = LABEL_TARGETS.get(label)
        note = f"  (target ≥ {target:.2f})" if target else ""
        lines.append(f"  {label:<16} {_pct(s.share(label)):>6}  ({hits}/{checked}){note}")
    if len(s.counts) > 1:
        lines.append(f"  {'overall':<16} {_pct(s.overall):>6}")
    if details and s.misses:
        lines.append(f"not found: {len(s.misses)}")
        for m in s.misses[:limit]:
            lines.append(f"  {m['doc']}: {m['label']} = {m['want']}, figures give {m['found']}")
        if len(s.misses) > limit:
            lines.append(f"  ... {len(s.misses) - limit} more (use --json for all)")
    return "\n".join(lines)


def format_result(name: str, result: Scores | Shares, *, details: bool = True) -> str:
    if isinstance(result, Scores):
        return format_scores(name, result, details=details)
    return format_shares(name, result, details=details)


def format_links(result: Mapping[str, Any], *, details: bool = True, limit: int = 30, name: str | None = None) -> str:
    """The linking stage's pairwise scores (``score_link_pairs``); ``name``:
    the pairs file, when several are scored."""
    def num(key: str) -> str:
        v = result.get(key)
        return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = [
        "== links: pairwise" + (f" ({name})" if name else ""),
        f"pairs {num('pairs')} (same {num('same')}, not same {num('not_same')})",
        f"precision {num('precision')}  recall {num('recall')}  F1 {num('f1')}",
    ]
    for half, h in (result.get("halves") or {}).items():
        lines.append(f"  {half} half: precision {h['precision']:.3f}  recall {h['recall']:.3f} "
                     f"(tp {h['tp']}, fp {h['fp']}, fn {h['fn']}, tn {h['tn']})")
    mistakes = result.get("mistakes") or []
    if details and mistakes:
        lines.append(f"mistakes: {len(mistakes)}")
        for m in mistakes[:limit]:
            a, b = m.get("a", {}), m.get("b", {})
            verdict = "linked, should not be" if m.get("predicted") else "not linked, should be"
            lines.append(f"  {a.get('doc')} {a.get('n')} {a.get('victims')} ~ {b.get('doc')} {b.get('n')} {b.get('victims')}: {verdict} ({m.get('why')})")
        if len(mistakes) > limit:
            lines.append(f"  ... {len(mistakes) - limit} more (use --json for all)")
    missing = result.get("missing_documents") or []
    if missing:
        lines.append(f"documents not found in --docs: {', '.join(map(str, missing[:10]))}{' ...' if len(missing) > 10 else ''}")
    return "\n".join(lines)


def format_problems(problems: list[Problem], *, limit: int = 10) -> str:
    """Problems, those sharing a code and reason folded into one line."""
    groups: dict[tuple[str, str], list[str]] = {}
    for p in problems:
        groups.setdefault((p.code, p.reason), []).append(p.where)
    lines = [f"problems: {len(problems)}"]
    for (code, reason), wheres in list(groups.items())[:limit]:
        more = f" (and {len(wheres) - 1} more)" if len(wheres) > 1 else ""
        lines.append(f"  {wheres[0]}{more}: {code}: {reason}")
    if len(groups) > limit:
        lines.append(f"  ... {len(groups) - limit} more kinds")
    return "\n".join(lines)


def markdown_table(results: Mapping[str, Scores | Shares], links: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The accuracy section's tables, made from eval results (never typed);
    ``links``: ``score_link_pairs`` results by pairs file, when the run
    scored linking too."""
    out: list[str] = []
    gold = {k: v for k, v in results.items() if isinstance(v, Scores)}
    shares = {k: v for k, v in results.items() if isinstance(v, Shares)}
    if gold:
        names = list(gold)
        out.append("| score | " + " | ".join(names) + " |")
        out.append("|---|" + "---:|" * len(names))
        out.append("| gold figures | " + " | ".join(str(s.tp + s.fn) for s in gold.values()) + " |")
        for label, attr in (("precision", "precision"), ("recall", "recall"), ("F1", "f1")):
            out.append(f"| {label} | " + " | ".join(f"{getattr(s, attr):.2f}" for s in gold.values()) + " |")
        for field in FIELDS:
            cells = []
            for s in gold.values():
                right, scored = s.fields.get(field, (0, 0))
                cells.append(f"{right / scored:.2f} ({scored})" if scored else "–")
            out.append(f"| {field} | " + " | ".join(cells) + " |")
    if shares:
        if out:
            out.append("")
        out.append("| check | label | share | checked |")
        out.append("|---|---|---:|---:|")
        for name, s in shares.items():
            for label, (hits, checked) in s.counts.items():
                share = f"{hits / checked:.2f}" if checked else "–"
                out.append(f"| {name} | {label} | {share} | {checked} |")
    if links:
        if out:
            out.append("")
        out.append("| linking: hand-checked report pairs | pairs (same incident) | precision | recall | F1 |")
        out.append("|---|---:|---:|---:|---:|")
        for name, r in links.items():
            out.append(f"| {name}: the extractor's figures | {r['pairs']} ({r['same']}) | "
                       f"{r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} |")
            if r.get("described"):
                d = r["described"]
                out.append(f"| {name}: the figures as the pairs describe them | {r['pairs']} ({r['same']}) | "
                           f"{d['precision']:.2f} | {d['recall']:.2f} | {d['f1']:.2f} |")
    return "\n".join(out) + "\n"


README_START = "<!-- eval:start -->"
README_END = "<!-- eval:end -->"
README_NOTE = ("<!-- generated by `wartally eval --suite ../shared --links tests/data/link_pairs.jsonl "
               "--links tests/data/link_pairs_heldout.jsonl --links tests/data/link_pairs_heldout2.jsonl "
               "--links tests/data/link_pairs_heldout3.jsonl --docs ../shared/corpus/fakes-dev.jsonl "
               "--readme README.md`; do not edit by hand -->")


def replace_readme_section(text: str, tables: str, *, where: str = "README") -> str:
    """``text`` with what lies between the eval markers replaced by ``tables``
    (the output of ``markdown_table``).  Raises ``InputError`` naming
    ``where`` when the markers are missing."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise InputError(f"no {README_START} ... {README_END} section to fill", where=where)
    head = text[: start + len(README_START)]
    return f"{head}\n{README_NOTE}\n\n{tables.rstrip()}\n\n{text[end:]}"
