"""``wartally review ...`` (corrections from the command line, one by one or
in bulk from a JSONL file) and ``wartally users ...`` (accounts)."""
from __future__ import annotations

import argparse
import json
import sys

REVIEW_EPILOG = """\
examples:
  wartally review queue --db wartally.duckdb --limit 20
  wartally review reject 3f2a9c0d1e2b4a5c --db wartally.duckdb --reason "a population, not a toll"
  wartally review edit 3f2a9c0d1e2b4a5c --field place --value geonames:170592 --db wartally.duckdb
  wartally review edit 3f2a9c0d1e2b4a5c --field period --value 2019-05-01..2019-05-31
  wartally review add seed-2 --start 812 --end 826 --outcome killed --victims civilians
  wartally review merge EVENT_ID EVENT_ID --reason "same market strike"
  wartally review apply decisions.jsonl --db wartally.duckdb
  wartally review log --format jsonl > audit.jsonl
  wartally review orphans

Every correction is an append-only row (who, when, what, before, after,
why) kept through re-ingest; `orphans` lists those whose text no longer
matches, for a second look.  The editor is --editor (default: the login
name).  A bulk file has one decision a line, e.g.
  {"action": "reject", "figure": "3f2a...", "reason": "duplicate"}
  {"action": "edit", "figure": "3f2a...", "field": "n", "value": 12}
  {"action": "merge", "events": ["e1", "e2"]}
A bad line is reported as FILE:LINE: CODE: REASON and the rest goes on.
Exit 0 when all went well, 1 when some corrections failed, 2 on usage."""

