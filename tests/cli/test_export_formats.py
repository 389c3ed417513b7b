"""Every export format, end to end (issue 5): export from a real project, read it with the real consumer
(spaCy, seqeval, Hugging Face datasets), import it into a fresh project and get the same spans back."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from biaozhu.corpus.formats import read_file
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.importing import store_documents
from biaozhu.db.project import initialise
from biaozhu.db.status import set_status

# 𠮷 and emoji (astral), CRLF in the file, a full-width space (U+3000), a span over a line break,
# Latin words with spaces, and nested spans (泸州 inside 泸州银行, 同心 inside “同心”活动).
REPORT = ("泸州银行发放“酒城同心·金融速贷”377.178亿元。\r\n𠮷野家😀 服务1007户，\u3000市工商联参与！\r\n"
          "The Bank of Luzhou said 万企兴万村 OK；市委\r\n统战部参与")
SECOND = "第二篇：市委统战部组织了“同心”活动。\n全年办理实事123件"
SPANS = {
    REPORT: [("泸州银行", "ORGANIZATION"), ("泸州", "ORGANIZATION"), ("“酒城同心·金融速贷”", "PROGRAM"),
             ("377.178亿元", "METRIC"), ("𠮷野家😀", "ORGANIZATION"), ("1007户", "METRIC"),
             ("市工商联", "ORGANIZATION"), ("Bank of Luzhou", "ORGANIZATION"), ("万企兴万村", "PROGRAM"),
             ("市委\r\n统战部", "ORGANIZATION")],
    SECOND: [("市委统战部", "ORGANIZATION"), ("“同心”活动", "PROGRAM"), ("同心", "PROGRAM"), ("123件", "METRIC")],
}
NESTED = 2  # 泸州 and 同心
FILE_OF = {"jsonl": "out.jsonl", "doccano-entities": "out.jsonl", "spans": "out.jsonl", "hf": "out.jsonl",
           "cluener": "out.jsonl", "spacy": "out.spacy", "conll": "out.conll", "labelstudio": "out.json", "brat": "out"}


def doccano_lines(annotator: str) -> bytes:
    lines = []
    for text, spans in SPANS.items():
        label = [[text.index(s), text.index(s) + len(s), name] for s, name in spans]
        lines.append(orjson.dumps({"text": text, "label": label, "annotator": annotator}))
    return b"\n".join(lines) + b"\n"


def layer_of(cli, db: Path, tmp: Path, layer: str = "alice") -> list[tuple[str, list]]:
    """(text, sorted [start, end, label]) per document of a layer, through our own jsonl export."""
    out = tmp / f"check-{layer}.jsonl"
    cli("--db", db, "export", "--layer", layer, "-o", out, check=True)
    return [(r["text"], r["label"]) for r in map(orjson.loads, out.read_bytes().splitlines())]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite project with alice's and bob's layers on the two reports; alice is done with the first one."""
    folder = tmp_path_factory.mktemp("project")
    db = folder / "project.sqlite"
    engine = create_project_engine(str(db))
    sessions = session_factory(engine)
    with sessions.begin() as session:
        initialise(session, with_seeds=False)
    for who in ("alice", "bob"):
        source = folder / f"{who}.jsonl"
        source.write_bytes(doccano_lines(who))
        with sessions.begin() as session:
            store_documents(session, str(source), read_file(source))
    with sessions.begin() as session:
        set_status(session, 1, ensure_annotator(session, "alice").id, "done")
    engine.dispose()
    return db


def expected(nested: bool = True) -> list[tuple[str, list]]:
    """What alice's layer holds, as our jsonl export writes it (CRLF stored as LF)."""
    result = []
    for text, spans in SPANS.items():
        stored = text.replace("\r\n", "\n")
        label = sorted([stored.index(s.replace("\r\n", "\n")),
                        stored.index(s.replace("\r\n", "\n")) + len(s.replace("\r\n", "\n")), name]
                       for s, name in spans)
        if not nested:
            label = [x for x in label if not any(o != x and o[0] <= x[0] and x[1] <= o[1] for o in label)]
        result.append((stored, label))
    return result


