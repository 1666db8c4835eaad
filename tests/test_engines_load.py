"""``wartally load``: an engine's Parquet output into the store (Parquet
written here with pyarrow in the Spark engine's layout, so no JVM needed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from wartally.cli import main
from wartally.engines import local, rows
from wartally.errors import Problem


def arrow_type(name: str):
    import pyarrow as pa

    return {"string": pa.string(), "bigint": pa.int64(), "int": pa.int32(), "double": pa.float64(),
            "date": pa.date32()}[name]


def write_partitioned(folder: Path, types: dict[str, str], data: list[tuple]) -> None:
    """Rows (with published_month last) as Hive-partitioned Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, arrow_type(t)) for c, t in types.items()])
    by_month: dict[str, list[tuple]] = {}
    for row in data:
        by_month.setdefault(row[-1], []).append(row[:-1])
    for month, part in by_month.items():
        target = folder / f"{rows.PARTITION}={month}"
        target.mkdir(parents=True)
        table = pa.Table.from_pylist([dict(zip(types, r)) for r in part], schema=schema)
        pq.write_table(table, target / "part-00000.parquet")


@pytest.fixture(scope="module")
def seeds_output(shared, tmp_path_factory):
    """The seeds through the local engine, written as the Spark engine writes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wartally.ingest import read_documents

    out = tmp_path_factory.mktemp("seeds-parquet")
    docs, figs = [], []
    for r in local.process_documents(read_documents([shared / "corpus" / "seeds.jsonl"])):
        assert not isinstance(r, Problem), r
        docs.append(rows.document_row(r[0]))
        figs.extend(rows.figure_row(r[0], f) for f in r[1])
    write_partitioned(out / "documents", rows.DOCUMENT_TYPES, docs)
    write_partitioned(out / "figures", rows.FIGURE_TYPES, figs)
    (out / "problems").mkdir()
    problem = rows.problem_row(Problem("/data/in.jsonl:3", "json", "invalid JSON: Expecting value (column 1)"))
    pq.write_table(pa.Table.from_pylist([dict(zip(rows.PROBLEM_TYPES, problem))]), out / "problems" / "part-0.parquet")
    return out, len(docs), len(figs)


def test_load_brings_documents_and_figures_into_the_store(seeds_output, tmp_path, capsys):
    from wartally.store import Store

    out, n_docs, n_figs = seeds_output
    assert n_figs > 0
    db = tmp_path / "w.duckdb"
    assert main(["load", str(out), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "/data/in.jsonl:3: json: invalid JSON" in err
    assert f"loaded {n_docs} documents ({n_docs} new or changed) and {n_figs} figures" in err
    with Store(db, read_only=True) as store:
        counts = store.counts()
        figures = store.read_figures()
    assert counts["documents"] == n_docs and counts["figures"] == n_figs
    expected = sorted((rows.figure_of(dict(zip(rows.FIGURE_COLUMNS, r))) for r in _figure_rows(out)),
                      key=lambda f: f.id)
    assert sorted(figures, key=lambda f: f.id) == expected


def _figure_rows(out: Path) -> list[tuple]:
    import duckdb

    with duckdb.connect() as con:
        cols = ", ".join(f'"{c}"' for c in rows.FIGURE_COLUMNS)
        return con.execute(f"SELECT {cols} FROM read_parquet(?, hive_partitioning = true)",
                           [str(out / "figures" / "**" / "*.parquet")]).fetchall()


def test_load_twice_changes_nothing(seeds_output, tmp_path, capsys):
    out, n_docs, _ = seeds_output
    db = tmp_path / "w.duckdb"
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert f"loaded {n_docs} documents (0 new or changed)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["load", "{tmp}/nowhere"], 1, "no documents/ folder here"),
        (["load", "{tmp}", "--batch-size", "0"], 2, "--batch-size must be at least 1"),
    ],
)
def test_load_refuses_bad_input_with_a_clear_error(argv, code, message, tmp_path, capsys):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--db", str(tmp_path / "w.duckdb")]
    assert main(argv) == code
    assert message in capsys.readouterr().err


def test_load_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["load", "--help"])
    assert "wartally load parquet/ --db" in capsys.readouterr().out


def test_load_links_what_the_engine_did_not(seeds_output, tmp_path, capsys):
    """`ingest --engine spark ... && load DIR` (the README's one-liner) gives
    a store with events, as `wartally ingest` does; --no-link says loudly it
    did not link."""
    from wartally.store import Store

    out, n_docs, _ = seeds_output
    db = tmp_path / "w.duckdb"
    assert main(["load", str(out), "--db", str(db)]) == 0
    with Store(db, read_only=True) as store:
        events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert events > 0
    assert f"; {events} events (linked here);" in capsys.readouterr().err
    bare = tmp_path / "bare.duckdb"
    assert main(["load", str(out), "--db", str(bare), "--no-link"]) == 0
    assert "NOT LINKED: no events (run `wartally link --db DB`)" in capsys.readouterr().err
    with Store(bare, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
