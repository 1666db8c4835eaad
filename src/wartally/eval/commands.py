"""``wartally eval``: score the product against gold files, article labels,
incident totals and linking pairs."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EPILOG = """examples:
  wartally eval --gold ../shared/gold/seeds.gold.jsonl --docs ../shared/corpus/seeds.jsonl
  wartally eval --gold ../shared/gold/seeds.gold.jsonl --pred figures.jsonl --json
  wartally figures --db wartally.duckdb --format jsonl > rows.jsonl && wartally eval --gold GOLD.gold.jsonl --pred rows.jsonl
  wartally eval --labels ../shared/gold/fakes-dev.labels.jsonl --docs ../shared/corpus/fakes-dev.jsonl
  wartally eval --incidents ../shared/gold/wiki-incidents.labels.jsonl --docs ../shared/corpus/wiki-incidents.jsonl
  wartally eval --links pairs.jsonl --docs ../shared/corpus/fakes-dev.jsonl
  wartally eval --disagreements tests/data/disagreements_labels.jsonl --docs ../shared/corpus/fakes-dev.jsonl
  wartally eval --suite ../shared --markdown
  wartally eval --suite ../shared --links tests/data/link_pairs.jsonl --links tests/data/link_pairs_heldout2.jsonl \
      --docs ../shared/corpus/fakes-dev.jsonl --readme README.md
  wartally eval --suite ../shared --check tests/eval_baseline.json
  wartally eval --reviewed --db wartally.duckdb
  wartally eval --suite ../shared --write-baseline tests/eval_baseline.json
  wartally eval --suite ../shared --write-baseline tests/eval_baseline.json --lower --reason "new rule trades recall for precision"

Scoring follows ../shared/gold/GUIDE.md ("Scoring").  Pins only go up unless
--lower --reason TEXT is given.  Exit 0 when all went well, 1 when documents
or lines failed or a score is below its pin, 2 on a usage error."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score extraction against gold files, labels and incident totals",
        description="Score the product's figures against gold figures (precision, recall, F1, "
        "field accuracy), FA-KES article labels, Wikipedia incident totals or linking pairs.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--gold", metavar="GOLD.jsonl", action="append", default=[], help="a gold file (one document a line with its figures)")
    p.add_argument("--docs", metavar="DOCS.jsonl", action="append", default=[], help="documents to run the extractor on (repeatable)")
    p.add_argument("--pred", metavar="FIGURES.jsonl", help="score this extractor output instead of running the extractor")
    p.add_argument("--labels", metavar="LABELS.jsonl", help="FA-KES article-level crowd labels")
    p.add_argument("--incidents", metavar="LABELS.jsonl", help="incident list totals (dead per document)")
    p.add_argument("--links", metavar="PAIRS.jsonl", action="append", default=[],
                   help="labelled figure pairs for the linking stage (repeatable: one score per file)")
    p.add_argument("--reviewed", action="store_true",
                   help="score the extractor against the reviewed figures of the store --db (docs/review.md)")
    p.add_argument("--db", metavar="FILE", help="the store, with --reviewed")
    p.add_argument("--disagreements", metavar="LABELS.jsonl",
                   help="hand-labelled disagreements: score the link stage's disagreements over --docs against them")
    p.add_argument("--suite", metavar="SHARED", help="run the standard evaluation over a shared folder (gold/, corpus/)")
    p.add_argument("--json", action="store_true", help="print JSON for machines")
    p.add_argument("--markdown", action="store_true", help="print the README's accuracy tables")
    p.add_argument("--readme", metavar="README.md", help="replace the tables between <!-- eval:start --> and <!-- eval:end --> in this file")
    p.add_argument("--brief", action="store_true", help="scores only, no lists of misses and extras")
    p.add_argument("--check", metavar="BASELINE.json", help="exit 1 if a score is below its pin in this file")
    p.add_argument("--write-baseline", metavar="BASELINE.json", help="raise the pins in this file to the measured scores (needs --suite)")
    p.add_argument("--lower", action="store_true", help="with --write-baseline: also lower pins (needs --reason)")
    p.add_argument("--reason", metavar="TEXT", help="why the pins change (recorded in the baseline)")
    p.set_defaults(func=run)


def _name(path: str, suffixes: tuple[str, ...], extra: str = "") -> str:
    name = Path(path).name
    for suffix in suffixes:
        if name.endswith(suffix):
            return name[: -len(suffix)] + extra
    return name + extra


def _unreadable_inputs(args: argparse.Namespace) -> str | None:
    """Why input files cannot be read (missing, a folder, not text), all of
    them on one line, before any work is done; None when all can."""
    inputs = [("--gold", g) for g in args.gold] + [("--docs", d) for d in args.docs] + \
        [("--links", f) for f in args.links] + [(o, getattr(args, a)) for o, a in
                                                 (("--pred", "pred"), ("--labels", "labels"), ("--incidents", "incidents"))
                                                 if getattr(args, a)]
    reasons = [r for r in (_unreadable(option, name) for option, name in inputs) if r]
    return "; ".join(reasons) or None


