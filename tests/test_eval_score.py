"""Scoring as the gold guide defines it: gold against itself scores 1.0, and
crafted changes to the predictions give exactly the expected numbers."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from wartally.eval.score import (
    FIELDS,
    incident_totals,
    merge_predictions,
    score_document,
    score_figures,
    score_incidents,
    score_labels,
)


def as_predictions(doc: str, gold: list[dict]) -> list[dict]:
    """Gold figures in the extractor's output shape: ``doc``, ``id``, and
    ``part_of`` holding the parent's id instead of its index."""
    preds = []
    for i, fig in enumerate(gold):
        p = {**copy.deepcopy(fig), "doc": doc, "id": f"{doc}#{i}"}
        if fig.get("part_of") is not None:
            p["part_of"] = f"{doc}#{fig['part_of']}"
        preds.append(p)
    return preds


# ../shared/gold/seeds.gold.jsonl without its quotes of the seed articles
# (which may not be shipped); scoring reads no quote (tests/test_shared_copies.py
# keeps the copy equal to ../shared)
SEEDS_FIGURES = Path(__file__).parent / "data" / "seeds.figures.jsonl"


@pytest.fixture(scope="module")
def seeds_gold() -> dict[str, list[dict]]:
    with open(SEEDS_FIGURES, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {r["id"]: r["figures"] for r in rows}


def field_totals(gold: dict[str, list[dict]]) -> dict[str, int]:
    totals = dict.fromkeys(FIELDS, 0)
    for figs in gold.values():
        for f in figs:
            for name in FIELDS:
                present = bool(f.get("start") or f.get("end")) if name == "dates" else f.get(name) not in (None, "")
                totals[name] += present
    return totals


@pytest.mark.parametrize("gold_file", ["seeds", "fakes-dev.gold.jsonl"])
def test_score_gold_against_itself_is_perfect(gold_root, gold_file):
    path = SEEDS_FIGURES if gold_file == "seeds" else gold_root / "gold" / gold_file
    with open(path, encoding="utf-8") as f:
        gold = {r["id"]: r["figures"] for r in map(json.loads, f)}
    preds = {doc: as_predictions(doc, figs) for doc, figs in gold.items()}
    s = score_figures(gold, preds)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert s.fp == 0 and s.fn == 0 and s.tp == sum(map(len, gold.values()))
    totals = field_totals(gold)
    for name in FIELDS:
        assert s.fields[name] == (totals[name], totals[name]), name
        assert s.accuracy(name) == (1.0 if totals[name] else None)


def _shift(day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


# (what, document index in seeds, figure index, change to the prediction,
#  expected (tp, fp, fn), fields expected wrong (name → how many))
PERTURBATIONS = [
    ("wrong n", 0, 0, {"n": 999}, (37, 1, 1), {}),
    ("wrong victims", 4, 2, {"victims": "people"}, (37, 1, 1), {}),
    # its child "2 children injured" now names a parent that is not gold's
    ("wrong outcome of a parent", 4, 3, {"outcome": "killed"}, (37, 1, 1), {"part_of": 1}),
    ("wrong qualifier", 0, 8, {"qualifier": "exact"}, (38, 0, 0), {"qualifier": 1}),
    ("transliterated place", 3, 1, {"place": "Maaret al-Numan"}, (38, 0, 0), {}),
    ("place spelt with article and case", 4, 2, {"place": "qal'at al madiq"}, (38, 0, 0), {}),
    ("wrong place", 4, 8, {"place": "Hasakah"}, (38, 0, 0), {"place": 1}),
    ("no place", 2, 6, {"place": None}, (38, 0, 0), {"place": 1}),
    ("place right in the mention only", 2, 6, {"place": "Idlib", "place_mention": "Mhambel"}, (38, 0, 0), {}),
    ("admin1 as OCHA P-code only", 4, 6, {"admin1": None, "admin1_pcode": "SY05"}, (38, 0, 0), {}),
    ("OCHA admin1 Idleb", 0, 2, {"admin1": "Idleb"}, (38, 0, 0), {}),
    ("OCHA admin1 Al-Hasakeh", 4, 8, {"admin1": "Al-Hasakeh"}, (38, 0, 0), {}),
    ("admin1 with Governorate", 4, 6, {"admin1": "Hama Governorate"}, (38, 0, 0), {}),
    ("wrong admin1", 4, 6, {"admin1": "Homs"}, (38, 0, 0), {"admin1": 1}),
    ("country", 1, 7, {"country": "syria"}, (38, 0, 0), {}),
    ("wrong country", 1, 7, {"country": "Iraq"}, (38, 0, 0), {"country": 1}),
    ("source containing gold's", 0, 0, {"source": "SOHR monitor"}, (38, 0, 0), {}),
    ("source with case, hyphen, apostrophe", 4, 0, {"source": "Local-Activists'"}, (38, 0, 0), {}),
    ("wrong source", 0, 1, {"source": "SNHR"}, (38, 0, 0), {"source": 1}),
    ("no source", 0, 1, {"source": None}, (38, 0, 0), {"source": 1}),
    ("start off by tolerance 1", 4, 0, {"start": "2018-09-09"}, (38, 0, 0), {}),
    ("start off by tolerance 1 + 1", 4, 0, {"start": "2018-09-10"}, (38, 0, 0), {"dates": 1}),
    ("end off by tolerance 3", 0, 0, {"end": "2019-06-03"}, (38, 0, 0), {}),
    ("end off by tolerance 3 + 1", 0, 0, {"end": "2019-06-04"}, (38, 0, 0), {"dates": 1}),
    ("start unknown", 3, 0, {"start": None}, (38, 0, 0), {"dates": 1}),
    ("actors in other order", 0, 2, {"actor": "Russia; Syrian government"}, (38, 0, 0), {}),
    ("an extra actor", 0, 2, {"actor": "Syrian government; Russia; Iran"}, (38, 0, 0), {}),
    ("missing actor", 0, 2, {"actor": "Syrian government"}, (38, 0, 0), {"actor": 1}),
    ("actor as a list", 2, 0, {"actor": ["Syrian government", "Russia"]}, (38, 0, 0), {}),
    ("weapon spelt differently", 4, 0, {"weapon": "Air-strikes"}, (38, 0, 0), {}),
    ("part_of another figure", 0, 3, {"part_of": "000_a6a927aab3e952b0.txt#1"}, (38, 0, 0), {"part_of": 1}),
    ("part_of missing", 0, 5, {"part_of": None}, (38, 0, 0), {"part_of": 1}),
    ("part_of an unknown id", 4, 1, {"part_of": "nowhere"}, (38, 0, 0), {"part_of": 1}),
    ("part_of where gold has none", 0, 1, {"part_of": "000_a6a927aab3e952b0.txt#0"}, (38, 0, 0), {}),
]


@pytest.mark.parametrize("what,d,i,change,counts,wrong", PERTURBATIONS, ids=[p[0] for p in PERTURBATIONS])
def test_score_perturbation_gives_expected_numbers(seeds_gold, what, d, i, change, counts, wrong):
    doc = list(seeds_gold)[d]
    preds = {k: as_predictions(k, v) for k, v in seeds_gold.items()}
    preds[doc][i].update(change)
    s = score_figures(seeds_gold, preds)
    assert (s.tp, s.fp, s.fn) == counts
    tp, fp, fn = counts
    assert s.precision == pytest.approx(tp / (tp + fp))
    assert s.recall == pytest.approx(tp / (tp + fn))
    totals = field_totals(seeds_gold)
    for name in FIELDS:
        right, scored = s.fields[name]
        # a figure that no longer matches takes its fields out of scoring
        if counts != (38, 0, 0):
            lost = name == "dates" or seeds_gold[doc][i].get(name) not in (None, "")
            assert scored == totals[name] - lost, name
            assert right == scored - wrong.get(name, 0), name
        else:
            assert scored == totals[name], name
            assert right == scored - wrong.get(name, 0), name


def test_score_weapon_wrong_counts_once(gold_root):
    with open(gold_root / "gold" / "fakes-dev.gold.jsonl", encoding="utf-8") as f:
        gold = {r["id"]: r["figures"] for r in map(json.loads, f)}
    preds = {k: as_predictions(k, v) for k, v in gold.items()}
    doc, i = next((d, i) for d, figs in gold.items() for i, f in enumerate(figs) if f.get("weapon") == "airstrike")
    preds[doc][i]["weapon"] = "shelling"
    s = score_figures(gold, preds)
    right, scored = s.fields["weapon"]
    assert scored - right == 1
    assert [(p.gold["n"], p.pred["weapon"]) for p in s.wrong("weapon")] == [(gold[doc][i]["n"], "shelling")]


DOC = "doc-1"
GOLD = [
    {"outcome": "killed", "n": 288, "qualifier": "exact", "victims": "civilians", "source": "SOHR", "quote": "killed 288 civilians"},
    {"outcome": "killed", "n": 67, "qualifier": "exact", "victims": "children", "part_of": 0, "quote": "including 67 children"},
    {"outcome": "injured", "n": 40, "qualifier": "at_least", "victims": "people", "quote": "at least 40 wounded"},
]


def test_score_duplicate_predictions_are_merged():
    preds = [
        {"doc": DOC, "id": "a", "outcome": "killed", "n": 288, "qualifier": "exact", "victims": "civilians", "source": None},
        {"doc": DOC, "id": "b", "outcome": "killed", "n": 288, "qualifier": "about", "victims": "civilians", "source": "SOHR"},
        {"doc": DOC, "id": "c", "outcome": "killed", "n": 67, "qualifier": "exact", "victims": "children", "part_of": "b"},
        {"doc": DOC, "id": "d", "outcome": "killed", "n": 67, "qualifier": "exact", "victims": "children", "part_of": "a"},
    ]
    s = score_document(DOC, GOLD, preds)
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
    # the first repeat is kept; its absent source is filled from the second
    assert s.fields["qualifier"] == (2, 2)
    assert s.fields["source"] == (1, 1)
    # part_of names a merged repeat of the parent: still the right parent
    assert s.fields["part_of"] == (1, 1)
    assert [m["n"] for m in s.misses] == [40]


def test_score_merge_predictions_keeps_first_and_maps_every_id():
    preds = [
        {"id": "x", "outcome": "Killed", "n": "5", "victims": "people", "place": None},
        {"id": "y", "outcome": "killed", "n": 5, "victims": "people", "place": "Ariha"},
        {"id": "z", "outcome": "injured", "n": 5, "victims": "people"},
    ]
    merged, ids = merge_predictions(preds)
    assert [m["id"] for m in merged] == ["x", "z"]
    assert merged[0]["place"] == "Ariha"
    assert ids == {"x": ("killed", 5, "people"), "y": ("killed", 5, "people"), "z": ("injured", 5, "people")}


def test_score_matching_is_one_to_one():
    gold = [GOLD[2], dict(GOLD[2], quote="40 wounded again, elsewhere")]
    preds = [{"doc": DOC, "id": "a", "outcome": "injured", "n": 40, "qualifier": "at_least", "victims": "people"}]
    s = score_document(DOC, gold, preds)
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)


def test_score_extras_and_misses_keep_quotes():
    preds = [{"doc": DOC, "id": "a", "outcome": "killed", "n": 3, "qualifier": "exact", "victims": "people", "quote": "3 people died"}]
    s = score_document(DOC, GOLD, preds)
    assert (s.tp, s.fp, s.fn) == (0, 1, 3)
    assert s.extras[0]["quote"] == "3 people died" and s.extras[0]["doc"] == DOC
    assert [m["quote"] for m in s.misses] == [g["quote"] for g in GOLD]
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)


