"""A team server that never answers (an address that swallows packets, a server hung mid-start) is refused with
one sentence within the connect timeout, instead of freezing the window for ever (issue 13)."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator

import pytest

from biaozhu.db import engine as engine_module
from biaozhu.db.engine import create_project_engine
from biaozhu.db.errors import StorageError
from biaozhu.db.project import open_project

NO_ANSWER = "cannot reach the database server (no answer in time): check the address and the network"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A PostgreSQL URL whose port takes the connection and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # never accepted: the kernel completes the handshake, nobody answers
        yield f"postgresql+psycopg://biaozhu@127.0.0.1:{listener.getsockname()[1]}/biaozhu"


@pytest.mark.parametrize("opening", [create_project_engine, open_project], ids=["engine", "project"])
def test_a_server_that_never_answers_is_refused_within_the_connect_timeout(
        silent_server: str, monkeypatch: pytest.MonkeyPatch, opening: Callable[[str], object]) -> None:
    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT_S", 2)  # libpq's smallest
    began = time.monotonic()
    with pytest.raises(StorageError) as refused:
        opening(silent_server)
    assert time.monotonic() - began < 8
    assert str(refused.value) == f"{silent_server}: {NO_ANSWER}"
