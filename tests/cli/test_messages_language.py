"""Under ``--lang zh`` every sentence a command prints for a person (summaries, refusals, errors naming files and
lines, confirmations) is Chinese: the commands run on real input, the peers' files and the hostile corpus
included, and every line they print is searched for English words that are not data (paths, quoted texts, label
names, format names, option names). Machine output (JSON, CSV, JSONL) is left as it is."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess

from biaozhu.cli import COMMANDS
from biaozhu.db.project import seeds_dir
from biaozhu.operations.messages import catalogue

Cli = Callable[..., CompletedProcess[str]]
HOSTILE = Path(__file__).parent.parent / "data" / "hostile"

SUBCOMMANDS = [name.removesuffix("_cmd") for name in COMMANDS]
# Words that are names, not sentences: formats, layers, options' values, labels, units of the tables.
NAMES = {"jsonl", "conll", "hf", "brat", "spacy", "spans", "labelstudio", "cluener", "doccano", "gold", "majority",
         "suggestions", "txt", "docx", "pdf", "ofd", "doc", "wps", "ann", "json", "csv", "tsv", "bio", "table",
         "rules", "dictionary", "model", "biaozhu", "utf", "gbk", "bom", "nul", "ok", "id", "exact", "reviewer",
         "annotator", "ours", "theirs", "keep-outer", "refuse", "pg_dump", "sqlite", "postgresql", "docbin",
         "token_start", "token_end", "ner_tags", "tokens", "text", "label", "entities", "start_offset",
         "end_offset", "data", "annotations", "predictions", "result", "start", "end", "value", "labels", "kappa",
         "seqeval", "nobody", "alpha", *SUBCOMMANDS, "set", "add", "role", "empty", "setup", "restore",
         "list", "auto", "adopt", "delete", "export", "import", "eval"}
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|`[^`]*`|«[^»]*»")
# A lower-case word: capitalised ones are names (labels such as Protein, Krippendorff's alpha).
ENGLISH = re.compile(r"(?<![\w./\\@#-])[a-z]{2,}(?![\w./\\@'-])")


def english_words(line: str, data: list[str]) -> list[str]:
    """The English words of ``line`` once its data is taken out: the paths and names the test handed in,
    quoted texts, options, UPPER-CASE label names and the format and layer names above."""
    for item in sorted(data, key=len, reverse=True):
        line = line.replace(item, " ")
    line = QUOTED.sub(" ", line)
    line = re.sub(r"--?[\w-]+|\S*/\S*|\S+\.\w{1,6}\b", " ", line)
    return [word for word in ENGLISH.findall(line) if word.lower() not in NAMES]


def commands(cli: Cli, db: Path, tmp_path: Path, peer_data: Path) -> Iterator[CompletedProcess[str]]:
    """The commands an annotator or reviewer runs, good input and bad, each printing what it prints."""
    zh = ("--lang", "zh", "--db", db)
    yield cli(*zh, "import", *sorted(seeds_dir().glob("*.txt")))
    yield cli(*zh, "import", *sorted(seeds_dir().glob("*.txt")))  # already in the project
    doccano = peer_data / "doccano" / "backend" / "data_import" / "tests" / "data"
    yield cli(*zh, "import", doccano / "sequence_labeling" / "example.jsonl", "--annotator", "张三")
    yield cli(*zh, "import", doccano / "sequence_labeling" / "example.jsonl")
    yield cli(*zh, "import", doccano / "sequence_labeling", doccano / "example.utf16.csv", "--annotator", "张三",
              "--create-labels")
    yield cli(*zh, "import", peer_data / "labelstudio", "--annotator", "李四", "--create-labels")
    yield cli(*zh, "import", peer_data / "brat" / "tutorials" / "bio", "--annotator", "李四")
    yield cli(*zh, "import", HOSTILE, "--annotator", "王五", "--create-labels")
    yield cli(*zh, "import", tmp_path / "missing.txt", tmp_path / "empty")
    yield cli(*zh, "import", "--max-size", "0", tmp_path / "missing.txt")
    yield cli(*zh, "docs")
    yield cli(*zh, "check")
    yield cli(*zh, "spans", "--document", "1")
    yield cli(*zh, "labels")
    yield cli(*zh, "labels", "add", "PLACE", "--title", "地点", "--color", "#123456", "--hotkey", "7")
    yield cli(*zh, "labels", "add", "PLACE")
    yield cli(*zh, "labels", "add", "TOWN", "--hotkey", "W")
    yield cli(*zh, "labels", "set", "PLACE", "--rename", "CITY", "--color", "red")
    yield cli(*zh, "labels", "set", "PLACE", "--rename", "CITY")
    yield cli(*zh, "labels", "delete", "CITY", "--reviewer", "王五")
    yield cli(*zh, "labels", "export", "-o", tmp_path / "labels.json")
    yield cli(*zh, "labels", "import", tmp_path / "labels.json")
    yield cli(*zh, "annotators")
    yield cli(*zh, "annotators", "role", "张三", "reviewer", "--reviewer", "王五")
    yield cli(*zh, "annotators", "role", "gold", "reviewer", "--reviewer", "张三")
    yield cli(*zh, "spans", "set-value", "999999", "5")
    yield cli(*zh, "spans", "delete", "999999")
    yield cli(*zh, "metrics")
    yield cli(*zh, "stats")
    yield cli(*zh, "stats", "--documents", "--limit", "2")
    yield cli(*zh, "outline", "1")
    yield cli(*zh, "outline", "999")
    yield cli(*zh, "suggest", "--from", "张三")
    yield cli(*zh, "suggest", "eval", "--from", "张三", "--test", "1")
    yield cli(*zh, "agreement")
    yield cli(*zh, "review")
    yield cli(*zh, "review", "auto", "--reviewer", "张三")
    yield cli(*zh, "review", "adopt", "nobody", "--reviewer", "张三")
    yield cli(*zh, "log", "--limit", "3")
    yield cli(*zh, "export", "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    yield cli(*zh, "export", "--format", "brat", "-o", "-")
    yield cli(*zh, "export", "--format", "jsonl", "--labels", "NOPE", "-o", tmp_path / "none.jsonl")
    yield cli(*zh, "export", "--format", "jsonl", "--layer", "gold", "-o", tmp_path / "gold.jsonl")
    yield cli(*zh, "export", "--format", "jsonl", "-o", tmp_path / "no" / "such" / "folder.jsonl")
    yield cli(*zh, "delete", "2", "--reviewer", "张三")
    yield cli(*zh, "delete", "999", "--reviewer", "张三")
    yield cli(*zh, "delete", "1", "--reviewer", "李四")
    yield cli(*zh, "trash")
    yield cli(*zh, "trash", "restore", "1", "999")
    yield cli(*zh, "trash", "empty")
    yield cli(*zh, "trash", "empty", "--yes", "--reviewer", "张三")
    yield cli(*zh, "backup", tmp_path / "copy.sqlite")
    yield cli(*zh, "backup", tmp_path / "copy.sqlite")
    yield cli(*zh, "merge", tmp_path / "copy.sqlite")
    yield cli(*zh, "merge", tmp_path / "nothing.sqlite")
    yield cli(*zh, "merge", tmp_path / "empty.sqlite")
    yield cli(*zh, "suggest", "--engines", "foo")
    yield cli(*zh, "server", "setup")
    yield cli("--lang", "zh", "--db", tmp_path / "nothing.sqlite", "docs")


def test_every_message_is_chinese_under_lang_zh(cli: Cli, tmp_path: Path, peer_data: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty.sqlite").touch()
    db = tmp_path / "project.sqlite"
    data = [str(tmp_path), str(peer_data), str(HOSTILE), str(seeds_dir()), "张三", "李四", "王五"]
    untranslated = []
    for result in commands(cli, db, tmp_path, peer_data):
        assert "Traceback" not in result.stderr, result.stderr
        for line in (result.stderr + result.stdout).splitlines():
            # Tab-separated rows are tables for scripts (their column names and stored data stay as they are).
            if "\t" not in line and english_words(line, data):
                untranslated.append(f"{' '.join(result.args[4:])}: {line}")
    assert untranslated == [], "\n".join(untranslated)


def test_machine_output_and_english_stay_as_they_are(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "project.sqlite"
    cli("--db", db, "import", *sorted(seeds_dir().glob("*.txt")), check=True)
    chinese = cli("--lang", "zh", "--db", db, "stats", "--format", "json", check=True)
    english = cli("--lang", "en", "--db", db, "stats", "--format", "json", check=True)
    assert chinese.stdout == english.stdout and '"documents"' in chinese.stdout
    exported = cli("--lang", "zh", "--db", db, "export", "--format", "jsonl", "-o", "-", check=True)
    assert exported.stdout == cli("--lang", "en", "--db", db, "export", "--format", "jsonl", "-o", "-").stdout
    assert "已导出 2 个文档" in exported.stderr
    assert "2 documents, 0 spans" in cli("--lang", "en", "--db", db, "docs", check=True).stdout
    assert "2 个文档，0 个标注" in cli("--lang", "zh", "--db", db, "docs", check=True).stdout


def test_every_template_keeps_its_fields_in_chinese() -> None:
    """A field lost or misspelt in a translation would print "{count}" or drop a file's name."""
    field = re.compile(r"\{(\w+)\}")
    wrong = [key for key, chinese in catalogue().items()
             if sorted(field.findall(key)) != sorted(field.findall(chinese)) or not chinese.strip()]
    assert wrong == []
