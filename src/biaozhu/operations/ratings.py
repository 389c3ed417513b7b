"""How unsure the model is of each document (the order of active learning), rated incrementally: tagging every
text of a 10,000-document project takes the model minutes, and it is trained again after every burst of edits.

Each rating keeps the document's text digest and the model that gave it. After a training run, only documents new
or changed since they were rated are rated at once (:meth:`Ratings.rate_changed`); the others keep the rating an
older model gave and are rated again afterwards, the most unsure first, a batch at a time
(:meth:`Ratings.refresh`), in the training process once its result is sent: a newer run stops that, and the
window shows what is rated so far. The file is swapped in whole (:func:`write_atomically`) after each batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import Engine, select

from biaozhu.corpus.crf import Model, Segment
from biaozhu.db.engine import session_factory
from biaozhu.db.models import Document
from biaozhu.operations.model_files import model_path, read_ratings, uncertainty_path, write_atomically

REFRESH_BATCH = 200  # documents rated again between two writes of the file
_MODEL_KEY = 16  # hex digits of a model's fingerprint kept with each rating


class Ratings:
    """The ratings of one project's documents, kept up to date with ``model`` (``fingerprint``: what it learned)."""

    def __init__(self, engine: Engine, model: Model, fingerprint: str, segment: Segment) -> None:
        self.sessions = session_factory(engine)
        self.model, self.segment = model, segment
        self.key = fingerprint[:_MODEL_KEY]
        self.path = uncertainty_path(model_path(engine.url))
        self.rated = read_ratings(self.path)

    def _digests(self) -> dict[int, str]:
        """Every document's text digest (read from an index: no text is read)."""
        with self.sessions() as session:
            return {document: digest for document, digest in session.execute(select(Document.id, Document.sha256))}

    def rate_changed(self) -> int:
        """Rate the documents without a rating of their text as it is now; forget those gone. How many rated."""
        digests = self._digests()
        changed = [document for document, digest in digests.items()
                   if self.rated.get(document, (0.0, "", ""))[1] != digest]
        gone = set(self.rated) - set(digests)
        for document in gone:
            del self.rated[document]
        self._rate(changed, digests)
        if changed or gone or not self.path.exists():
            self._write()
        return len(changed)

    def refresh(self, batch: int = REFRESH_BATCH) -> int:
        """Rate again, the most unsure first, the documents another model rated; the file is written after each
        ``batch``. How many rated."""
        digests = self._digests()
        older = sorted((document for document, (_, _, model) in self.rated.items()
                        if model != self.key and document in digests), key=lambda d: -self.rated[d][0])
        for at in range(0, len(older), batch):
            self._rate(older[at:at + batch], digests)
            self._write()
        return len(older)

    def _rate(self, documents: Iterable[int], digests: dict[int, str]) -> None:
        for document in documents:
            with self.sessions() as session:  # a short transaction per text: nobody's edits wait for the model
                text = session.scalar(select(Document.text).where(Document.id == document))
            if text is not None:
                value = round(self.model.tag(text, self.segment).uncertainty, 6)
                self.rated[document] = (value, digests[document], self.key)

    def _write(self) -> None:
        write_atomically(self.path, json.dumps({"documents": {
            str(document): list(rating) for document, rating in sorted(self.rated.items())}}).encode())
