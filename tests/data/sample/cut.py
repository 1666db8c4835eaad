"""Cut tests/data/sample from ../shared: the whole of FA-KES dev (394
articles, CC BY 4.0) with its gold and labels; every eighth Wikipedia
incident with its totals; the gold guide (gold/GUIDE.md, this project's
own); and the seeds' figures without their quotes
(tests/data/seeds.figures.jsonl).

    python tests/data/sample/cut.py [OUT]

writes into OUT (a folder holding ``sample/`` and ``seeds.figures.jsonl``),
by default tests/data; tests/test_shared_copies.py checks the shipped copies
against a fresh cut when ../shared is present."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
HERE = Path(sys.argv[1]) / "sample" if len(sys.argv) > 1 else Path(__file__).resolve().parent


def ids_of(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()]


def copy(name: str, keep: set[str]) -> None:
    (HERE / name).parent.mkdir(parents=True, exist_ok=True)
    lines = [line for line in (SHARED / name).open(encoding="utf-8") if line.strip() and json.loads(line)["id"] in keep]
    (HERE / name).write_text("".join(line if line.endswith("\n") else line + "\n" for line in lines), encoding="utf-8")


# every FA-KES dev article: the tests over "the whole dev set" (disagreement
# labels, provenance of every span, the end-to-end disagreements) then run
# in any clone, on the very data ../shared holds
fakes = set(ids_of(SHARED / "corpus" / "fakes-dev.jsonl"))
wiki = set(ids_of(SHARED / "corpus" / "wiki-incidents.jsonl")[::8])
for name in ("corpus/fakes-dev.jsonl", "gold/fakes-dev.gold.jsonl", "gold/fakes-dev.labels.jsonl"):
    copy(name, fakes)
for name in ("corpus/wiki-incidents.jsonl", "gold/wiki-incidents.labels.jsonl"):
    copy(name, wiki)
# the annotation guide is this project's own text (CC BY 4.0, as its gold)
(HERE / "gold" / "GUIDE.md").write_bytes((SHARED / "gold" / "GUIDE.md").read_bytes())

# The seed articles are quoted for research use only, so neither their text
# nor the gold's quotes of it are shipped: only this project's annotation of
# their figures (the scoring tests' perturbations are of these).
with (HERE.parent / "seeds.figures.jsonl").open("w", encoding="utf-8") as out:
    for line in (SHARED / "gold" / "seeds.gold.jsonl").open(encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            row["figures"] = [{k: v for k, v in f.items() if k != "quote"} for f in row["figures"]]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
