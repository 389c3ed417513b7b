"""What the command line prints never drives the terminal: names and texts come from documents and other people's
files, and an escape sequence in them (``\\x1b]0;…``, a carriage return, a bidi override) would move the cursor,
retitle the window or hide what is printed. Such characters are shown as ``\\u001b``, which also keeps printed
JSON valid; line breaks and tabs (the listings' separators) pass. A file name that is not UTF-8 (its bytes kept
as lone surrogates) is shown the same way instead of failing to print."""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escaped(text: str) -> str:
    """``text`` with terminal controls written as ``\\uXXXX``."""
    return _CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class EscapingStream:
    """A text stream that escapes what is written to it; everything else (``buffer`` for binary exports to
    standard output, ``flush``, ``isatty``) is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escaped(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def escape_output() -> None:
    """From now on, standard output and error escape terminal controls."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, EscapingStream):
            setattr(sys, name, EscapingStream(stream))
