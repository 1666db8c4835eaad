"""``wartally eval`` end to end, in process: exit codes, text, JSON and
markdown output, bad lines named by file and line, and the baseline writer
that never lowers pins silently."""
from __future__ import annotations

import json
import shutil

import pytest

from wartally.cli import main


def write_predictions(gold_path, out_path, *, drop: int = 0) -> int:
    """The gold figures as an extractor output file, less the first ``drop``."""
    lines = []
    with open(gold_path, encoding="utf-8") as f:
        for row in map(json.loads, f):
            for i, fig in enumerate(row["figures"]):
                p = {**fig, "doc": row["id"], "id": f"{row['id']}#{i}"}
                if fig.get("part_of") is not None:
                    p["part_of"] = f"{row['id']}#{fig['part_of']}"
                lines.append(json.dumps(p))
    out_path.write_text("\n".join(lines[drop:]) + "\n", encoding="utf-8")
    return len(lines)


# The sample's hand gold (tests/data/sample/gold/fakes-dev.gold.jsonl): 16
# FA-KES articles, 69 figures, 54 of them with a place; every clone has it.
N_GOLD = 69


@pytest.fixture()
def gold_and_pred(sample, tmp_path):
    gold = sample / "gold" / "fakes-dev.gold.jsonl"
    pred = tmp_path / "figures.jsonl"
    assert write_predictions(gold, pred) == N_GOLD
    return gold, pred


