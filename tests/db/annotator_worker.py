"""An annotator in a box: a process that makes random edits through the real db/ functions, one transaction
each, logging every one it commits; and the replay that tells whether the database holds exactly those.

Run as a script by the concurrency and crash tests and by benchmarks/ (``python annotator_worker.py URL NAME
EDITS LOG``). The log has, per edit, an ``intent`` line written before the transaction and a ``done`` line
written (flushed and, with --fsync, synced) after commit returned. An edit with a ``done`` line is committed
and must be in the database; an ``intent`` without one was in flight when the process died, and
:func:`resolve_in_flight` looks in the database to see whether it landed.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.corpus.model import SourceDocument
from biaozhu.db.annotators import ensure_annotator
from biaozhu.db.documents import add_document
from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.models import Document, Label, Span, TrashItem
from biaozhu.db.project import seeds_dir
from biaozhu.db.spans import (
    SpanRefused,
    add_span,
    relabel_span,
    remove_span,
    restore_span,
    trash_span,
)

DOCUMENT_PREFIX = "doc-"  # the documents annotators work on (others may be imported meanwhile)

SpanKey = tuple[int, int, int, int]  # document, start, end, label


@dataclass
class Layer:
    """One annotator's layer as the log says it should be: live spans by id, and their spans in the trash."""

    spans: dict[int, SpanKey] = field(default_factory=dict)
    trash: dict[int, SpanKey] = field(default_factory=dict)

    def apply(self, edit: dict[str, Any]) -> None:
        """Replay one committed edit."""
        op, result = edit["op"], edit.get("result")
        if result is None:  # refused: nothing changed
            return
        if op == "add":
            self.spans[result] = tuple(edit["key"])
        elif op == "relabel":
            doc, start, end, _ = self.spans[edit["span"]]
            self.spans[edit["span"]] = (doc, start, end, edit["label"])
        elif op == "trash":
            self.trash[result] = self.spans.pop(edit["span"])
        elif op == "restore":
            self.spans[result] = self.trash.pop(edit["trash"])
        elif op == "remove":
            del self.spans[edit["span"]]


