"""Dialogs opened from either window: agreement, export, find in all documents, trash, the annotator's name."""