def test_score_predictions_for_documents_without_gold_are_not_scored():
    s = score_figures({DOC: GOLD}, {"other": [{"outcome": "killed", "n": 1, "victims": "people"}]})
    assert (s.tp, s.fp, s.fn) == (0, 0, 3)


# ------------------------------------------------------------ article level


def _killed(doc, n, victims, **kw):
    return {"doc": doc, "outcome": "killed", "n": n, "victims": victims, "qualifier": "exact", **kw}


LABEL_CASES = [
    # (label row, predicted figures, expected hits per label (hits, checked))
    (
        {"id": "fakes-1923848170", "nb_civilians": 18, "nb_children": 5, "nb_women": 0, "nb_noncivilians": 0},
        [_killed("fakes-1923848170", 18, "civilians"), _killed("fakes-1923848170", 5, "children")],
        {"nb_civilians": (1, 1), "nb_children": (1, 1), "nb_noncivilians": (0, 0)},
    ),
    (
        {"id": "a", "nb_civilians": 22, "nb_children": 0, "nb_women": 0, "nb_noncivilians": 0},
        [_killed("a", 22, "people")],
        {"nb_civilians": (1, 1), "nb_children": (0, 0), "nb_noncivilians": (0, 0)},
    ),
    (
        {"id": "b", "nb_civilians": 0, "nb_children": 0, "nb_women": 0, "nb_noncivilians": 50},
        [_killed("b", 50, "people"), {"doc": "b", "outcome": "injured", "n": 50, "victims": "combatants"}],
        {"nb_civilians": (0, 0), "nb_children": (0, 0), "nb_noncivilians": (0, 1)},
    ),
    (
        {"id": "c", "nb_civilians": 7, "nb_children": 2, "nb_women": 1, "nb_noncivilians": 3},
        [_killed("c", 7, "civilians"), _killed("c", 2, "civilians"), _killed("c", 3, "combatants")],
        {"nb_civilians": (1, 1), "nb_children": (0, 1), "nb_noncivilians": (1, 1)},
    ),
]


