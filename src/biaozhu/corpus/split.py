"""Train/dev/test by document, reproducible from a seed.

Documents are ordered by a hash of the seed and their text's sha256, then cut at the fractions: the same
seed gives the same split on any machine, whatever order the documents were imported in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

PARTS = ("train", "dev", "test")


def parse_fractions(text: str) -> tuple[float, ...]:
    """``"0.8,0.1,0.1"`` to three fractions summing to 1 (ValueError, worded for the user, otherwise)."""
    try:
        fractions = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise ValueError(f"--split takes three fractions such as 0.8,0.1,0.1, not {text!r}") from None
    if len(fractions) != len(PARTS) or any(f < 0 for f in fractions) or abs(sum(fractions) - 1) > 1e-6:
        raise ValueError(f"--split takes three fractions (train, dev, test) adding up to 1, not {text!r}")
    return fractions


def assign(hashes: Mapping[int, str], fractions: tuple[float, ...], seed: int) -> dict[str, set[int]]:
    """Document ids per part; part sizes are the fractions of the count, rounded, test taking the rest."""
    order = sorted(hashes, key=lambda doc: hashlib.sha256(f"{seed}:{hashes[doc]}".encode()).hexdigest())
    total = len(order)
    train = round(fractions[0] * total)
    dev = min(total - train, round(fractions[1] * total))
    return {"train": set(order[:train]), "dev": set(order[train:train + dev]), "test": set(order[train + dev:])}


def part_path(path: Path, part: str, folder: bool) -> Path:
    """Where a part goes: ``out-train.conll`` beside ``out.conll``; ``out/train/`` inside a folder export."""
    if folder:
        return path / part
    return path.with_name(f"{path.stem}-{part}{path.suffix}")
