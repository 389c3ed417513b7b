"""The annotation window's working parts, imported together: by the app's worker while the window's first look
is painted (they bring SQLAlchemy, the models and the queries), so that :meth:`MainWindow.finish` on the UI thread
only makes them; and where the window opens."""

from __future__ import annotations

from sqlalchemy.orm import Session

from biaozhu.db.documents import first_document
from biaozhu.db.permissions import ensure_person
from biaozhu.db.status import last_worked_on
from biaozhu.gui.annotate.actions import WindowActions
from biaozhu.gui.annotate.comments import AnnotateComments
from biaozhu.gui.annotate.context_menu import SpanContextMenu
from biaozhu.gui.annotate.document_actions import DocumentActions
from biaozhu.gui.annotate.editing import SpanEditing
from biaozhu.gui.annotate.guidance import Guidance
from biaozhu.gui.annotate.label_sync import LabelSync
from biaozhu.gui.annotate.layer import Layer
from biaozhu.gui.annotate.linking import Linking
from biaozhu.gui.annotate.model_training import ModelTrainer
from biaozhu.gui.annotate.places import DocumentPlaces
from biaozhu.gui.annotate.snap_preview import SnapPreview
from biaozhu.gui.annotate.snapping import Snapping
from biaozhu.gui.annotate.span_filter import SpanScope
from biaozhu.gui.annotate.suggestions import SuggestionBoard
from biaozhu.gui.annotate.window_lists import WindowLists
from biaozhu.gui.common.label_infos import LabelSet, label_set
from biaozhu.gui.common.time_clock import TimeClock

__all__ = ["AnnotateComments", "DocumentActions", "DocumentPlaces", "Guidance", "LabelSync", "Layer", "Linking",
           "ModelTrainer", "SnapPreview", "Snapping", "SpanContextMenu", "SpanEditing", "SpanScope",
           "SuggestionBoard", "TimeClock", "Where", "WindowActions", "WindowLists", "where_to_open"]

Where = tuple[int, LabelSet, int | None]  # the annotator's id, the labels, the document to open (None: no document)


def where_to_open(session: Session, annotator: str, document_id: int | None) -> Where:
    """The annotator's id (stored on first use), the project's labels and the document the window opens on:
    ``document_id``, else the one the annotator last worked on, else the first (None in an empty project)."""
    annotator_id = ensure_person(session, annotator).id
    first = first_document(session, document_id or last_worked_on(session, annotator_id))
    return annotator_id, label_set(session), first
