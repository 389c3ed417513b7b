"""`biaozhu agreement`, `annotators` and `review` as a user runs them, on a paragraph of a seed report."""

from __future__ import annotations

import warnings
from pathlib import Path

import orjson
import pytest
from sklearn.metrics import cohen_kappa_score

TEXT = "企业通过区委统战部搭桥，获得了3000万元“酒城同心·金融速贷”专项贷款，缓解了企业因疫情影响带来的融资和生存压力。"
LAYERS = {
    "张三": [("区委统战部", "ORGANIZATION"), ("3000万元", "METRIC"), ("“酒城同心·金融速贷”专项贷款", "PROGRAM")],
    "李四": [("区委统战部", "ORGANIZATION"), ("3000万元", "METRIC"), ("酒城同心·金融速贷", "PROGRAM"),
           ("企业", "ORGANIZATION")],
}


def characters(spans: list[tuple[str, str]]) -> list[str]:
    labels = ["O"] * len(TEXT)
    for surface, label in spans:  # no nesting here, so every character has at most one span
        start = TEXT.index(surface)
        labels[start:start + len(surface)] = [label] * len(surface)
    return labels


@pytest.fixture
def project(cli, tmp_path: Path) -> Path:
    db = tmp_path / "p.sqlite"
    for name, spans in LAYERS.items():
        source = tmp_path / f"{name}.jsonl"
        label = [[TEXT.index(s), TEXT.index(s) + len(s), tag] for s, tag in spans]
        source.write_bytes(orjson.dumps({"text": TEXT, "label": label}) + b"\n")
        cli("--db", db, "import", "--annotator", name, source, check=True)
    return db


