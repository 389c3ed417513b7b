"""The annotation domain: texts, offsets, spans and file formats. No Qt, no SQL."""
