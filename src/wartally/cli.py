"""The ``wartally`` program: thin commands over the library.

Each stage package contributes its subcommands through a ``commands`` module
with a ``register(subparsers)`` function; handlers import their heavy
dependencies lazily so that ``wartally --help`` stays fast.  ``COMMANDS``
names the module of each command, so that ``wartally extract ...`` imports
only the extract commands and not every stage (a test keeps the table in
step with what the modules register).

Exit codes: 0 when all went well, 1 when some documents failed, 2 on a usage
error.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from wartally.errors import UsageError, one_line

COMMAND_MODULES = (
    "wartally.ingest.commands",
    "wartally.extract.commands",
    "wartally.eval.commands",
    "wartally.geo.commands",
    "wartally.store.commands",
    "wartally.export.commands",
    "wartally.link.commands",
    "wartally.serve.commands",
    "wartally.engines.commands",
    "wartally.review.commands",
    "wartally.watch.commands",
    "wartally.demo",
)
COMMANDS = {
    "read": "wartally.ingest.commands",
    "extract": "wartally.extract.commands",
    "eval": "wartally.eval.commands",
    "geocode": "wartally.geo.commands",
    "ingest": "wartally.store.commands",
    "reextract": "wartally.store.commands",
    "figures": "wartally.store.commands",
    "export": "wartally.export.commands",
    "report": "wartally.export.commands",
    "link": "wartally.link.commands",
    "disagreements": "wartally.link.commands",
    "serve": "wartally.serve.commands",
    "load": "wartally.engines.commands",
    "review": "wartally.review.commands",
    "users": "wartally.review.commands",
    "watch": "wartally.watch.commands",
    "sources": "wartally.watch.commands",
    "demo": "wartally.demo",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser with the commands of ``modules`` (all of them by default)."""
    parser = _Parser(
        prog="wartally",
        description="Casualty and displacement figures from conflict news, sourced and mapped.",
        epilog="example: wartally ingest examples/ --db wartally.duckdb",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    only = COMMANDS.get(argv[0]) if argv else None
    parser = build_parser((only,) if only else COMMAND_MODULES)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:  # e.g. an optional engine not installed, a wrong -o: one line, exit 2
        print(f"wartally {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command could not open or write: one line, no traceback
        name = f"{exc.filename}: " if exc.filename else ""
        print(f"wartally {args.command}: error: {name}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: one line (WARTALLY_DEBUG=1 shows the traceback)
        if os.environ.get("WARTALLY_DEBUG"):
            raise
        print(f"wartally {args.command}: internal: {type(exc).__name__}: {one_line(str(exc))} "
              "(set WARTALLY_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


# commands that hold no outside resource (no database, no server, no JVM): when
# they are done, the process may end without freeing its objects one by one
QUICK_EXIT = frozenset({"read", "extract"})
QUICK_GC_THRESHOLD = 10_000


def run(argv: list[str] | None = None) -> None:
    """The program's entry point: ``main``, then exit.  After ``read`` and
    ``extract`` the output is flushed and the process ends at once: freeing
    the gazetteer and the caches object by object takes tens of
    milliseconds nobody waits for.  Other commands exit normally, so their
    databases, servers and Spark sessions close as they should."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in QUICK_EXIT:
        # a batch makes many small objects that live as long as one document:
        # the cyclic collector then runs a tenth as often (after 10,000
        # allocations, not 700), half its time in `wartally extract`
        gc.set_threshold(QUICK_GC_THRESHOLD, *gc.get_threshold()[1:])
    code = main(argv)
    if argv and argv[0] in QUICK_EXIT:
        if (kept := sys.modules.get("wartally.extract.regexes")) is not None:
            kept.save()  # what atexit would do: the compiled lexicons for the next run
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (BrokenPipeError, ValueError):
            pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
