"""The File menu under a real X server and window manager (Xvfb + openbox), driven by keys as an analyst
drives it: Ctrl+I, a path typed into the file dialog and Enter imports the report; Ctrl+O, a path and Enter
opens another project and the title names it. Skipped where Xvfb, openbox or xdotool are missing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from biaozhu.db.engine import create_project_engine, session_factory
from biaozhu.db.project import initialise

TOOLS = ("Xvfb", "openbox", "xdotool")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS), reason="needs " + ", ".join(TOOLS))]


def wait_for(check: Callable[[], object], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {check.__doc__ or check}")
        time.sleep(0.2)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A fresh X display (the first free number Xvfb finds) with openbox managing its windows."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as number:
        name = f":{number.readline().strip()}"
    manager = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": name}, stderr=subprocess.DEVNULL)
    try:
        yield name
    finally:
        for process in (manager, server):
            process.terminate()
            process.wait(timeout=10)


def active_title(display: str) -> str:
    result = subprocess.run(["xdotool", "getactivewindow", "getwindowname"], capture_output=True, text=True,
                            env={**os.environ, "DISPLAY": display}, timeout=10)
    return result.stdout.strip()


def new_project(path: Path) -> Path:
    engine = create_project_engine(str(path))
    with session_factory(engine).begin() as session:
        initialise(session, with_seeds=False)
    engine.dispose()
    return path


def test_ctrl_i_imports_a_typed_path_and_ctrl_o_opens_another_project(display: str, tmp_path: Path) -> None:
    first, second = new_project(tmp_path / "first.sqlite"), new_project(tmp_path / "second.sqlite")
    report = tmp_path / "report.txt"
    report.write_text("泸州银行推出“酒城同心·金融速贷”。\n", encoding="utf-8")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    app = subprocess.Popen([sys.executable, "-m", "biaozhu", "--db", str(first), "--annotator", "张三", "--lang", "en"],
                           env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def keys(*typed: str, text: str = "") -> None:
        command = ["xdotool", "type", "--delay", "20", text] if text else ["xdotool", "key", *typed]
        subprocess.run(command, env=env, check=True, timeout=30)

    try:
        wait_for(lambda: active_title(display) == "first — biaozhu 标注")
        keys("ctrl+i")
        wait_for(lambda: active_title(display).startswith("Import reports and annotations"))
        keys(text=str(report))
        keys("Return")
        wait_for(lambda: active_title(display) == "Import — biaozhu 标注")  # the summary
        with sqlite3.connect(first) as raw:
            assert raw.execute("SELECT name FROM documents").fetchall() == [("report.txt",)]
        keys("Return")  # closes the summary
        wait_for(lambda: active_title(display) == "report.txt — first — biaozhu 标注")
        keys("ctrl+o")
        wait_for(lambda: active_title(display).startswith("Open project"))
        keys(text=str(second))
        keys("Return")
        wait_for(lambda: active_title(display) == "second — biaozhu 标注")
        keys("ctrl+q")
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
        _, errors = app.communicate(timeout=30)
    assert "Traceback" not in errors.decode("utf-8")