def test_json_and_table_give_the_same_figures(cli, project: Path) -> None:
    data = orjson.loads(cli("--db", project, "agreement", "--format", "json", check=True).stdout)
    [pair] = data["pairs"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = cohen_kappa_score(characters(LAYERS["张三"]), characters(LAYERS["李四"]))
    assert (pair["a"], pair["b"], pair["documents"], pair["characters"]) == ("张三", "李四", 1, len(TEXT))
    assert pair["kappa"] == pytest.approx(expected, abs=1e-9)
    # Exact: 区委统战部 and 3000万元 (2 of 3 and 2 of 4); overlap adds the programme: 3 of 3 and 3 of 4.
    assert pair["exact"]["all"] == {"matched": 2, "a": 3, "b": 4, "precision": 0.5, "recall": pytest.approx(2 / 3),
                                    "f1": pytest.approx(4 / 7)}
    assert pair["overlap"]["all"]["f1"] == pytest.approx(6 / 7)
    assert pair["disagreements"] == {"boundary": 1, "label": 0, "boundary_label": 0, "only_a": 0, "only_b": 1}
    assert {"a": "O", "b": "ORGANIZATION", "count": 1} in pair["confusion"]
    assert data["alpha"]["documents"] == 1 and data["alpha"]["value"] is not None
    table = cli("--db", project, "agreement", check=True).stdout
    assert f"Cohen's kappa {expected:.3f}" in table and f"{data['alpha']['value']:.3f}" in table
    rows: dict[str, list[str]] = {}
    for line in table.splitlines():  # the first row of a label is in the figures, the second in the confusion matrix
        if line.startswith("  "):
            rows.setdefault(line.split()[0], line.split()[1:])
    assert rows["all"] == ["0.500", "0.667", "0.571", "0.750", "1.000", "0.857", f"{expected:.3f}", "3/4"]
    assert rows["METRIC"] == ["1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1/1"]
    assert pair["kappa_by_label"]["METRIC"] == 1.0
    assert "disagreements: boundary 1, label 0, boundary+label 0, only 张三 0, only 李四 1" in table


def test_annotators_and_labels_filter_and_order(cli, project: Path) -> None:
    data = orjson.loads(cli("--db", project, "agreement", "--format", "json", "--annotators", "李四,张三",
                            "--labels", "METRIC", check=True).stdout)
    [pair] = data["pairs"]
    assert (pair["a"], pair["b"], data["labels"]) == ("李四", "张三", ["METRIC"])
    assert pair["exact"]["all"]["f1"] == 1.0 and pair["kappa"] == 1.0


def test_roles_review_and_gold(cli, project: Path) -> None:
    listed = cli("--db", project, "annotators", check=True).stdout.splitlines()
    assert listed == ["name\trole\tspans\tdocuments", "张三\tannotator\t3\t1", "李四\tannotator\t4\t1"]
    before = cli("--db", project, "review", check=True).stdout  # list, writing nothing
    assert "(张三, 李四): 2 agreed, 2 open, 0 rejected" in before
    assert "1 documents compared, 2 open disagreements" in before
    refused = cli("--db", project, "review", "auto", "--reviewer", "张三")
    assert refused.returncode == 2 and "张三 is not a reviewer" in refused.stderr
    made = cli("--db", project, "annotators", "role", "王五", "reviewer", "--reviewer", "王五", check=True)
    assert "王五 is now a reviewer" in made.stdout
    review = cli("--db", project, "review", "auto", "--reviewer", "王五", check=True).stdout
    assert "2 agreed spans put into gold" in review and "1 documents compared, 2 open disagreements" in review
    assert "boundary: 张三 PROGRAM “酒城同心·金融速贷”专项贷款 | 李四 PROGRAM 酒城同心·金融速贷" in review
    assert "missing: 张三 - | 李四 ORGANIZATION 企业" in review
    listed = cli("--db", project, "annotators", check=True).stdout.splitlines()
    assert "gold\tgold layer\t2\t1" in listed and "王五\treviewer\t0\t0" in listed
    against_gold = orjson.loads(cli("--db", project, "agreement", "--format", "json", "--annotators", "gold,李四",
                                    check=True).stdout)
    assert against_gold["pairs"][0]["exact"]["all"]["recall"] == 1.0  # 李四 has both gold spans


def test_the_projects_agreement_goes_into_the_history_that_stats_prints(cli, project: Path) -> None:
    """Over all annotators and labels only (a chosen subset is another figure); the same figures again within
    the hour add nothing."""
    data = orjson.loads(cli("--db", project, "agreement", "--format", "json", check=True).stdout)
    cli("--db", project, "agreement", check=True)
    cli("--db", project, "agreement", "--labels", "METRIC", check=True)
    cli("--db", project, "agreement", "--annotators", "李四,张三", check=True)
    figures = orjson.loads(cli("--db", project, "stats", "--format", "json", check=True).stdout)
    [snapshot] = figures["agreement"]
    [pair] = data["pairs"]
    assert snapshot["f1"] == pytest.approx(pair["exact"]["all"]["f1"]) and snapshot["documents"] == 1
    assert snapshot["kappa"] == pytest.approx(pair["kappa"])
    assert snapshot["detail"]["labels"]["METRIC"]["f1"] == 1.0
    table = cli("--db", project, "stats", check=True).stdout
    assert f"\t{pair['exact']['all']['f1']:.3f}\t{pair['kappa']:.3f}\t1" in table.split("agreement over time")[1]
    rows = cli("--db", project, "stats", "--format", "csv", check=True).stdout.splitlines()
    assert sum(row.startswith(",,agreement_f1,") for row in rows) == 1


RELATIONS = {  # 张三 and 李四 agree on who is responsible; the programme's span differs, so its link does too
    "张三": [("3000万元", "所属项目", "“酒城同心·金融速贷”专项贷款"), ("3000万元", "责任机构", "区委统战部")],
    "李四": [("3000万元", "所属项目", "酒城同心·金融速贷"), ("3000万元", "责任机构", "区委统战部")],
}


def test_relation_f1_counts_a_relation_matched_when_ends_and_type_are_the_same(cli, db_url: str,
                                                                              tmp_path: Path) -> None:
    for name, spans in LAYERS.items():
        surfaces = [s for s, _ in spans]
        relations = [{"from_id": surfaces.index(a), "to_id": surfaces.index(b), "type": kind}
                     for a, kind, b in RELATIONS[name]]
        source = tmp_path / f"{name}.jsonl"
        label = [[TEXT.index(s), TEXT.index(s) + len(s), tag] for s, tag in spans]
        source.write_bytes(orjson.dumps({"text": TEXT, "label": label, "relations": relations}) + b"\n")
        cli("--db", db_url, "import", "--annotator", name, source, check=True)
    data = orjson.loads(cli("--db", db_url, "agreement", "--format", "json", check=True).stdout)
    assert data["relation_types"] == ["所属项目", "责任机构"]
    [pair] = data["pairs"]
    assert pair["relations"]["all"] == {"matched": 1, "a": 2, "b": 2, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert pair["relations"]["by_type"]["所属项目"]["f1"] == 0.0
    assert pair["relations"]["by_type"]["责任机构"]["f1"] == 1.0
    [snapshot] = orjson.loads(cli("--db", db_url, "stats", "--format", "json", check=True).stdout)["agreement"]
    assert snapshot["relation_f1"] == 0.5  # the history keeps it and stats prints it
    assert snapshot["detail"]["relations"]["types"] == {"所属项目": 0.0, "责任机构": 1.0}
    assert "\t1\t0.500" in cli("--db", db_url, "stats", check=True).stdout.split("agreement over time")[1]
    table = cli("--db", db_url, "agreement", check=True).stdout
    linked = {line.split()[0]: line.split()[1:] for line in table.splitlines()[table.splitlines().index(
        "  relation       exact P      R     F1   relations A/B"):][1:4]}
    assert linked == {"all": ["0.500", "0.500", "0.500", "2/2"], "所属项目": ["0.000", "0.000", "0.000", "1/1"],
                      "责任机构": ["1.000", "1.000", "1.000", "1/1"]}
    only = orjson.loads(cli("--db", db_url, "agreement", "--format", "json", "--labels", "METRIC,ORGANIZATION",
                            check=True).stdout)["pairs"][0]["relations"]["all"]
    assert (only["matched"], only["a"], only["b"]) == (1, 1, 1)  # a PROGRAM end leaves a relation out
