"""The Spark engine against the local engine, on a real local[2] session, over
125 FA-KES articles of the sample (tests/data/sample; the ``fakes_cut``
fixture) and the articles fixture."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

from wartally.errors import Problem
from wartally.records import Document

ROOT = Path(__file__).resolve().parent.parent


def read_parquet(folder: Path) -> list[dict]:
    import duckdb

    with duckdb.connect() as con:
        cur = con.execute("SELECT * FROM read_parquet(?, hive_partitioning = true)", [str(folder / "**" / "*.parquet")])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


def local_results(paths: list[Path]):
    from wartally.engines.local import process_documents
    from wartally.ingest import read_documents

    docs, figures, problems = [], [], []
    for r in process_documents(read_documents(paths)):
        if isinstance(r, Problem):
            problems.append(r)
        else:
            docs.append(r[0])
            figures.extend(f.to_json() for f in r[1])
    return docs, figures, problems


def sort_key(d: dict) -> str:
    return json.dumps(d, sort_keys=True)


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark")
    from wartally.engines.spark import session

    spark = session("local[2]", conf={"spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "4"})
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def fakes_run(spark, fakes_cut, tmp_path_factory):
    from wartally.engines.spark import ingest_to_parquet

    out = tmp_path_factory.mktemp("spark-fakes")
    counts = ingest_to_parquet([str(fakes_cut)], str(out), spark=spark, partitions=6)
    return out, counts


@pytest.mark.slow
def test_spark_engine_gives_the_local_engines_figures_for_fakes_dev(fakes_run, fakes_cut):
    from wartally.engines import rows

    out, counts = fakes_run
    docs, local_figures, problems = local_results([fakes_cut])
    assert local_figures, "the local engine found no figures in fakes-dev: is the extractor there?"

    figure_rows = read_parquet(out / "figures")
    spark_figures = [rows.figure_of(r).to_json() for r in figure_rows]
    assert sorted(spark_figures, key=sort_key) == sorted(local_figures, key=sort_key)

    spark_docs = {r["id"]: rows.document_of(r) for r in read_parquet(out / "documents")}
    assert spark_docs == {d.id: d for d in docs}
    assert counts == {"documents": len(docs), "figures": len(local_figures), "problems": len(problems)}


@pytest.mark.slow
def test_spark_engine_partitions_output_by_publication_month(fakes_run):
    out, _ = fakes_run
    months = sorted(p.name for p in (out / "documents").iterdir() if p.is_dir())
    assert "published_month=2016-07" in months
    assert all(m.startswith("published_month=") for m in months)
    doc_month = {r["id"]: r["published_month"] for r in read_parquet(out / "documents")}
    for r in read_parquet(out / "figures"):
        assert r["published_month"] == doc_month[r["doc_id"]]
    first = read_parquet(out / "documents" / "published_month=2016-07")
    assert first and all(str(r["published"]).startswith("2016-07") for r in first)


@pytest.mark.slow
def test_spark_engine_reports_a_malformed_record_and_goes_on(spark, sample, tmp_path):
    from wartally.engines.loading import read_problems
    from wartally.engines.spark import ingest_to_parquet

    lines = (sample / "corpus" / "fakes-dev.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    lines[16] = '{"id": "broken-1", "text": "Two civilians were killed in Idlib", "published": '  # cut short
    lines[29] = json.dumps({"id": "no-text", "published": "2016-01-02"})
    data = tmp_path / "in"
    data.mkdir()
    (data / "part-a.jsonl").write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
    (data / "part-b.jsonl").write_text("\n".join(lines[25:]) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    absent = tmp_path / "absent.jsonl"
    counts = ingest_to_parquet([str(data), str(absent)], str(out), spark=spark, partitions=4)

    problems = read_problems(out)
    where = {p.where: p for p in problems}
    assert where[str(absent)].code == "missing"
    assert f"{data / 'part-a.jsonl'}:17" in where, problems
    assert f"{data / 'part-b.jsonl'}:5" in where, problems
    assert where[f"{data / 'part-a.jsonl'}:17"].reason
    assert counts["documents"] == 38 and counts["problems"] == 3
    assert len(read_parquet(out / "documents")) == 38


def write_warc(path: Path, url: str, page: bytes) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(page), http_headers=headers))


@pytest.mark.slow
def test_spark_engine_reads_text_html_and_warc_as_the_local_readers_do(spark, articles, tmp_path):
    from wartally.engines import rows
    from wartally.engines.spark import ingest_to_parquet

    data = tmp_path / "mixed"
    (data / "texts").mkdir(parents=True)
    seeds = sorted((articles / "corpus" / "articles").glob("*.txt"))[:2]
    for seed in seeds:
        shutil.copy(seed, data / "texts" / seed.name)
    (data / "texts" / "published.tsv").write_text(f"{seeds[0].name}\t2019-05-31\n", encoding="utf-8")
    article = seeds[1].read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>\n" for p in article.split("\n\n") if p.strip())
    page = (f"<html><head><title>Idlib</title></head><body><nav>Home | News</nav>"
            f"<article><h1>Idlib</h1>{paragraphs}</article><footer>Contact us</footer></body></html>").encode()
    (data / "page.html").write_bytes(page)
    write_warc(data / "crawl.warc.gz", "https://example.org/idlib", page)
    (data / ".hidden.txt").write_text("Ten civilians were killed.", encoding="utf-8")

    out = tmp_path / "out"
    ingest_to_parquet([str(data)], str(out), spark=spark, partitions=3)
    docs, _, problems = local_results([data])
    assert len(docs) >= 4
    spark_docs = {r["id"]: rows.document_of(r) for r in read_parquet(out / "documents")}
    assert spark_docs == {d.id: d for d in docs}
    assert any(d.published and d.published.isoformat() == "2019-05-31" for d in spark_docs.values())


@pytest.mark.slow
def test_spark_link_gives_the_link_stages_own_events(fakes_run, spark):
    from wartally.engines.linking import read_records
    from wartally.engines.spark import link_parquet
    from wartally.link import link_figures

    out, _ = fakes_run
    counts = link_parquet(str(out), spark=spark)
    figures, documents = read_records(spark, str(out))
    expected = link_figures(figures, documents)  # DuckDB, in this process
    assert counts == {"figures": len(figures), "events": len(expected.events), "links": len(expected.links),
                      "disagreements": len(expected.disagreements)}
    assert any(len(e.doc_ids) > 1 for e in expected.events), "no event from several documents: nothing to compare"
    assert sorted(r["id"] for r in read_parquet(out / "events")) == sorted(e.id for e in expected.events)
    links = sorted((r["figure_a"], r["figure_b"]) for r in read_parquet(out / "links"))
    assert links == sorted((x.figure_a, x.figure_b) for x in expected.links)


@pytest.mark.slow
def test_spark_output_loads_into_the_store_once(fakes_run, tmp_path):
    from wartally.cli import main
    from wartally.engines import rows
    from wartally.store import Store

    out, counts = fakes_run
    db = tmp_path / "w.duckdb"
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert main(["load", str(out), "--db", str(db)]) == 0  # a second load changes nothing
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == counts["documents"]
        if (out / "events").is_dir():  # linked by the test before
            assert store.counts()["events"] == len(read_parquet(out / "events"))
            assert store.figure_kinds()
        stored = sorted((f.to_json() for f in store.read_figures()), key=sort_key)
    parquet = sorted((rows.figure_of(r).to_json() for r in read_parquet(out / "figures")), key=sort_key)
    assert stored == parquet


BLOCK_PYSPARK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError("No module named 'pyspark' (blocked)")
sys.meta_path.insert(0, Block())
from wartally.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "command",
    [["ingest", "--engine", "spark", "--out", "OUT", "IN"], ["link", "--engine", "spark", "--out", "OUT"]],
)
def test_spark_engine_without_pyspark_fails_with_one_line_install_hint(command, articles, tmp_path):
    argv = [str(tmp_path / "out") if a == "OUT" else str(articles / "corpus" / "articles.jsonl") if a == "IN" else a
            for a in command]
    argv += ["--db", str(tmp_path / "w.duckdb")]
    done = subprocess.run([sys.executable, "-c", BLOCK_PYSPARK, *argv], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "pip install 'wartally[spark]'" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_spark_engine_records_the_local_engines_origin_through_a_symlink(spark, tmp_path):
    from wartally.engines.spark import ingest_to_parquet
    from wartally.ingest import read_documents

    real = tmp_path / "real"
    real.mkdir()
    (real / "docs.jsonl").write_text(json.dumps({
        "id": "s1", "published": "2019-06-03",
        "text": "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."}) + "\n")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    path = tmp_path / "linked" / "docs.jsonl"
    [local] = [d for d in read_documents([path]) if isinstance(d, Document)]
    ingest_to_parquet([str(path)], str(tmp_path / "out"), spark=spark, partitions=1)
    [row] = read_parquet(tmp_path / "out" / "documents")
    assert local.origin == f"{path}:1" == row["origin"]
