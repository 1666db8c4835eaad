"""Cut tests/data/sample from ../shared: FA-KES dev articles of the gold,
the golden files and the link pairs, with their gold and labels; every
eighth Wikipedia incident with its totals.  Run from the repository root."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
HERE = Path(__file__).resolve().parent


def ids_of(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()]


def copy(name: str, keep: set[str]) -> None:
    lines = [line for line in (SHARED / name).open(encoding="utf-8") if line.strip() and json.loads(line)["id"] in keep]
    (HERE / name).write_text("".join(line if line.endswith("\n") else line + "\n" for line in lines), encoding="utf-8")


fakes = set(ids_of(SHARED / "gold" / "fakes-dev.gold.jsonl"))
fakes |= {p.stem for p in (ROOT / "tests" / "golden").glob("fakes-*.json")}
for pairs in (ROOT / "tests" / "data").glob("link_pairs*.jsonl"):
    for line in pairs.open(encoding="utf-8"):
        if line.strip():
            pair = json.loads(line)
            fakes |= {pair["a"]["doc"], pair["b"]["doc"]}
wiki = set(ids_of(SHARED / "corpus" / "wiki-incidents.jsonl")[::8])
for name in ("corpus/fakes-dev.jsonl", "gold/fakes-dev.gold.jsonl", "gold/fakes-dev.labels.jsonl"):
    copy(name, fakes)
for name in ("corpus/wiki-incidents.jsonl", "gold/wiki-incidents.labels.jsonl"):
    copy(name, wiki)
