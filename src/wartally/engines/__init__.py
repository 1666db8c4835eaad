"""Engines: runners of the same stage functions (read → clean → extract →
geocode) over many documents.

- ``wartally.engines.local.process_documents(docs, workers=N)``: this process
  or N worker processes, results in input order.
- ``wartally.engines.spark.ingest_to_parquet(inputs, out, master=...)``: Spark
  executors, Parquet output partitioned by publication month (needs the
  ``spark`` extra).
- ``wartally.engines.loading.load_parquet(out, db)``: that output into the
  DuckDB store (``wartally load``).
"""