def test_eval_commands_perfect_predictions_score_one(gold_and_pred, capsys):
    gold, pred = gold_and_pred
    assert main(["eval", "--gold", str(gold), "--pred", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "== fakes-dev: figures" in out
    assert "precision 1.000  recall 1.000  F1 1.000" in out
    assert "qualifier   1.000  (69/69)" in out
    assert "misses (gold, not predicted): 0" in out


def test_eval_commands_json_lists_misses_with_quotes(gold_and_pred, tmp_path, capsys):
    gold, _ = gold_and_pred
    pred = tmp_path / "fewer.jsonl"
    write_predictions(gold, pred, drop=2)
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    s = data["suites"]["fakes-dev"]
    assert s["figures"] == {"tp": N_GOLD - 2, "fp": 0, "fn": 2}
    assert s["recall"] == pytest.approx(67 / 69)
    assert [m["quote"] for m in s["misses"]] == [  # fakes-1924058075's first two figures
        "Twin car bomb explosions in the central Syrian city of Homs on Wednesday killed at least 18 people mostly children",
        "wounded 40 others state news agency SANA reported",
    ]
    assert data["problems"] == []
    assert data["metrics"]["fakes-dev"]["recall"] == pytest.approx(67 / 69)
    assert data["metrics"]["fakes-dev"]["field.part_of"] == 1.0


def test_eval_commands_bad_lines_are_named_and_the_rest_scored(gold_and_pred, tmp_path, capsys):
    gold, pred = gold_and_pred
    bad = tmp_path / "bad.jsonl"
    bad.write_text(pred.read_text() + '{"doc": "x", "outcome": "killed"\n{"doc": "x", "outcome": "killed", "n": "many", "victims": "people"}\n')
    assert main(["eval", "--gold", str(gold), "--pred", str(bad), "--brief"]) == 1
    captured = capsys.readouterr()
    assert "precision 1.000" in captured.out
    assert f"{bad}:{N_GOLD + 1}: input: not JSON" in captured.err
    assert f"{bad}:{N_GOLD + 2}: input: figure: n is not an integer: 'many'" in captured.err


def test_eval_commands_missing_file_is_reported(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "none.gold.jsonl"), "--pred", str(tmp_path / "none.jsonl")]) == 1
    assert "none.jsonl" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv,message",
    [
        (["eval"], "give --gold"),
        (["eval", "--gold", "g.gold.jsonl"], "need --docs"),
        (["eval", "--gold", "g.gold.jsonl", "--pred", "p.jsonl", "--write-baseline", "b.json"], "needs --suite"),
        (["eval", "--suite", ".", "--write-baseline", "b.json", "--lower"], "--lower needs --reason"),
        (["eval", "--suite", "/nonexistent"], "no gold/ folder"),
        (["eval", "--gold", "g.gold.jsonl", "--pred", "p.jsonl", "--check", "/nonexistent.json"], "no such baseline file"),
    ],
)
def test_eval_commands_usage_errors_exit_2(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_eval_commands_help_has_examples(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--help"])
    assert exc.value.code == 0
    assert "wartally eval --gold ../shared/gold/seeds.gold.jsonl --docs ../shared/corpus/seeds.jsonl" in capsys.readouterr().out


def test_eval_commands_labels_and_incidents(tmp_path, capsys):
    labels = tmp_path / "mini.labels.jsonl"
    labels.write_text(
        '{"id": "fakes-1", "nb_civilians": 18, "nb_children": 5, "nb_women": 0, "nb_noncivilians": 0}\n'
        '{"id": "fakes-2", "nb_civilians": 0, "nb_children": 0, "nb_women": 0, "nb_noncivilians": 50}\n'
    )
    incidents = tmp_path / "wiki.labels.jsonl"
    incidents.write_text('{"id": "wiki-1", "dead": 12}\n{"id": "wiki-2", "dead": 3}\n')
    pred = tmp_path / "figures.jsonl"
    pred.write_text(
        "\n".join(
            json.dumps({"doc": d, "id": f"{d}{n}", "outcome": "killed", "n": n, "victims": v})
            for d, n, v in [("fakes-1", 18, "civilians"), ("fakes-1", 4, "children"), ("fakes-2", 50, "combatants"), ("wiki-1", 10, "civilians"), ("wiki-1", 2, "combatants")]
        )
    )
    assert main(["eval", "--labels", str(labels), "--incidents", str(incidents), "--pred", str(pred), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)["suites"]
    assert data["mini-labels"]["labels"]["nb_civilians"] == {"hits": 1, "checked": 1, "share": 1.0}
    assert data["mini-labels"]["labels"]["nb_children"]["share"] == 0.0
    assert data["mini-labels"]["overall"] == pytest.approx(2 / 3)
    assert data["wiki"]["labels"]["dead"] == {"hits": 1, "checked": 2, "share": 0.5}


def test_eval_commands_markdown_table(gold_and_pred, capsys):
    gold, pred = gold_and_pred
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == ["| score | fakes-dev |", "|---|---:|", "| gold figures | 69 |"]
    assert "| F1 | 1.00 |" in out and "| place | 1.00 (54) |" in out


def test_eval_commands_write_baseline_raises_but_never_silently_lowers(sample, tmp_path, capsys):
    root = tmp_path / "suite"
    (root / "gold").mkdir(parents=True)
    (root / "corpus").mkdir()
    shutil.copy(sample / "gold" / "fakes-dev.gold.jsonl", root / "gold")
    shutil.copy(sample / "corpus" / "fakes-dev.jsonl", root / "corpus")
    good, worse = tmp_path / "good.jsonl", tmp_path / "worse.jsonl"
    write_predictions(root / "gold" / "fakes-dev.gold.jsonl", good)
    write_predictions(root / "gold" / "fakes-dev.gold.jsonl", worse, drop=23)  # recall 46/69
    base = tmp_path / "baseline.json"
    common = ["eval", "--suite", str(root), "--brief", "--write-baseline", str(base)]

    assert main([*common, "--pred", str(worse)]) == 0
    assert json.loads(base.read_text())["suites"]["fakes-dev"]["min"]["recall"] == 0.6666  # pins round down
    assert main([*common, "--pred", str(good)]) == 0
    assert json.loads(base.read_text())["suites"]["fakes-dev"]["min"]["recall"] == 1.0
    capsys.readouterr()

    assert main([*common, "--pred", str(worse)]) == 1
    assert "not lowered" in capsys.readouterr().err
    assert json.loads(base.read_text())["suites"]["fakes-dev"]["min"]["recall"] == 1.0
    assert main(["eval", "--suite", str(root), "--pred", str(worse), "--brief", "--check", str(base)]) == 1
    assert "fakes-dev recall: 0.6667 < pin 1.0000" in capsys.readouterr().err

    assert main([*common, "--pred", str(worse), "--lower", "--reason", "test lowering"]) == 0
    data = json.loads(base.read_text())
    assert data["suites"]["fakes-dev"]["min"]["recall"] == 0.6666 and data["reason"] == "test lowering"
    assert main(["eval", "--suite", str(root), "--pred", str(worse), "--brief", "--check", str(base)]) == 0


def test_eval_commands_runs_the_extractor_on_documents(sample, capsys):
    code = main(["eval", "--gold", str(sample / "gold" / "fakes-dev.gold.jsonl"), "--docs", str(sample / "corpus" / "fakes-dev.jsonl"), "--json"])
    assert code in (0, 1)  # 1 while some documents fail in the extractor
    s = json.loads(capsys.readouterr().out)["suites"]["fakes-dev"]
    assert s["figures"]["tp"] + s["figures"]["fn"] == N_GOLD and s["figures"]["tp"] > 0


def test_eval_commands_readme_section_is_regenerated(gold_and_pred, tmp_path, capsys):
    gold, pred = gold_and_pred
    readme = tmp_path / "README.md"
    readme.write_text("# wartally\n\n## Accuracy\n\n<!-- eval:start -->\n| old | typed |\n<!-- eval:end -->\n\n## Licence\n")
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--readme", str(readme), "--brief"]) == 0
    text = readme.read_text()
    assert "| old | typed |" not in text
    assert "| F1 | 1.00 |" in text and text.endswith("<!-- eval:end -->\n\n## Licence\n")
    assert "generated by `wartally eval" in text
    readme.write_text("# no markers\n")
    assert main(["eval", "--gold", str(gold), "--pred", str(pred), "--readme", str(readme), "--brief"]) == 1
    assert "<!-- eval:start -->" in capsys.readouterr().err


def test_eval_commands_links_prints_pairwise_scores(gold_root, capsys):
    from pathlib import Path

    pairs = Path(__file__).with_name("data") / "link_pairs.jsonl"
    n = sum(1 for line in pairs.read_text().splitlines() if line.strip())
    code = main(["eval", "--links", str(pairs), "--docs", str(gold_root / "corpus" / "fakes-dev.jsonl")])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("== links: pairwise\n")
    assert f"pairs {n} (" in out and "precision " in out


def test_eval_commands_pred_accepts_store_rows(gold_and_pred, tmp_path, capsys):
    gold, pred = gold_and_pred
    rows = tmp_path / "rows.jsonl"
    renamed = []
    for line in pred.read_text().splitlines():
        fig = json.loads(line)
        fig["doc_id"], fig["start_date"], fig["end_date"] = fig.pop("doc"), fig.pop("start"), fig.pop("end")
        renamed.append(json.dumps(fig))
    rows.write_text("\n".join(renamed) + "\n")
    assert main(["eval", "--gold", str(gold), "--pred", str(rows), "--brief"]) == 0
    out = capsys.readouterr().out
    assert "precision 1.000  recall 1.000  F1 1.000" in out and "dates       1.000  (69/69)" in out


def test_eval_commands_bad_gold_lines_are_named(gold_and_pred, tmp_path, capsys):
    gold, pred = gold_and_pred
    bad = tmp_path / "bad.gold.jsonl"
    bad.write_text(
        gold.read_text()
        + '{"id": "x", "figures": [{"outcome": "killed", "victims": "people"}]}\n'
        + '{"id": "y", "figures": [{"outcome": "killed", "n": 3, "victims": "people", "part_of": 4}]}\n'
        + '{"figures": []}\n'
    )
    assert main(["eval", "--gold", str(bad), "--pred", str(pred), "--brief"]) == 1
    captured = capsys.readouterr()
    assert "precision 1.000  recall 1.000" in captured.out
    assert f"{bad}:17: input: figure 0 lacks n" in captured.err  # after the 16 gold lines
    assert f"{bad}:18: input: figure 0: part_of 4 is not an index into this line's figures" in captured.err
    assert f'{bad}:19: input: a gold line needs "id" and a "figures" list' in captured.err


def test_eval_commands_readme_gets_the_linking_table():
    from wartally.eval.report import markdown_table

    links = {"link_pairs": {"pairs": 48, "same": 32, "precision": 1.0, "recall": 0.90625, "f1": 0.9508,
                            "described": {"precision": 0.9677, "recall": 0.9375, "f1": 0.9524}},
             "link_pairs_heldout2": {"pairs": 18, "same": 13, "precision": 0.8667, "recall": 1.0, "f1": 0.9286}}
    table = markdown_table({}, links)
    assert "| link_pairs: the extractor's figures | 48 (32) | 1.00 | 0.91 | 0.95 |" in table
    assert "| link_pairs: the figures as the pairs describe them | 48 (32) | 0.97 | 0.94 | 0.95 |" in table
    assert "| link_pairs_heldout2: the extractor's figures | 18 (13) | 0.87 | 1.00 | 0.93 |" in table
    assert "linking" not in markdown_table({})
