"""Fixtures for the storage tests that run annotators in processes of their own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def annotator_worker() -> ModuleType:
    """``annotator_worker.py``: starts annotator processes and checks their logs against the database."""
    spec = importlib.util.spec_from_file_location("biaozhu_annotator_worker",
                                                  Path(__file__).with_name("annotator_worker.py"))
    assert spec and spec.loader
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look themselves up
    spec.loader.exec_module(module)
    return module
