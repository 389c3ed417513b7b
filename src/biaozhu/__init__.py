"""biaozhu 标注: a desktop span annotator for Chinese reports."""

__version__ = "0.1.0"