@pytest.mark.parametrize("row,figs,expected", LABEL_CASES)
def test_score_labels_finds_crowd_numbers_among_killed_figures(row, figs, expected):
    s = score_labels([row], {row["id"]: figs})
    assert s.counts == expected


def test_score_labels_shares_per_label_and_overall():
    rows = [case[0] for case in LABEL_CASES]
    preds = {case[0]["id"]: case[1] for case in LABEL_CASES}
    s = score_labels(rows, preds)
    assert s.counts == {"nb_civilians": (3, 3), "nb_children": (1, 2), "nb_noncivilians": (1, 2)}
    assert s.share("nb_children") == 0.5
    assert s.overall == pytest.approx(5 / 7)
    assert {(m["doc"], m["label"]) for m in s.misses} == {("c", "nb_children"), ("b", "nb_noncivilians")}


INCIDENT_CASES = [
    # (dead, predicted figures, hit?)
    (10, [_killed("w", 10, "people")], True),
    (12, [_killed("w", 10, "civilians"), _killed("w", 2, "combatants")], True),
    (12, [_killed("w", 12, "people", id="p"), _killed("w", 3, "children", part_of="p")], True),
    (15, [_killed("w", 12, "people", id="p"), _killed("w", 3, "children", part_of="p")], False),
    # a revised toll: the largest of each group, summed
    (14, [_killed("w", 10, "civilians"), _killed("w", 12, "civilians"), _killed("w", 2, "combatants")], True),
    # "Six soldiers, 6 civilians and a police officer were killed ... killing herself and a soldier"
    (14, [_killed("w", 6, "combatants"), _killed("w", 6, "civilians"), _killed("w", 1, "people"), _killed("w", 1, "combatants")], True),
    # a restated figure is counted once
    (9, [_killed("w", 7, "people", id="a"), _killed("w", 7, "people", id="b"), _killed("w", 2, "combatants")], True),
    (16, [_killed("w", 7, "people", id="a"), _killed("w", 7, "people", id="b"), _killed("w", 2, "combatants")], False),
    (7, [{"doc": "w", "outcome": "injured", "n": 7, "victims": "people"}], False),
    (5, [], False),
]


