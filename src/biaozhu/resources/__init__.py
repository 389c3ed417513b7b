"""Data files: the default label set, style sheet, translations. Loaded with importlib.resources."""
