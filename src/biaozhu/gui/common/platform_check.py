"""Before Qt starts: can the X11 (xcb) platform plugin load? On a fresh Debian/Ubuntu desktop it lacks system
libraries (libxcb-cursor0 first of all), and Qt then aborts with a long message and a core dump. Loading the
plugin ourselves finds the missing library, and the user reads one sentence naming the apt package instead."""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

import PySide6

APT_LINE = ("sudo apt-get install -y libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 "
            "libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libegl1 libfontconfig1 libdbus-1-3")
_SONAME = re.compile(r"^(lib[\w.+-]+?)\.so\.(\d+)")


def package_for(library: str) -> str:
    """The Debian package of a shared library by Debian's naming rule: libxcb-cursor.so.0 → libxcb-cursor0,
    libxkbcommon-x11.so.0 → libxkbcommon-x11-0 (a hyphen when the name ends in a digit)."""
    match = _SONAME.match(library)
    if match is None:
        return library
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def xcb_plugin() -> Path | None:
    """The libqxcb.so Qt would load: from QT_QPA_PLATFORM_PLUGIN_PATH first, as Qt looks, else PySide6's own."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders.append(Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms")
    return next((folder / "libqxcb.so" for folder in folders if (folder / "libqxcb.so").is_file()), None)


def missing_library(plugin: Path) -> str | None:
    """The shared library that keeps ``plugin`` from loading (None: it loads)."""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return str(exc).split(":", 1)[0].strip() or str(exc)
    return None


def uses_xcb() -> bool:
    """Whether Qt is going to start the xcb platform (Linux, an X display, no other platform asked for)."""
    if not sys.platform.startswith("linux"):
        return False
    asked = os.environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":", 1)[0] == "xcb"
    return not os.environ.get("WAYLAND_DISPLAY")


def platform_problem() -> str | None:
    """One sentence on why the window cannot open, when the xcb plugin would make Qt abort; else None."""
    if not uses_xcb():
        return None
    if not os.environ.get("DISPLAY"):
        return ("biaozhu cannot open its window: there is no desktop display (DISPLAY is not set); "
                "the command line works without one, see `biaozhu --help`")
    plugin = xcb_plugin()
    library = missing_library(plugin) if plugin is not None else None
    if library is None:
        return None
    return (f"biaozhu cannot open its window: the system library {library} is missing; install package "
            f"{package_for(library)} (all that the window needs: {APT_LINE})")
