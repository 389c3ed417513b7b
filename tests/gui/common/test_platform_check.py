"""A desktop without the X11 libraries Qt's xcb plugin needs: ``biaozhu`` says which apt package to install, in
one sentence and exit code 3, instead of Qt's abort. The missing library is real: a plugin built here that needs a
library the system does not have, found where Qt looks for platform plugins (QT_QPA_PLATFORM_PLUGIN_PATH)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from biaozhu.gui.common.platform_check import APT_LINE, missing_library, package_for, xcb_plugin

MISSING = "libxcb-biaozhu-test.so.0"  # what no system has


@pytest.fixture
def broken_plugins(tmp_path: Path) -> Path:
    """A folder with a libqxcb.so that needs ``MISSING``, which is gone once the plugin is linked."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc builds the plugin that needs a missing library")
    stub, plugins = tmp_path / "stub", tmp_path / "platforms"
    stub.mkdir()
    plugins.mkdir()
    source = tmp_path / "x.c"
    source.write_text("int biaozhu_test(void) { return 1; }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(stub / MISSING), f"-Wl,-soname,{MISSING}", str(source)],
                   check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(plugins / "libqxcb.so"), str(source), "-Wl,--no-as-needed",
                    str(stub / MISSING)], check=True)
    shutil.rmtree(stub)
    return plugins


@pytest.mark.parametrize(("library", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libEGL.so.1", "libegl1"), ("libdbus-1.so.3", "libdbus-1-3")])
def test_a_library_is_named_by_its_debian_package(library: str, package: str) -> None:
    assert package_for(library) == package
    assert package in APT_LINE


def test_the_plugin_in_use_loads_here(broken_plugins: Path) -> None:
    shipped = xcb_plugin()
    assert shipped is not None and missing_library(shipped) is None
    assert missing_library(broken_plugins / "libqxcb.so") == MISSING


def test_a_missing_library_is_one_sentence_naming_the_package_and_exit_code_3(
        broken_plugins: Path, tmp_path: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    project = tmp_path / "project.sqlite"
    result = cli("--db", project, "--annotator", "张三", env={
        "QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins), "DISPLAY": ":99"})
    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert MISSING in result.stderr and "libxcb-biaozhu-test0" in result.stderr
    assert "sudo apt-get install -y libxcb-cursor0" in result.stderr
    assert not project.exists()  # nothing was created for a window that could not open


def test_no_display_at_all_is_said_too(tmp_path: Path, cli: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    result = cli("--db", tmp_path / "p.sqlite", "--annotator", "张三",
                 env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 3 and "DISPLAY" in result.stderr and "Traceback" not in result.stderr
