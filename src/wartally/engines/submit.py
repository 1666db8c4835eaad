"""The driver program for ``spark-submit`` on a cluster (see docs/spark.md).

    spark-submit --master yarn ... "$(python -c 'import wartally.engines.submit as m; print(m.__file__)')" \\
        ingest hdfs:///news/2019/ --out hdfs:///wartally/2019
    spark-submit ... submit.py link --out hdfs:///wartally/2019

The master, executors and memory come from spark-submit; this program only
calls ``ingest_to_parquet`` or ``link_parquet`` with the session it set up.
Exit 0 when all went well, 1 when some documents failed, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys

from wartally.engines.spark import ingest_to_parquet, link_parquet


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="wartally-submit", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="inputs to Parquet (documents, figures, problems)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or globs on any file system Spark reads")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--partitions", type=int, metavar="N", help="document partitions (default: 4 per core)")
    p.add_argument("--published", metavar="DATE", help="publication date for inputs that give none")
    p = sub.add_parser("link", help="link the figures under DIR into events")
    p.add_argument("--out", required=True, metavar="DIR")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName(f"wartally {args.command}").getOrCreate()
    try:
        if args.command == "ingest":
            counts = ingest_to_parquet(args.inputs, args.out, spark=spark, partitions=args.partitions,
                                       published=args.published)
        else:
            counts = link_parquet(args.out, spark=spark)
    finally:
        spark.stop()
    print(json.dumps(counts))
    return 1 if counts.get("problems") else 0


if __name__ == "__main__":
    sys.exit(main())
