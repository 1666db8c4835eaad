"""Writes the hostile input files beside this script (run it again after
changing it; the files are committed).  Each is something a crawler, an
export or an attacker really produces; EXPECTED.json says what reading it
must give.

    .venv/bin/python tests/data/hostile/make_hostile.py
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD = "Airstrikes killed 12 civilians in Ariha on Monday, the Syrian Observatory for Human Rights said."


def page(n: int, extra: str = "") -> bytes:
    paras = "".join(f"<p>{GOOD.replace('12', str(n))} Rescue workers searched the rubble for hours.</p>" for _ in range(3))
    return f"<!DOCTYPE html><html><head><title>Report {n}</title></head><body>{extra}<article>{paras}</article></body></html>".encode()


def warc(gz: bool) -> tuple[bytes, list[int]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    ends = []
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://news.example/{i}", "response", payload=io.BytesIO(page(10 + i)),
                                           http_headers=headers,
                                           warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-00000000000{i}>",
                                                              "WARC-Date": "2019-06-04T00:00:00Z"})
        writer.write_record(record)
        ends.append(out.tell())
    return out.getvalue(), ends


def jsonl(*rows) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in rows)


def files() -> dict[str, bytes]:
    gz, gz_ends = warc(True)
    plain, plain_ends = warc(False)
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(8))
    return {
        "truncated.warc.gz": gz[: gz_ends[0] + 200],
        "truncated.warc": plain[: plain_ends[0] + 500],
        "header-cut.warc": plain[: plain_ends[0] + 60],
        "script-title.html": page(5, '<h1><script>document.write("Shelling killed 777 people in Homs")</script></h1>'
                                     '<noscript>Barrel bombs killed 888 people</noscript>'
                                     '<template><p>Clashes killed 999 fighters</p></template>'),
        "utf16-no-bom.txt": (GOOD + "\n").encode("utf-16-le"),
        "program.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(200),
        "dup-ids.jsonl": jsonl({"id": "a", "text": GOOD, "published": "2019-06-04"},
                               {"id": "a", "text": GOOD.replace("12", "40"), "published": "2019-06-04"}),
        "nested.jsonl": jsonl(b"[" * 50_000 + b"]" * 50_000, {"id": "after-nesting", "text": GOOD, "published": "2019-06-04"}),
        "surrogates.jsonl": jsonl(b'{"id": "s\\ud800", "text": "' + GOOD.encode() + b' \\udfff", "published": "2019-06-04"}'),
        "bad-dates.jsonl": jsonl({"id": "d1", "text": GOOD, "published": "0001-01-01"},
                                 {"id": "d2", "text": GOOD, "published": "2019-06-04garbage"},
                                 {"id": "d3", "text": GOOD, "published": 20190604},
                                 {"id": "d4", "text": GOOD, "published": "2019-06-04"}),
        "nul-line.jsonl": jsonl({"id": "n1", "text": GOOD}, b"\x00" * 40, {"id": "n2", "text": GOOD}),
        "surrogate-entity.rss": (f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title><item>"
                                 f"<title>T</title><description>&#xD800; {GOOD}</description></item></channel></rss>").encode(),
        "laughs.rss": (f"<?xml version='1.0'?><!DOCTYPE rss [{laughs}]><rss version='2.0'><channel><title>W</title>"
                       f"<item><title>&l7;</title><description>{GOOD}</description></item></channel></rss>").encode(),
        "line-breaks.txt": (GOOD + "\r" + GOOD.replace("12", "13") + "\u2028" + GOOD.replace("12", "14") + "\x85").encode(),
        "bomb.jsonl.gz": gzip.compress(b'{"id": "big", "text": "' + b"a" * (21 * 1024 * 1024) + b'"}\n'
                                       + jsonl({"id": "after-bomb", "text": GOOD}), 9),
    }


if __name__ == "__main__":
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
