"""The PySide6 desktop app: the annotation window and its panels. Only this package imports Qt."""