@pytest.mark.parametrize("dead,figs,hit", INCIDENT_CASES)
def test_score_incidents_total_is_a_figure_or_a_sum_of_groups(dead, figs, hit):
    s = score_incidents([{"id": "w", "dead": dead}], {"w": figs})
    assert s.counts == {"dead": (int(hit), 1)}
    assert (dead in incident_totals(figs)) is hit


def test_score_incidents_skips_incidents_without_deaths():
    s = score_incidents([{"id": "w", "dead": 0, "injured": 4}, {"id": "v", "dead": 3}], {"v": [_killed("v", 3, "people")]})
    assert s.counts == {"dead": (1, 1)} and s.overall == 1.0


# ------------------------------------------------------------ properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

figure_st = st.fixed_dictionaries(
    {
        "outcome": st.sampled_from(["killed", "injured", "displaced"]),
        "n": st.integers(1, 30),
        "victims": st.sampled_from(["people", "civilians", "children"]),
        "qualifier": st.sampled_from(["exact", "at_least", "about"]),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(figure_st, max_size=8), st.lists(st.integers(0, 7), max_size=4))
def test_score_repeating_predictions_never_changes_scores(gold, repeats):
    preds = as_predictions(DOC, gold)
    base = score_document(DOC, gold, preds)
    repeated = preds + [{**preds[i], "id": f"rep{j}"} for j, i in enumerate(repeats) if i < len(preds)]
    again = score_document(DOC, gold, repeated)
    assert (again.tp, again.fp, again.fn, again.fields) == (base.tp, base.fp, base.fn, base.fields)
    # recall is perfect up to gold figures sharing an (outcome, n, victims)
    distinct = len({(g["outcome"], g["n"], g["victims"]) for g in gold})
    assert base.tp == distinct and base.fp == 0 and base.fn == len(gold) - distinct
