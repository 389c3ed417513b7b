"""jieba's default dictionary (word -> frequency, and their total), loaded without freezing the app.

jieba reads its own cache with one ``marshal.load`` of half a million entries, and its import pulls in
pkg_resources: about a second in which a worker thread holds the GIL in long C calls, so the window it loads
for stops answering. Here the same dictionary is kept in a cache of our own, in small marshalled chunks read
one at a time: the GIL is free between chunks (a few milliseconds each), and the whole is read faster than
jieba's file. The cache is named after jieba's version and its dictionary file's size and time, and built on
first use with jieba's own parser (pure Python, so it lets the GIL go too); a cache that cannot be read or
written is rebuilt or skipped, never an error.
"""

from __future__ import annotations

import io
import logging
import marshal
import os
from pathlib import Path

from platformdirs import user_cache_dir

CHUNK = 5_000  # entries per marshalled chunk: a few milliseconds to read


def _cache_path(dictionary: Path, version: str) -> Path:
    stat = dictionary.stat()
    name = f"jieba-{version}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    return Path(user_cache_dir("biaozhu", appauthor=False)) / name


def _read(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        stream = io.BytesIO(path.read_bytes())
        total, chunks = marshal.load(stream)
        freq: dict[str, int] = {}
        for _ in range(chunks):
            freq.update(marshal.load(stream))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return freq, total


def _write(path: Path, freq: dict[str, int], total: int) -> None:
    items = list(freq.items())
    parts = [dict(items[at:at + CHUNK]) for at in range(0, len(items), CHUNK)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        with partial.open("wb") as handle:
            marshal.dump((total, len(parts)), handle)
            for part in parts:
                marshal.dump(part, handle)
        partial.replace(path)  # whole or not at all: another process may be reading it
    except OSError:
        pass  # a read-only cache folder: parse jieba's dictionary again next time


def load_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary: from our chunked cache, else parsed from jieba's file (and cached)."""
    import jieba  # here, on the worker thread that needs it: importing it costs a third of a second

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as handle:
        path = _cache_path(Path(handle.name), jieba.__version__)
        cached = _read(path)
        if cached is not None:
            return cached
        freq, total = tokenizer.gen_pfdict(handle)
    _write(path, freq, total)
    return freq, total