USERS_EPILOG = """\
examples:
  wartally users add amal --role editor --db wartally.duckdb        # asks for the password
  printf '%s\\n' "$PASSWORD" | wartally users add amal --role admin --password-stdin
  wartally users list --db wartally.duckdb

Roles: viewer (sign in, read), editor (correct), admin (also see accounts).
Passwords are stored as argon2 hashes; at least 10 characters."""


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("review", help="correct the record: accept, reject, edit, add, merge, split",
                              description="Analyst review from the command line (see docs/review.md).",
                              epilog=REVIEW_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        a = sub.add_parser(name, help=help_, description=help_, epilog=REVIEW_EPILOG,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        a.add_argument("--db", default="wartally.duckdb", metavar="FILE", help="the store (default: wartally.duckdb)")
        return a

    def who(a: argparse.ArgumentParser) -> None:
        a.add_argument("--editor", default=None, help="who makes the correction (default: the login name)")
        a.add_argument("--reason", default=None, help="why")

    a = action("queue", "list figures to review, most important first")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--unreviewed", action="store_true", help="only figures nobody has reviewed")
    a.add_argument("--format", choices=("table", "jsonl"), default="table")
    for name in ("accept", "reject"):
        a = action(name, f"{name} figures")
        a.add_argument("figures", nargs="+", metavar="FIGURE_ID")
        who(a)
    a = action("edit", "set one field of a figure")
    a.add_argument("figure", metavar="FIGURE_ID")
    a.add_argument("--field", required=True, help="outcome, n, qualifier, victims, side, place (a gazetteer id), "
                                                  "period (START..END), source, actor (a; b), weapon, part_of")
    a.add_argument("--value", required=True, help="the new value ('' for none)")
    who(a)
    a = action("add", "add a figure the extractor missed")
    a.add_argument("doc", metavar="DOC_ID")
    a.add_argument("--start", type=int, required=True, help="first character of the words (of the number)")
    a.add_argument("--end", type=int, required=True, help="character after them")
    a.add_argument("--outcome", required=True)
    a.add_argument("--victims", required=True)
    a.add_argument("--n", default=None, help="the number (default: the one in the words)")
    a.add_argument("--qualifier", default="exact")
    who(a)
    a = action("merge", "these events are one incident")
    a.add_argument("events", nargs="+", metavar="EVENT_ID")
    who(a)
    a = action("split", "these figures of an event are an incident of their own")
    a.add_argument("event", metavar="EVENT_ID")
    a.add_argument("figures", nargs="+", metavar="FIGURE_ID")
    who(a)
    a = action("verdict", "mark a disagreement real or not")
    a.add_argument("disagreement", metavar="DISAGREEMENT_ID")
    a.add_argument("verdict", choices=("real", "not-real"))
    who(a)
    a = action("apply", "apply decisions from a JSONL file")
    a.add_argument("file", metavar="DECISIONS.jsonl")
    who(a)
    a = action("log", "the audit trail: every correction, oldest first")
    a.add_argument("--doc", default=None, help="only this document's")
    a.add_argument("--format", choices=("table", "jsonl"), default="table")
    a = action("orphans", "corrections whose text no longer matches (for a second look)")
    a.add_argument("--format", choices=("table", "jsonl"), default="table")
    a = sub.add_parser("places", help="gazetteer places for a name (ids for --field place)")
    a.add_argument("name")
    p.set_defaults(func=run_review)

    p = subparsers.add_parser("users", help="accounts for editing in the web page",
                              description="Add or list the accounts that may sign in to `wartally serve`.",
                              epilog=USERS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    a = sub.add_parser("add", help="add an account", epilog=USERS_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("name")
    a.add_argument("--role", choices=("viewer", "editor", "admin"), required=True)
    a.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    a.add_argument("--replace", action="store_true", help="reset an existing account's role and password")
    a.add_argument("--db", default="wartally.duckdb", metavar="FILE")
    a = sub.add_parser("list", help="list accounts", epilog=USERS_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--db", default="wartally.duckdb", metavar="FILE")
    p.set_defaults(func=run_users)


def _say(where: str, code: str, reason: str) -> None:
    print(f"{where}: {code}: {reason}", file=sys.stderr)


def _editor(args: argparse.Namespace) -> str:
    if getattr(args, "editor", None):
        return args.editor
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli"


def run_review(args: argparse.Namespace) -> int:
    from pathlib import Path

    from wartally.errors import WartallyError
    from wartally.store import Store

    if args.review_command == "places":
        return _places(args.name)
    if not Path(args.db).is_file():
        _say(args.db, "store", "no such store (create one with: wartally ingest FILE --db FILE)")
        return 2
    read_only = args.review_command in ("queue", "log")
    try:
        with Store(args.db, read_only=read_only) as store:
            return _ACTIONS[args.review_command](store, args)
    except WartallyError as exc:
        _say(exc.where or args.db, getattr(exc, "code", "error"), exc.reason)
        return 1


def _places(name: str) -> int:
    from wartally.review.places import candidates

    for p in candidates(name):
        print("\t".join(str(x or "") for x in (p.gazetteer_id, p.name, p.feature, p.admin1, p.country, p.lat, p.lon)))
    return 0


def _queue(store, args) -> int:
    from wartally.review.queue import queue

    items, total = queue(store.con, limit=args.limit, unreviewed_only=args.unreviewed)
    for it in items:
        if args.format == "jsonl":
            print(json.dumps(it, ensure_ascii=False, default=str))
        else:
            mark = {"rejected": "✗", "accepted": "✓", "added": "+"}.get(it["review_status"] or "", "·")
            print(f"{mark} {it['id']}  {it['outcome']:9} {it['n']:>7} {it['victims']:10} "
                  f"{(it['place'] or '')[:18]:18} {' '.join((it['sentence'] or '').split())[:70]}")
    print(f"({len(items)} of {total} figures)", file=sys.stderr)
    return 0


def _value(field: str, text: str):
    if field == "place":
        return {"gazetteer_id": text} if text else None
    if field == "period":
        start, _, end = text.partition("..")
        return {"start": start or None, "end": end or start or None}
    return text


def _one(store, args, do) -> int:
    from wartally.store.review.corrections import ReviewError

    failed = 0
    for item in args.figures if hasattr(args, "figures") and args.review_command in ("accept", "reject") else [None]:
        try:
            seq = do(item)
            print(f"correction {seq}" + (f": {item}" if item else ""), file=sys.stderr)
        except ReviewError as exc:
            _say(item or args.db, exc.code, exc.reason)
            failed += 1
    return 1 if failed else 0


def _decide(store, args) -> int:
    from wartally.review import actions

    status = _one(store, args, lambda fid: actions.decide(store, fid, args.review_command, editor=_editor(args),
                                                           reason=args.reason, relink=False))
    actions.link_again(store)
    return status


def _edit(store, args) -> int:
    from wartally.review import actions

    return _one(store, args, lambda _: actions.edit(store, args.figure, args.field, _value(args.field, args.value),
                                                    editor=_editor(args), reason=args.reason))


def _add(store, args) -> int:
    from wartally.review import actions

    values = {"outcome": args.outcome, "victims": args.victims, "qualifier": args.qualifier}
    if args.n is not None:
        values["n"] = args.n
    return _one(store, args, lambda _: actions.add(store, args.doc, args.start, args.end, values,
                                                   editor=_editor(args), reason=args.reason))


def _merge(store, args) -> int:
    from wartally.review import actions

    return _one(store, args, lambda _: actions.merge(store, args.events, editor=_editor(args), reason=args.reason))


def _split(store, args) -> int:
    from wartally.review import actions

    return _one(store, args, lambda _: actions.split(store, args.event, args.figures, editor=_editor(args),
                                                     reason=args.reason))


def _verdict(store, args) -> int:
    from wartally.review import actions

    return _one(store, args, lambda _: actions.verdict(store, args.disagreement, args.verdict == "real",
                                                       editor=_editor(args), reason=args.reason))


def _apply(store, args) -> int:
    from wartally.review.bulk import apply_file

    done, problems = apply_file(store, args.file, editor=_editor(args), reason=args.reason)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{done} corrections made, {len(problems)} refused", file=sys.stderr)
    return 1 if problems else 0


def _log(store, args) -> int:
    from wartally.store.review.corrections import read_log

    for c in read_log(store.con, doc_ids=[args.doc] if args.doc else None):
        if args.format == "jsonl":
            print(json.dumps(c.to_json(), ensure_ascii=False, default=str))
        else:
            what = c.field or ""
            before = "" if c.before is None else json.dumps(c.before, ensure_ascii=False, default=str)[:40]
            after = "" if c.after is None else json.dumps(c.after, ensure_ascii=False, default=str)[:40]
            print(f"{c.seq:>5} {c.at:%Y-%m-%d %H:%M} {c.editor:12} {c.kind:7} {c.doc_id or '':20} {what:8} "
                  f"{before} -> {after}  {c.reason or ''}")
    return 0


def _orphans(store, args) -> int:
    from wartally.store.review.apply import orphans

    found = orphans(store.con)
    for o in found:
        if args.format == "jsonl":
            print(json.dumps(o.to_json(), ensure_ascii=False, default=str))
        else:
            kinds = ", ".join(f"{c.kind}{'(' + c.field + ')' if c.field else ''} #{c.seq}" for c in o.corrections)
            print(f"{o.doc_id or '(events)'}: {o.reason}: {kinds}")
    print(f"{len(found)} corrections need a second look", file=sys.stderr)
    return 0


_ACTIONS = {"queue": _queue, "accept": _decide, "reject": _decide, "edit": _edit, "add": _add, "merge": _merge,
            "split": _split, "verdict": _verdict, "apply": _apply, "log": _log, "orphans": _orphans}


def run_users(args: argparse.Namespace) -> int:
    from pathlib import Path

    from wartally.errors import WartallyError
    from wartally.review import accounts
    from wartally.store import Store

    if args.users_command == "add" and not Path(args.db).parent.exists():
        _say(args.db, "store", "the folder does not exist")
        return 2
    try:
        with Store(args.db, read_only=args.users_command == "list") as store:
            if args.users_command == "list":
                for u in accounts.list_users(store.con):
                    print(f"{u['name']}\t{u['role']}\t{u['created_at']}")
                return 0
            password = _password(args)
            if password is None:
                return 2
            accounts.add_user(store.con, args.name, args.role, password, replace=args.replace)
    except WartallyError as exc:
        _say(exc.where or args.db, getattr(exc, "code", "error"), exc.reason)
        return 1
    print(f"user {args.name} ({args.role}) saved in {args.db}", file=sys.stderr)
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass(f"password for {args.name}: ")
    if getpass.getpass("again: ") != first:
        _say("users add", "usage", "the two passwords differ")
        return None
    return first
