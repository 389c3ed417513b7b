"""Widgets that show a project's data and report what the user did: the document view and its painting, the
document list, the label bar, the find bar, table helpers. They change nothing themselves."""
