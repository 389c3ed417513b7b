"""Bad input through ``biaozhu import``, as a user meets it: each bad file gets a message naming it (and the
line), nothing of it is stored, the good files are imported, the exit code says something failed.
Also: text is data, never markup, and an export writes only the file the user named."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import orjson

from biaozhu.db.project import seeds_dir

REPORT = ("泸州市委统战部联合泸州银行推出“酒城同心·金融速贷”，"
          "累计发放贷款377.178亿元，惠及7306人次。")


def jsonl(*records: object) -> bytes:
    return b"".join(orjson.dumps(record) + b"\n" for record in records)


def test_bad_files_are_named_and_skipped_and_the_good_ones_imported(db_url: str, tmp_path: Path,
                                                                    cli) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    bad = {
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        "empty.txt": (b"", "empty"),
        "undecodable.txt": (bytes([0x81, 0x30, 0xFF, 0xFE, 0xC0, 0x80, 0xFF]) * 40, "encoding"),
        "fake.docx": (b"this is not a Word file at all", "not a Word .docx"),
        "broken.jsonl": (jsonl({"text": REPORT, "label": []})[:-1] + b'\n{"text": "broken\n', ":2: not valid JSON"),
        "out_of_range.jsonl": (jsonl({"text": "泸州银行", "label": []},
                                     {"text": "泸州银行", "label": [[2, 40, "ORGANIZATION"]]}),
                               ":2: span [2, 40) ORGANIZATION is outside the text"),
        "crossing.jsonl": (jsonl({"text": REPORT, "label": [[0, 7, "ORGANIZATION"], [5, 12, "ORGANIZATION"]]}),
                           ":1:"),
        "unknown_label.jsonl": (jsonl({"text": REPORT + "。", "label": [[0, 7, "PERSON"]]}), "PERSON"),
    }
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    (folder / "nested.jsonl").write_bytes(jsonl({"text": REPORT + "\n另一段", "label": [
        [0, 7, "ORGANIZATION"], [0, 2, "ORGANIZATION"], [44, 55, "METRIC"]]}))

    result = cli("--db", db_url, "import", folder, "--annotator", "张三")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == len(bad), result.stderr
    for name, (_, phrase) in bad.items():
        [message] = [line for line in errors if f"{folder / name}" in line]
        assert phrase in message, message
        assert "nothing imported from this file" in message
    assert "2 files imported, 8 failed" in result.stderr
    docs = cli("--db", db_url, "docs", check=True).stdout
    assert "2 documents, 3 spans" in docs  # the good text and the nested spans; nothing from the bad files

    created = cli("--db", db_url, "import", folder / "unknown_label.jsonl", "--annotator", "张三", "--create-labels")
    assert created.returncode == 0 and "new labels: PERSON" in created.stdout


def test_a_50_megabyte_report_imports_whole(sqlite_path: Path, tmp_path: Path,
                                            cli) -> None:
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt")))
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        copies = 0
        while handle.tell() < 50_000_000:
            handle.write(f"第{copies}部分\n{seed}\n")
            copies += 1
    began = time.perf_counter()
    result = cli("--db", sqlite_path, "import", big)
    seconds = time.perf_counter() - began
    assert result.returncode == 0, result.stderr
    length = len(big.read_text(encoding="utf-8"))
    assert f"\t{length}\tbig.txt" in cli("--db", sqlite_path, "docs", check=True).stdout
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"50 MB report ({length:,} characters) imported in {seconds:.1f} s; largest process {peak:.0f} MB")


def test_text_is_data_not_markup_and_an_export_writes_only_its_file(db_url: str, tmp_path: Path,
                                                                    cli) -> None:
    markup = '<b>泸州</b><script>alert("x")</script>&amp; \x1b[31m红\x1b[0m {label} %s'
    source = tmp_path / "markup.jsonl"
    source.write_bytes(jsonl({"text": markup, "label": [[3, 5, "ORGANIZATION"]], "meta": {"name": "<i>名</i>"}}))
    cli("--db", db_url, "import", source, "--annotator", "张三", check=True)
    out = tmp_path / "out"
    out.mkdir()
    cli("--db", db_url, "export", "--annotator", "张三", "-o", out / "export.jsonl", check=True)
    assert [p.name for p in out.iterdir()] == ["export.jsonl"]  # no temporary file left beside it
    [record] = [orjson.loads(line) for line in (out / "export.jsonl").read_bytes().splitlines()]
    assert record["text"] == markup and record["label"] == [[3, 5, "ORGANIZATION"]]
    failed = cli("--db", db_url, "export", "--annotator", "nobody", "-o", out / "nobody.jsonl")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert [p.name for p in out.iterdir()] == ["export.jsonl"]  # a failed export leaves nothing behind
