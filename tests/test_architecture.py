"""The direction of imports (docs/architecture.md), checked by walking the
syntax trees of src/wartally: no import reaches a layer above its own, no
two packages import each other (directly or round a loop), no module
imports another package's ``_private`` names, no import of wartally's own
code sits behind ``try``, and function-local imports of wartally's own code
appear only in the command handlers of the CLI layer.

The same checks run on small made-up trees holding each kind of breach, so
that a check which stopped finding anything would fail here too."""
from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "wartally"

# top to bottom; a component imports its own layer and the layers below
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("orchestration", frozenset({"wartally", "cli", "api", "pipeline", "ingestion", "demo", "__main__", "commands",
                                 "outputs", "watch"})),
    ("output", frozenset({"serve", "export", "report", "eval", "review"})),
    ("storage and runners", frozenset({"store", "engines"})),
    ("linking", frozenset({"link"})),
    ("per document", frozenset({"extract", "geo"})),
    ("reading", frozenset({"ingest"})),
    ("records", frozenset({"records", "errors", "dates", "data", "caches"})),
)
RANK = {name: len(LAYERS) - i for i, (_, names) in enumerate(LAYERS) for name in names}
# modules whose handlers may import the stage they run when they run, so
# that ``wartally --help`` and the light commands start fast
CLI_MODULES = ("commands", "demo", "cli")
# the only modules an ``except ImportError`` may guard: optional extras
OPTIONAL_EXTRAS = frozenset({"pyspark", "playwright"})
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. wartally.link.unit
    target: str  # imported module, e.g. wartally.extract.lexicon
    names: tuple[str, ...]  # names taken from it (from-imports)
    line: int
    in_function: bool
    in_try: bool


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def component(module: str) -> str:
    """The unit the rules speak of: the subpackage (``link``) or top-level
    module (``api``); a package's ``commands`` module is the CLI's."""
    parts = module.split(".")
    if parts[-1] == "commands":
        return "commands"
    return parts[1] if len(parts) > 1 else "wartally"


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path, root: Path) -> list[Import]:
    module = module_name(path, root)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool, in_try: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside_try = in_try or (isinstance(node, ast.Try) and child in node.body)
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == "wartally":
                        found.append(Import(module, alias.name, (), child.lineno, in_function, inside_try))
            elif isinstance(child, ast.ImportFrom):
                target = _resolve(child, module, path.name == "__init__.py")
                if target.split(".")[0] == "wartally":
                    names = tuple(a.name for a in child.names)
                    found.append(Import(module, target, names, child.lineno, in_function, inside_try))
            function = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            visit(child, function, inside_try)

    visit(tree, False, False)
    return found


def _submodule(imp: Import, name: str, root: Path) -> str | None:
    """``target.name`` when ``from target import name`` takes a module."""
    candidate = root.parent.joinpath(*imp.target.split("."), name)
    if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
        return f"{imp.target}.{name}"
    return None


def edges(root: Path) -> list[tuple[Import, str]]:
    """Every import of wartally's own code, with the module it reaches (a
    from-import of a submodule reaches the submodule)."""
    out = []
    for path in sorted(root.rglob("*.py")):
        for imp in imports_of(path, root):
            targets = [t for t in (_submodule(imp, n, root) for n in imp.names) if t] or [imp.target]
            out.extend((imp, t) for t in targets)
    return out


def upward_imports(root: Path) -> list[str]:
    bad = []
    for imp, target in edges(root):
        a, b = component(imp.source), component(target)
        if a not in RANK or b not in RANK:
            bad.append(f"{imp.source}:{imp.line} imports {target}: {a if a not in RANK else b!r} is in no layer")
        elif RANK[b] > RANK[a]:
            bad.append(f"{imp.source}:{imp.line} imports {target}, a layer above")
    return bad


def package_cycles(root: Path) -> list[str]:
    graph: dict[str, set[str]] = {}
    for imp, target in edges(root):
        a, b = component(imp.source), component(target)
        if a != b:
            graph.setdefault(a, set()).add(b)
    cycles = []
    for start in sorted(graph):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    cycles.append(" -> ".join(path + [start]))
                elif nxt not in path and nxt > start:  # each loop once, from its smallest member
                    stack.append((nxt, path + [nxt]))
    return cycles


def private_imports(root: Path) -> list[str]:
    bad = []
    for imp, target in edges(root):
        if component(imp.source) == component(target) or imp.source.split(".")[:2] == target.split(".")[:2]:
            continue
        private = [n for n in (*imp.names, *target.split(".")) if n.startswith("_") and not n.startswith("__")]
        if private:
            bad.append(f"{imp.source}:{imp.line} imports {', '.join(private)} from {imp.target}")
    return bad


