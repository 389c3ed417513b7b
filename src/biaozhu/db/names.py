"""The names and the schema revision the storage fixes, importable without SQLAlchemy: the app paints its first
window (:mod:`biaozhu.db.first_look`) and checks a remembered annotator's name before SQLAlchemy is loaded."""

from __future__ import annotations

SCHEMA_REVISION = "0008"  # the newest migration; tests/db/test_engine_open.py holds it to Alembic's head
GOLD = "gold"  # the name of the adjudicated layer; reviewers write it
SUGGESTIONS = "suggestions"  # what the engines propose; nobody's data until accepted
METRIC = "METRIC"  # the label whose spans are figures
MAJORITY = "majority"  # the majority-vote layer, computed for an export (biaozhu.db.majority), never stored
RESERVED_LAYERS = (GOLD, MAJORITY, SUGGESTIONS)
MERGED_GOLD = GOLD + "@"  # their gold, merged in as the layer gold@OTHER


def is_reserved(name: str) -> bool:
    """Whether ``name`` is one of the reserved layer names (in any case, with any white space around it) or a
    merged gold layer."""
    folded = name.strip().casefold()
    return folded in RESERVED_LAYERS or folded.startswith(MERGED_GOLD)