def _unreadable(option: str, name: str) -> str | None:
    import codecs

    from wartally.ingest.decoding import Unreadable, check_binary

    path = Path(name)
    if not path.exists():
        return f"{option} {name}: no such file"
    if path.is_dir():
        return f"{option} {name}: is a folder, not a JSONL file"
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
        check_binary(head)
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < 8192)
    except OSError as exc:
        return f"{option} {name}: {exc.strerror or exc}"
    except Unreadable as exc:
        return f"{option} {name}: {exc.reason}"
    except UnicodeDecodeError:
        return f"{option} {name}: not UTF-8 text"
    return None


def _usage(message: str) -> int:
    print(f"wartally eval: error: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from wartally.errors import Problem, WartallyError
    from wartally.eval.suite import Suite, SuiteKind, discover_suites, run_suites

    if args.reviewed:
        return _run_reviewed(args)
    if not (args.gold or args.labels or args.incidents or args.links or args.suite or args.disagreements):
        return _usage("give --gold, --labels, --incidents, --links, --disagreements, --suite or --reviewed")
    if args.disagreements and not args.docs:
        return _usage("--disagreements needs --docs (the documents the labels are about)")
    if (args.gold or args.labels or args.incidents) and not (args.docs or args.pred):
        return _usage("--gold, --labels and --incidents need --docs (to run the extractor) or --pred")
    if args.write_baseline and not args.suite:
        return _usage("--write-baseline needs --suite SHARED")
    if args.lower and not args.write_baseline:
        return _usage("--lower only goes with --write-baseline")
    if args.lower and not (args.reason and args.reason.strip()):
        return _usage("--lower needs --reason TEXT")
    if args.check and not Path(args.check).is_file():
        return _usage(f"--check {args.check}: no such baseline file")
    unreadable = _unreadable_inputs(args)
    if unreadable:  # failed input, as for the other commands: exit 1
        print(f"wartally eval: error: {unreadable}", file=sys.stderr)
        return 1

    docs = tuple(Path(d) for d in args.docs)
    suites: list[Suite] = []
    if args.suite:
        if not (Path(args.suite) / "gold").is_dir():
            return _usage(f"{args.suite}: no gold/ folder")
        suites.extend(discover_suites(args.suite))
    suites.extend(Suite(_name(g, (".gold.jsonl", ".jsonl")), SuiteKind.GOLD, Path(g), docs) for g in args.gold)
    if args.labels:
        suites.append(Suite(_name(args.labels, (".labels.jsonl", ".jsonl"), "-labels"), SuiteKind.LABELS, Path(args.labels), docs))
    if args.incidents:
        suites.append(Suite(_name(args.incidents, (".labels.jsonl", ".jsonl")), SuiteKind.INCIDENTS, Path(args.incidents), docs))

    problems: list[Problem] = []
    try:
        results = run_suites(suites, problems, pred_file=args.pred, progress=sys.stderr.isatty() and not args.json)
        links = {Path(f).name.removesuffix(".jsonl"): _score_links(f, args.docs) for f in args.links} or None
        disagreements = _score_disagreements(args) if args.disagreements else None
    except WartallyError as exc:
        print(f"wartally eval: {exc}", file=sys.stderr)
        return 1

    status = 1 if problems else 0
    measured = {name: r.metrics() for name, r in results.items()}
    check_failures: list[str] = []
    if args.check:
        from wartally.eval.baseline import HOW_TO_LOWER, check_pins, load_baseline

        baseline = load_baseline(args.check)
        # only disagreements scored: only their pins are checked
        check_failures = check_pins(baseline, measured) if suites or disagreements is None else []
        if disagreements is not None:
            check_failures += _check_disagreement_pins(baseline, args.disagreements, disagreements)
        if check_failures:
            status = 1
    _print(args, results, links, problems, check_failures, disagreements)

    if args.check and check_failures:
        print(f"scores below their pins in {args.check}:", file=sys.stderr)
        for line in check_failures:
            print(f"  {line}", file=sys.stderr)
        print(HOW_TO_LOWER, file=sys.stderr)
    if args.write_baseline:
        status = max(status, _write_baseline(args, suites, measured))
    if args.readme:
        status = max(status, _write_readme(args.readme, results, links))
    return status


def _run_reviewed(args: argparse.Namespace) -> int:
    from wartally.errors import Problem, WartallyError
    from wartally.eval.reviewed import score_reviewed

    if not args.db or not Path(args.db).is_file():
        return _usage("--reviewed needs --db FILE, an existing store")
    problems: list[Problem] = []
    try:
        scores, n_gold, touched = score_reviewed(args.db, problems)
    except WartallyError as exc:
        print(f"wartally eval: {exc}", file=sys.stderr)
        return 1
    results = {"reviewed": scores}
    if args.json:
        json.dump({"metrics": {"reviewed": scores.metrics()}, "gold_figures": n_gold, "touched": touched,
                   "problems": [str(p) for p in problems]}, sys.stdout, indent=1, default=str)
        print()
    else:
        from wartally.eval.report import format_result

        print(f"{n_gold} reviewed figures ({touched} corrected or confirmed by an analyst) in {args.db}")
        print(format_result("reviewed", results["reviewed"], details=not args.brief))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def _write_readme(path: str, results: dict, links: dict[str, dict] | None = None) -> int:
    from wartally.errors import WartallyError
    from wartally.eval.report import markdown_table, replace_readme_section

    try:
        text = Path(path).read_text(encoding="utf-8")
        Path(path).write_text(replace_readme_section(text, markdown_table(results, links), where=path), encoding="utf-8")
    except (OSError, WartallyError) as exc:
        print(f"wartally eval: {path}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    print(f"wrote the accuracy tables into {path}", file=sys.stderr)
    return 0


def _check_disagreement_pins(baseline: dict[str, Any], labels: str, result: dict[str, Any]) -> list[str]:
    """The disagreement scores below their pins in the baseline's
    "disagreements" section (a labels file with no pins passes)."""
    from wartally.eval.baseline import check_pins
    from wartally.eval.disagreements import disagreement_metrics, labels_name

    name = labels_name(labels)
    pinned = {k: v for k, v in baseline.get("disagreements", {}).items() if k == name}
    return check_pins({"epsilon": baseline.get("epsilon", 1e-6), "suites": pinned},
                      {name: disagreement_metrics(result)})


def _score_disagreements(args: argparse.Namespace) -> dict[str, Any]:
    from wartally.eval.disagreements import score_disagreement_labels

    return score_disagreement_labels(Path(args.disagreements), [Path(d) for d in args.docs])


def _print(args: argparse.Namespace, results: dict, links: Any, problems: list, check_failures: list[str],
           disagreements: dict[str, Any] | None = None) -> None:
    from wartally.eval.report import format_links, format_problems, format_result, markdown_table

    if args.json:
        out: dict[str, Any] = {
            "metrics": {name: r.metrics() for name, r in results.items()},  # flat, as the gate pins them
            "suites": {name: r.to_json() for name, r in results.items()},
        }
        if links is not None:
            # one pairs file: its scores; several: scores by file name
            out["links"] = next(iter(links.values())) if len(links) == 1 else links
        if disagreements is not None:
            out["disagreements"] = disagreements
        out["problems"] = [{"where": p.where, "code": p.code, "reason": p.reason} for p in problems]
        if args.check:
            out["below_pins"] = check_failures
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
        return
    if args.markdown:
        sys.stdout.write(markdown_table(results))
    else:
        for name, r in results.items():
            print(format_result(name, r, details=not args.brief))
            print()
        for name, result in (links or {}).items():
            print(format_links(result, details=not args.brief, name=name if len(links) > 1 else None))
        if disagreements is not None:
            from wartally.eval.disagreements import format_disagreements

            print(format_disagreements(disagreements, Path(args.disagreements).name, details=not args.brief))
    if problems:
        print(format_problems(problems), file=sys.stderr)


def _score_links(pairs: str, docs: list[str]) -> dict[str, Any]:
    from wartally.link.evaluate import score_link_pairs

    result = score_link_pairs(Path(pairs), [Path(d) for d in docs])
    if isinstance(result, dict):
        return dict(result)
    if hasattr(result, "to_json"):
        return dict(result.to_json())
    return {k: getattr(result, k) for k in ("precision", "recall", "f1") if hasattr(result, k)}


def _write_baseline(args: argparse.Namespace, suites: list, measured: dict) -> int:
    from wartally.eval.baseline import load_baseline, save_baseline, update_pins

    root = Path(args.suite)
    old = load_baseline(args.write_baseline)
    suites_json = {s.name: s.to_json(root) for s in suites}
    new, raised, below = update_pins(old, measured, suites_json, lower=args.lower, reason=args.reason)
    save_baseline(args.write_baseline, new)
    for line in raised:
        print(f"raised {line}", file=sys.stderr)
    if below and args.lower:
        for line in below:
            print(f"lowered {line}", file=sys.stderr)
    elif below:
        print(f"not lowered (pass --lower --reason TEXT to lower them) in {args.write_baseline}:", file=sys.stderr)
        for line in below:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
