"""The hand-tagged reference of the seed reports (benchmarks/reference) is what the suggestions benchmark scores
against: it must cover the seeds' very texts, import as any JSONL does, and hold all three labels."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from biaozhu.corpus.formats.doccano import read_doccano
from biaozhu.corpus.formats.plaintext import read_txt
from biaozhu.corpus.spans import crosses

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.stem)
def test_each_seed_report_has_a_reference_over_its_own_text(seed: Path) -> None:
    [reference] = read_doccano(ROOT / "benchmarks" / "reference" / f"{seed.stem}.jsonl", "reference")
    [report] = read_txt(seed)
    assert reference.text == report.text
    assert all(reference.text[s.start:s.end] == s.text for s in reference.spans)
    spans = sorted(reference.spans, key=lambda s: (s.start, -s.end))
    assert not any(crosses(a.start, a.end, b.start, b.end) for a in spans for b in spans)
    counts = Counter(s.label for s in spans)
    assert set(counts) == {"PROGRAM", "METRIC", "ORGANIZATION"} and counts["METRIC"] >= 30