@pytest.mark.parametrize("fmt", list(FILE_OF))
def test_every_format_round_trips_into_a_fresh_project(cli, project: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / FILE_OF[fmt]
    exact = ["--with-text"] if fmt == "conll" else []  # plain CoNLL keeps no text: see the doccano test
    exported = cli("--db", project, "export", "--format", fmt, "--layer", "alice", *exact, "-o", out, check=True)
    nests = fmt not in {"conll", "hf"}
    assert "exported 2 documents" in exported.stderr
    if not nests:
        assert f"{NESTED} nested spans dropped" in exported.stderr
    fresh = tmp_path / "fresh.sqlite"
    imported = cli("--db", fresh, "import", out, "--create-labels", "--annotator", "alice", check=True)
    assert "2 documents" in imported.stdout or "1 documents" in imported.stdout
    assert layer_of(cli, fresh, tmp_path) == expected(nested=nests)


def test_the_exports_themselves_are_what_each_format_says(cli, project: Path, tmp_path: Path) -> None:
    brat = tmp_path / "brat"
    cli("--db", project, "export", "--format", "brat", "--layer", "alice", "-o", brat, check=True)
    [ann] = brat.glob("000001-*.ann")
    text = ann.with_suffix(".txt").read_text("utf-8")
    at = text.index("市委\n统战部")
    # A span over a line break is written as brat fragments split at the line break.
    assert f"ORGANIZATION {at} {at + 2};{at + 3} {at + 6}\t市委 统战部" in ann.read_text("utf-8")
    assert (brat / "annotation.conf").read_text("utf-8").startswith("[entities]\nPROGRAM\nMETRIC\nORGANIZATION\n")
    cluener = tmp_path / "c.jsonl"
    cli("--db", project, "export", "--format", "cluener", "--layer", "alice", "-o", cluener, check=True)
    first = orjson.loads(cluener.read_bytes().splitlines()[0])
    assert first["label"]["METRIC"]["377.178亿元"] == [[17, 25]]  # CLUENER's end is inclusive
    entities = tmp_path / "e.jsonl"
    cli("--db", project, "export", "--format", "doccano-entities", "--layer", "alice", "-o", entities, check=True)
    record = orjson.loads(entities.read_bytes().splitlines()[1])
    assert "relations" not in record and record["entities"][0] == {"id": 1, "label": "ORGANIZATION",
                                                                    "start_offset": 4, "end_offset": 9}
    studio = tmp_path / "ls.json"
    cli("--db", project, "export", "--format", "labelstudio", "-o", studio, check=True)
    tasks = orjson.loads(studio.read_bytes())
    assert len(tasks) == 2 and [len(t["annotations"]) for t in tasks] == [2, 2]  # a task per document, a layer each
    result = tasks[0]["annotations"][0]["result"][0]
    assert result["type"] == "labels" and result["from_name"] == "label" and result["to_name"] == "text"
    assert result["value"] == {"start": 0, "end": 2, "text": "泸州", "labels": ["ORGANIZATION"]}


def conll_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Read CoNLL as a CoNLL-U style reader does: ``#`` comment lines skipped, blank lines end sentences."""
    sentences, current = [], []
    for line in path.read_text("utf-8").split("\n"):
        if line.startswith("# ") and "\t" not in line:
            continue
        if not line:
            if current:
                sentences.append(current)
            current = []
            continue
        token, tag = line.split("\t")
        current.append((token, tag))
    return sentences


@pytest.mark.parametrize(("scheme", "seqeval_scheme", "level"), [("bio", "IOB2", "char"), ("bioes", "IOBES", "word")])
def test_conll_is_valid_for_seqeval_in_strict_mode(cli, project: Path, tmp_path: Path, scheme: str,
                                                   seqeval_scheme: str, level: str) -> None:
    from seqeval import scheme as schemes
    from seqeval.metrics import classification_report
    from seqeval.metrics.sequence_labeling import get_entities

    out = tmp_path / "out.conll"
    cli("--db", project, "export", "--format", "conll", "--scheme", scheme, "--level", level, "--layer", "alice",
        "-o", out, check=True)
    sentences = conll_sentences(out)
    assert all(not token.isspace() and token for s in sentences for token, _ in s)  # white space is never a token
    tags = [[tag for _, tag in s] for s in sentences]
    report = classification_report(tags, tags, mode="strict", scheme=getattr(schemes, seqeval_scheme),
                                   output_dict=True)
    kept = sum(len(spans) for spans in SPANS.values()) - NESTED
    assert report["micro avg"]["support"] == kept == len(get_entities(tags))
    assert report["micro avg"]["f1-score"] == 1.0
    if level == "char":
        assert sentences[0][:4] == [("泸", "B-ORGANIZATION"), ("州", "I-ORGANIZATION"), ("银", "I-ORGANIZATION"),
                                    ("行", "E-ORGANIZATION" if scheme == "bioes" else "I-ORGANIZATION")]


def test_bmes_tags(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.bmes"
    cli("--db", project, "export", "--format", "conll", "--scheme", "bmes", "--layer", "alice", "--with-text",
        "-o", out, check=True)
    tags = [tag for s in conll_sentences(out) for _, tag in s]
    assert tags[:4] == ["B-ORGANIZATION", "M-ORGANIZATION", "M-ORGANIZATION", "E-ORGANIZATION"]
    assert {tag.split("-")[0] for tag in tags} == {"B", "M", "E", "O"}  # S- (one-token spans): tests/corpus
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "import", out, "--create-labels", "--annotator", "alice", check=True)
    assert layer_of(cli, fresh, tmp_path) == expected(nested=False)


def doccano_conll_records(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Read CoNLL by the rule of doccano 1.8.4's ``CoNLLParser`` (data_import/pipeline/parsers.py), the importer
    behind its "CoNLL" upload: lines are right-stripped; a non-blank line must be exactly two tab-separated
    columns, else the file is an error and gives no record at all; a blank line ends a record, whose text is
    the words joined by the delimiter ("" for Chinese) and whose spans are seqeval's IOB2 entities."""
    from seqeval.scheme import IOB2, Tokens

    records, words, tags = [], [], []

    def record() -> tuple[str, list[tuple[int, int, str]]]:
        spans = [(len("".join(words[:e.start])), len("".join(words[:e.end])), e.tag)
                 for e in Tokens(tags, IOB2).entities]
        return "".join(words), spans

    for line in path.read_text("utf-8").split("\n"):
        line = line.rstrip()
        if line:
            columns = line.split("\t")
            if len(columns) != 2:
                return []  # doccano: "A line must be separated by tab and has two columns."
            words.append(columns[0])
            tags.append(columns[1])
        else:
            records.append(record())
            words, tags = [], []
    if words:
        records.append(record())
    return [r for r in records if r[0]]


def test_plain_conll_by_default_is_what_doccano_imports(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    cli("--db", project, "export", "--format", "conll", "--layer", "alice", "-o", out, check=True)
    records = doccano_conll_records(out)
    assert len(records) == len(conll_sentences(out)) > 2  # every sentence is a record
    found = sorted((text[s:e], label) for text, spans in records for s, e, label in spans)
    flat = [(t[s:e], label) for t, spans in expected(nested=False) for s, e, label in spans]
    assert found == sorted(("".join(text.split()), label) for text, label in flat)  # white space is no token
    with_text = tmp_path / "exact.conll"
    cli("--db", project, "export", "--format", "conll", "--layer", "alice", "--with-text", "-o", with_text, check=True)
    assert doccano_conll_records(with_text) == []  # what the comments cost: doccano reads nothing
    assert with_text.read_text("utf-8").startswith('# document = {"id":1,')
    fresh = tmp_path / "fresh.sqlite"  # import reads the plain file too: a document per sentence, tokens joined
    cli("--db", fresh, "import", out, "--create-labels", "--annotator", "alice", check=True)
    back = layer_of(cli, fresh, tmp_path)
    assert sorted((t[s:e], label) for t, spans in back for s, e, label in spans) == \
        sorted(("".join(text.split()), label) for text, label in flat)
    refused = cli("--db", project, "export", "--format", "hf", "--with-text", "-o", tmp_path / "x.jsonl")
    assert refused.returncode == 2 and "--with-text is for --format conll" in refused.stderr


def test_spacy_agrees_on_every_span(cli, project: Path, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import offsets_to_biluo_tags

    nlp = spacy.blank("zh")
    out = tmp_path / "spans.jsonl"
    cli("--db", project, "export", "--format", "spans", "-o", out, check=True)
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == 4 and "\u3000" in records[0]["text"]  # two documents, two layers
    for record in records:
        text, tokens = record["text"], record["tokens"]
        assert all(text[t["start"]:t["end"]] == t["text"] for t in tokens)
        # ws is exactly one ASCII space; the full-width space and the line breaks are tokens of their own.
        assert [t["text"] for t in tokens if t["text"].isspace()] == [w for w in re.findall(r"\s+", text) if w != " "]
        assert [t["ws"] for t in tokens].count(True) == text.count(" ")
        doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
        assert doc.text == text and [t.idx for t in doc] == [t["start"] for t in tokens]
        for span in record["spans"]:
            found = doc.char_span(span["start"], span["end"], span["label"], alignment_mode="strict")
            assert found is not None and found.text == text[span["start"]:span["end"]]
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]  # Prodigy's token_end is inclusive
            assert doc[span["token_start"]:span["token_end"] + 1].text == found.text
        outer = [s for s in record["spans"] if not any(o is not s and o["start"] <= s["start"] and s["end"] <= o["end"]
                                                       for o in record["spans"])]
        biluo = offsets_to_biluo_tags(doc, [(s["start"], s["end"], s["label"]) for s in outer])
        assert "-" not in biluo
    binary = tmp_path / "train.spacy"
    cli("--db", project, "export", "--format", "spacy", "--layer", "alice", "-o", binary, check=True)
    docs = list(DocBin().from_disk(binary).get_docs(nlp.vocab))
    assert [d.text for d, _ in zip(docs, expected(), strict=True)] == [text for text, _ in expected()]
    assert [[(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]] for d in docs] == \
        [[tuple(x) for x in spans] for _, spans in expected()]
    assert sum(len(d.ents) for d in docs) == sum(len(s) for s in SPANS.values()) - NESTED


def test_hugging_face_datasets_loads_the_export_offline(cli, project: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    import datasets

    out = tmp_path / "train.jsonl"
    cli("--db", project, "export", "--format", "hf", "--layer", "alice", "-o", out, check=True)
    loaded = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    assert all(len(row["tokens"]) == len(row["ner_tags"]) for row in loaded)
    assert loaded[0]["ner_tags"][:2] == ["B-ORGANIZATION", "I-ORGANIZATION"]
    ids = tmp_path / "ids.jsonl"
    cli("--db", project, "export", "--format", "hf", "--tag-ids", "--layer", "alice", "-o", ids, check=True)
    names = orjson.loads((tmp_path / "ids.jsonl.labels.json").read_bytes())
    assert names[:3] == ["O", "B-PROGRAM", "I-PROGRAM"]
    by_id = datasets.load_dataset("json", data_files=str(ids), split="train", cache_dir=str(tmp_path / "cache"))
    assert [[names[i] for i in row["ner_tags"]] for row in by_id] == [row["ner_tags"] for row in loaded]
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "import", ids, "--create-labels", check=True)  # the annotator travels in the file
    assert layer_of(cli, fresh, tmp_path) == expected(nested=False)


def test_nested_spans_refused_by_name_or_dropped_and_counted(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    refused = cli("--db", project, "export", "--format", "conll", "--nested", "refuse", "--layer", "alice", "-o", out)
    assert refused.returncode == 2 and not out.exists()
    assert "ORGANIZATION '泸州' [0, 2) lies inside ORGANIZATION '泸州银行' [0, 4)" in refused.stderr
    keep = cli("--db", project, "export", "--format", "hf", "--nested", "keep", "-o", out)
    assert keep.returncode == 2 and "hf cannot hold nested spans" in keep.stderr
    flat = tmp_path / "flat.jsonl"  # doccano without overlap: asked for, and counted
    done = cli("--db", project, "export", "--nested", "keep-outer", "--layer", "alice", "-o", flat, check=True)
    assert f"{NESTED} nested spans dropped" in done.stderr
    assert [(r["text"], r["label"]) for r in map(orjson.loads, flat.read_bytes().splitlines())] == expected(False)


def test_layers_documents_and_labels_are_chosen(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    every = cli("--db", project, "export", "-o", out, check=True)
    assert "exported 2 documents (4 records)" in every.stderr
    assert [r["annotator"] for r in map(orjson.loads, out.read_bytes().splitlines())] == ["alice", "bob"] * 2
    done = cli("--db", project, "export", "--annotator", "alice", "--documents", "done", "-o", out, check=True)
    assert "exported 1 documents (1 records)" in done.stderr
    cli("--db", project, "export", "--documents", "done", "-o", out, check=True)  # every layer: alice's only
    assert [r["annotator"] for r in map(orjson.loads, out.read_bytes().splitlines())] == ["alice"]
    nothing = cli("--db", project, "export", "--documents", "adjudicated", "-o", out, check=True)
    assert "exported 0 documents" in nothing.stderr and out.read_bytes() == b""
    cli("--db", project, "export", "--layer", "bob", "--labels", "METRIC", "-o", out, check=True)
    labels = {span[2] for r in map(orjson.loads, out.read_bytes().splitlines()) for span in r["label"]}
    assert labels == {"METRIC"}
    unknown = cli("--db", project, "export", "--labels", "PERSON", "-o", out)
    assert unknown.returncode == 2 and "no such label: PERSON" in unknown.stderr


def test_gold_holds_only_reviewed_documents_and_says_how_many_were_left_out(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    before = cli("--db", project, "export", "--layer", "gold", "-o", out)  # before any review: empty, not an error
    assert before.returncode == 0 and out.read_bytes() == b"", before.stderr
    assert "2 documents have no reviewer's decision yet and were left out of gold" in before.stderr
    assert "the export is empty" in before.stderr and "exported 0 documents" in before.stderr
    db = tmp_path / "reviewed.sqlite"
    db.write_bytes(project.read_bytes())
    cli("--db", db, "annotators", "role", "rv", "reviewer", "--reviewer", "rv", check=True)
    cli("--db", db, "review", "auto", "--reviewer", "rv", "--document", "1", check=True)
    after = cli("--db", db, "export", "--layer", "gold", "--format", "conll", "-o", tmp_path / "gold.conll",
                check=True)
    assert "exported 1 documents" in after.stderr  # document 2, never reviewed, is not written as "no entities"
    assert "1 documents have no reviewer's decision yet and were left out of gold" in after.stderr
    assert [r["text"] for r in map(orjson.loads, cli("--db", db, "export", "--layer", "gold", "-o", "-",
                                                     check=True).stdout.splitlines())] == [expected()[0][0]]


@pytest.mark.parametrize(("fmt", "options"), [("hf", []), ("conll", []), ("jsonl", ["--sentences"]), ("jsonl", []),
                                              ("labelstudio", []), ("spans", ["--sentences"])])
def test_the_summary_counts_the_records_written(cli, project: Path, tmp_path: Path, fmt: str,
                                                options: list[str]) -> None:
    out = tmp_path / FILE_OF[fmt]
    result = cli("--db", project, "export", "--format", fmt, *options, "-o", out, check=True)
    data = out.read_text("utf-8")
    if fmt == "conll":
        written = len(conll_sentences(out))
    elif fmt == "labelstudio":
        written = len(orjson.loads(data))
    else:
        written = len(data.splitlines())
    assert written > 4 or fmt in ("labelstudio", "jsonl")
    assert f"exported 2 documents ({written} records)" in result.stderr


def test_sentences_are_split_and_offsets_remapped(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "sentences.jsonl"
    cli("--db", project, "export", "--sentences", "--max-length", "12", "--layer", "alice", "-o", out, check=True)
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert "".join(r["text"] for r in records) == "".join(text for text, _ in expected())
    # The first sentence is longer than 12: it is cut before the span that a cut at 12 would split.
    assert [r["text"] for r in records[:3]] == ["泸州银行发放", "“酒城同心·金融速贷”", "377.178亿元。\n"]
    for record in records:
        assert len(record["text"].rstrip()) <= 12 or any(e - s > 12 for s, e, _ in record["label"])
        assert all(record["text"][s:e] for s, e, _ in record["label"])
        assert record["meta"]["document"] and record["meta"]["offset"] >= 0
    spans = sorted((r["meta"]["offset"] + s, r["meta"]["offset"] + e, label)
                   for r in records if r["meta"]["document"].endswith("#1") for s, e, label in r["label"])
    assert spans == sorted(tuple(x) for x in expected()[0][1])


def test_split_by_document_is_reproducible(cli, project: Path, tmp_path: Path) -> None:
    def parts(seed: str) -> dict[str, list[str]]:
        out = tmp_path / seed / "data.conll"
        out.parent.mkdir()
        cli("--db", project, "export", "--format", "conll", "--split", "0.5,0,0.5", "--seed", seed, "--layer",
            "alice", "--with-text", "-o", out, check=True)
        return {part: [line for line in (tmp_path / seed / f"data-{part}.conll").read_text("utf-8").splitlines()
                       if line.startswith("# document")] for part in ("train", "dev", "test")}

    first = parts("7")
    assert len(first["train"]) == len(first["test"]) == 1 and first["dev"] == []
    again = tmp_path / "again"
    again.mkdir()
    out = again / "data.conll"
    cli("--db", project, "export", "--format", "conll", "--split", "0.5,0,0.5", "--seed", "7", "--layer", "alice",
        "--with-text", "-o", out, check=True)
    assert (again / "data-train.conll").read_text("utf-8").count("# document") == 1
    assert (again / "data-train.conll").read_bytes() == (tmp_path / "7" / "data-train.conll").read_bytes()
    bad = cli("--db", project, "export", "--split", "0.8,0.3", "-o", out)
    assert bad.returncode == 2 and "adding up to 1" in bad.stderr


def test_brat_exports_a_folder_per_layer_and_keeps_annotators(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    cli("--db", project, "export", "--format", "brat", "-o", out, check=True)
    assert sorted(p.name for p in out.iterdir()) == ["alice", "bob"]
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "import", out, "--create-labels", check=True)  # the layer is named in annotation.conf
    assert layer_of(cli, fresh, tmp_path, "bob") == expected()
    cli("--db", project, "export", "--format", "brat", "-o", out, check=True)  # replaces the earlier export
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("mine")
    refused = cli("--db", project, "export", "--format", "brat", "-o", tmp_path / "mine")
    assert refused.returncode == 2 and (tmp_path / "mine" / "notes.md").exists()


def test_majority_layer(cli, project: Path, tmp_path: Path) -> None:
    out = tmp_path / "majority.conll"
    result = cli("--db", project, "export", "--layer", "majority", "--format", "conll", "--with-text", "-o", out,
                 check=True)
    written = len(conll_sentences(out))  # a record is a sentence
    assert f"exported 2 documents ({written} records), {sum(map(len, SPANS.values())) - NESTED} spans" in result.stderr
    fresh = tmp_path / "fresh.sqlite"
    cli("--db", fresh, "import", out, "--create-labels", check=True)
    assert layer_of(cli, fresh, tmp_path, "majority") == expected(nested=False)  # alice and bob agree
    nobody = cli("--db", project, "export", "--layer", "majority", "--documents", "done", "-o", out, check=True)
    assert "exported 0 documents" in nobody.stderr  # bob is not done with any document


@pytest.mark.parametrize("fmt", ["conll", "hf", "spans"])
def test_a_span_ending_in_white_space_is_refused_by_token_formats_not_trimmed(cli, tmp_path: Path, fmt: str) -> None:
    """The app trims a selection, but an imported span keeps the white space its file gave it: span formats
    write it as it is, token formats (where white space is never a token) refuse it by document and span."""
    db, source, out = tmp_path / "p.sqlite", tmp_path / "in.jsonl", tmp_path / "out"
    source.write_bytes('{"text": "泸州 银行", "label": [[0, 3, "ORGANIZATION"]]}\n'.encode())
    cli("--db", db, "import", source, "--annotator", "alice", check=True)
    kept = cli("--db", db, "export", "--format", "jsonl", "-o", "-", check=True)
    assert orjson.loads(kept.stdout)["label"] == [[0, 3, "ORGANIZATION"]]
    result = cli("--db", db, "export", "--format", fmt, "-o", out)
    assert result.returncode == 2 and not out.exists()
    assert "document 1 (in#1): span ORGANIZATION '泸州 ' [0, 3) starts or ends with white space" in result.stderr
