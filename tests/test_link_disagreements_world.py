"""The disagreements over the corpora the FA-KES labels do not cover
(world-dev, wiki-incidents, the seeds): tests/data/disagreements_world_labels.jsonl
quotes world-dev and the seeds, which cannot be shipped, so the whole module
needs ../shared."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wartally.eval.disagreements import label_key, read_labels

from conftest import need_shared

SHARED = need_shared("world-dev, wiki-incidents and the seeds, which the world disagreement labels quote", module=True)
MIN_PRECISION = 0.90
MIN_RECALL = 0.95
# Not tuned on: every pair of tallies of one outcome, victims and area that
# the extractor gives over the corpora the FA-KES labels do not cover
# (world-dev, wiki-incidents, seeds; 36 pairs), read one by one: none is a
# disagreement (growth, subsets, the two sides' dead, other periods).  First
# run: 1 row, false (the Armenian side's 6 soldiers against Baku's 12
# Azerbaijani soldiers), precision 0.00; it led to the rule that two
# belligerents' sources count their own soldiers (disagreement._own_losses).
WORLD_LABELS = Path(__file__).parent / "data" / "disagreements_world_labels.jsonl"
WORLD_CORPORA = ("world-dev.jsonl", "wiki-incidents.jsonl", "seeds.jsonl")


def test_world_labels_are_real_sentences_each_with_a_reason():
    docs = {}
    for name in WORLD_CORPORA:
        with open(SHARED / "corpus" / name, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs[d["id"]] = " ".join(d["text"].split())
    labels = read_labels(WORLD_LABELS)
    assert len(labels) >= 30
    keys = [label_key(lab) for lab in labels]
    assert len(set(keys)) == len(keys)
    for lab in labels:
        assert lab["why"].strip()
        for side in ("a", "b"):
            assert str(lab[side]["n"]) in lab[side]["quote"].replace(",", "") or lab[side]["n"] < 100
            assert lab[side]["quote"] in docs[lab[side]["doc"]], (lab[side]["doc"], lab[side]["quote"])


@pytest.mark.slow
def test_disagreements_meet_their_pins_on_world_news(output_dir, capsys):
    """``wartally eval --disagreements`` over the corpora the FA-KES labels
    do not cover: no false row, no pair shown twice."""
    from wartally.cli import main

    docs = [a for name in WORLD_CORPORA for a in ("--docs", str(SHARED / "corpus" / name))]
    code = main(["eval", "--disagreements", str(WORLD_LABELS), *docs, "--json"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)["disagreements"]
    (output_dir / "disagreements_world_scored.json").write_text(json.dumps(result, indent=1))
    assert result["repeated_pairs"] == 0
    assert result["false"] == 0 and result["unlabelled"] == 0, result["not_true"]
    assert result["precision"] >= MIN_PRECISION and result["recall"] >= MIN_RECALL, result