def guarded_imports(root: Path) -> list[str]:
    """Imports of wartally's own code inside ``try``, and ``except
    ImportError`` around anything but an optional extra (or that does not
    raise)."""
    bad = [f"{imp.source}:{imp.line} imports {imp.target} inside try" for imp, _ in edges(root) if imp.in_try]
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            for handler in node.handlers:
                caught = {n.id for n in ast.walk(handler.type) if isinstance(n, ast.Name)} if handler.type else set()
                if not caught & IMPORT_ERRORS:
                    continue
                guarded = {a.name.split(".")[0] for n in node.body for s in ast.walk(n)
                           if isinstance(s, ast.Import) for a in s.names}
                guarded |= {(s.module or "").split(".")[0] for n in node.body for s in ast.walk(n)
                            if isinstance(s, ast.ImportFrom)}
                where = f"{module_name(path, root)}:{handler.lineno}"
                if not guarded or not guarded <= OPTIONAL_EXTRAS:
                    bad.append(f"{where}: except ImportError around {sorted(guarded) or 'no import'}")
                elif not any(isinstance(s, ast.Raise) for s in ast.walk(handler)):
                    bad.append(f"{where}: a missing {sorted(guarded)} is passed over instead of raised")
    return bad


def local_imports(root: Path) -> list[str]:
    return [f"{imp.source}:{imp.line} imports {imp.target} inside a function"
            for imp, _ in edges(root)
            if imp.in_function and imp.source.rsplit(".", 1)[-1] not in CLI_MODULES]


CHECKS = {
    "upward": upward_imports,
    "cycle": package_cycles,
    "private": private_imports,
    "guarded": guarded_imports,
    "local": local_imports,
}


@pytest.mark.parametrize("check", CHECKS)
def test_architecture_src_has_no_breach(check):
    found = CHECKS[check](SRC)
    assert not found, f"{check} imports break docs/architecture.md:\n" + "\n".join(found)


def test_architecture_every_component_has_a_layer():
    components = {component(module_name(p, SRC)) for p in SRC.rglob("*.py")}
    assert components <= set(RANK), f"not in any layer of LAYERS (and docs/architecture.md): {components - set(RANK)}"


# made-up trees: file -> source; each holds one breach the check must find
BREACHES = [
    ("upward", {"link/unit.py": "from wartally.pipeline import process_document\n"}, "a layer above"),
    ("upward", {"extract/__init__.py": "def f():\n    from wartally.api import extract\n"}, "a layer above"),
    ("cycle", {"store/ingestion.py": "from wartally.engines.local import run\n",
               "engines/local.py": "from wartally.store import Store\n"}, "engines -> store -> engines"),
    ("private", {"engines/reading.py": "from wartally.ingest.reader import _read_file\n"}, "_read_file"),
    ("guarded", {"link/evaluate.py": "try:\n    from wartally.extract import x\nexcept ImportError:\n    x = None\n"},
     "inside try"),
    ("guarded", {"report/pdf.py": "try:\n    import playwright\nexcept ImportError:\n    playwright = None\n"},
     "passed over"),
    ("guarded", {"geo/names.py": "try:\n    import shapely\nexcept ImportError:\n    raise SystemExit(1)\n"},
     "around ['shapely']"),
    ("local", {"eval/runner.py": "def run():\n    from wartally.extract import x\n"}, "inside a function"),
]


@pytest.mark.parametrize(("check", "files", "message"), BREACHES)
def test_architecture_check_finds_breach(tmp_path, check, files, message):
    root = tmp_path / "wartally"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
        (path.parent / "__init__.py").touch()
    (root / "__init__.py").touch()
    found = CHECKS[check](root)
    assert any(message in line for line in found), found


def test_architecture_allows_extras_behind_try_and_cli_handlers(tmp_path):
    root = tmp_path / "wartally"
    (root / "engines").mkdir(parents=True)
    (root / "__init__.py").touch()
    (root / "engines" / "__init__.py").touch()
    (root / "engines" / "spark.py").write_text(
        "try:\n    import pyspark\nexcept ImportError:\n    raise RuntimeError(\"pip install 'wartally[spark]'\")\n")
    (root / "engines" / "commands.py").write_text("def run(args):\n    from wartally.engines.spark import go\n")
    assert {name: check(root) for name, check in CHECKS.items()} == {name: [] for name in CHECKS}