def read_log(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Committed edits in order, and the edit in flight (an intent with no done line), if any."""
    done: list[dict[str, Any]] = []
    pending: dict[str, Any] | None = None
    if not path.exists():
        return done, None
    for line in path.read_bytes().splitlines():
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:  # the last line, cut by the kill
            continue
        if entry["phase"] == "intent":
            pending = entry
        elif pending is not None and entry["seq"] == pending["seq"]:
            done.append({**pending, "result": entry["result"]})
            pending = None
    return done, pending


def database_layer(session: Session, annotator_id: int) -> Layer:
    layer = Layer()
    for span_id, *key in session.execute(select(Span.id, Span.document_id, Span.start, Span.end, Span.label_id)
                                         .where(Span.annotator_id == annotator_id)):
        layer.spans[span_id] = tuple(key)
    for trash_id, payload in session.execute(select(TrashItem.id, TrashItem.payload).where(
            TrashItem.kind == "span", TrashItem.annotator_id == annotator_id)):
        layer.trash[trash_id] = (payload["document_id"], payload["start"], payload["end"], payload["label_id"])
    return layer


def resolve_in_flight(expected: Layer, actual: Layer, edit: dict[str, Any]) -> int | None:
    """Whether the edit in flight landed, judged from the database: its result, or None if it did not."""
    op = edit["op"]
    if op == "add":
        key = tuple(edit["key"])
        new = [i for i, k in actual.spans.items() if k == key and i not in expected.spans]
        return new[0] if new else None
    if op == "relabel":
        return 0 if actual.spans.get(edit["span"], (0, 0, 0, None))[3] == edit["label"] else None
    if op in ("trash", "remove"):
        if edit["span"] in actual.spans:
            return None
        new_trash = [i for i in actual.trash if i not in expected.trash]
        return (new_trash[0] if new_trash else None) if op == "trash" else 0
    if edit["trash"] in actual.trash:  # restore
        return None
    key = expected.trash[edit["trash"]]
    return next((i for i, k in actual.spans.items() if i not in expected.spans and k == key), None)


def replay(session: Session, annotator_id: int, log: Path) -> tuple[Layer, dict[str, Any] | None]:
    """Replay the log; the edit in flight, if any, is settled by looking at the database and returned."""
    done, pending = read_log(log)
    layer = Layer()
    for edit in done:
        layer.apply(edit)
    if pending is None:
        return layer, None
    settled = {**pending, "result": resolve_in_flight(layer, database_layer(session, annotator_id), pending)}
    layer.apply(settled)
    return layer, settled


def differences(session: Session, annotator: str, log: Path) -> list[str]:
    """Where the database and the replayed log disagree about one annotator's layer and trash."""
    who = ensure_annotator(session, annotator).id
    expected, actual = replay(session, who, log)[0], database_layer(session, who)
    problems = []
    for what, want, got in (("span", expected.spans, actual.spans), ("trash item", expected.trash, actual.trash)):
        problems += [f"{annotator}: committed {what} {i} {want[i]} is missing" for i in want.keys() - got.keys()]
        problems += [f"{annotator}: {what} {i} {got[i]} was never logged" for i in got.keys() - want.keys()]
        problems += [f"{annotator}: {what} {i} is {got[i]}, the log says {want[i]}"
                     for i in want.keys() & got.keys() if want[i] != got[i]]
    return problems


class Log:
    """The edit log: an intent before each transaction, a done line once commit has returned."""

    def __init__(self, path: Path, fsync: bool) -> None:
        self.handle = path.open("ab+")
        self.fsync = fsync
        if self.handle.tell():
            self.handle.seek(-1, os.SEEK_END)
            if self.handle.read(1) != b"\n":  # a line cut by a kill: end it, so the next one stands alone
                self.write_raw(b"\n")

    def write_raw(self, data: bytes) -> None:
        self.handle.write(data)
        self.handle.flush()
        if self.fsync:
            os.fsync(self.handle.fileno())

    def write(self, entry: dict[str, Any]) -> None:
        self.write_raw(orjson.dumps(entry) + b"\n")


def annotate(url: str, name: str, edits: int, log_path: Path, seed: int, fsync: bool) -> tuple[int, int]:
    """Make ``edits`` attempts (add, relabel, delete, undo); returns (committed, refused)."""
    rng = random.Random(seed)
    sessions = session_factory(create_project_engine(url))
    with sessions.begin() as session:
        who = ensure_annotator(session, name).id
        texts = {i: text for i, text in session.execute(select(Document.id, Document.text)
                                                        .where(Document.name.startswith(DOCUMENT_PREFIX)))}
        labels = list(session.scalars(select(Label.id)))
        layer, settled = replay(session, who, log_path)
    log = Log(log_path, fsync)
    if settled is not None:  # the edit the last process died in: record whether it landed
        log.write({"seq": settled["seq"], "phase": "done", "result": settled["result"]})
    seq = settled["seq"] + 1 if settled else _next_seq(log_path)
    documents = sorted(texts)
    print("ready", flush=True)  # whoever waits for the edits to begin
    committed = refused = 0
    for _ in range(edits):
        edit = _choose(rng, layer, documents, texts, labels)
        edit["seq"] = seq
        log.write({**edit, "phase": "intent"})
        try:
            with sessions.begin() as session:
                result = _perform(session, who, edit, texts)
        except SpanRefused:
            result = None
        log.write({"seq": seq, "phase": "done", "result": result})
        seq += 1
        layer.apply({**edit, "result": result})
        committed += result is not None
        refused += result is None
    return committed, refused


def _next_seq(log_path: Path) -> int:
    done, _ = read_log(log_path)
    return done[-1]["seq"] + 1 if done else 0


def _choose(rng: random.Random, layer: Layer, documents: list[int], texts: dict[int, str],
            labels: list[int]) -> dict[str, Any]:
    roll = rng.random()
    if layer.spans and roll < 0.15:
        span = rng.choice(list(layer.spans))
        return {"op": "relabel", "span": span, "label": rng.choice([x for x in labels if x != layer.spans[span][3]])}
    if layer.spans and roll < 0.30:
        return {"op": "trash", "span": rng.choice(list(layer.spans))}
    if layer.spans and roll < 0.40:
        return {"op": "remove", "span": rng.choice(list(layer.spans))}  # undoing an add
    if layer.trash and roll < 0.50:
        return {"op": "restore", "trash": rng.choice(list(layer.trash))}  # undoing a delete
    document = rng.choice(documents)
    start = rng.randrange(len(texts[document]) - 8)
    return {"op": "add", "key": [document, start, start + rng.randint(1, 8), rng.choice(labels)]}


def _perform(session: Session, who: int, edit: dict[str, Any], texts: dict[int, str]) -> int | None:
    op = edit["op"]
    if op == "add":
        document, start, end, label = edit["key"]
        return add_span(session, document, who, label, start, end, texts[document][start:end])
    if op == "relabel":
        relabel_span(session, edit["span"], edit["label"])
        return 0
    if op == "trash":
        return trash_span(session, edit["span"])
    if op == "remove":
        remove_span(session, edit["span"])
        return 0
    return restore_span(session, edit["trash"])


def add_documents(sessions: sessionmaker[Session], count: int = 6) -> None:
    """Documents for the annotators, cut from the seed reports and named as :func:`annotate` expects."""
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt")))
    size = len(seed) // count
    with sessions.begin() as session:
        for number in range(count):
            add_document(session, SourceDocument(name=f"{DOCUMENT_PREFIX}{number}", source="test",
                                                 text=seed[number * size:(number + 1) * size]))


def start(url: str, name: str, edits: int, log: Path, seed: int, *, fsync: bool = False) -> subprocess.Popen[bytes]:
    """This script as a process of its own: one annotator."""
    command = [sys.executable, __file__, url, name, str(edits), str(log), "--seed", str(seed)]
    return subprocess.Popen(command + (["--fsync"] if fsync else []), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("annotator")
    parser.add_argument("edits", type=int)
    parser.add_argument("log", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fsync", action="store_true", help="sync each log line (for crash tests)")
    args = parser.parse_args()
    began = time.perf_counter()
    committed, refused = annotate(args.url, args.annotator, args.edits, args.log, args.seed, args.fsync)
    print(orjson.dumps({"committed": committed, "refused": refused,
                        "seconds": time.perf_counter() - began}).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
