"""What every window and dialog on one open project shares: its name (in window titles), its sessions (only
through the action runner), the change bus, and the poller that notices other programs' changes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from sqlalchemy import URL
from sqlalchemy.orm import Session, sessionmaker

from biaozhu.gui.common.changes import ChangeBus
from biaozhu.gui.common.polling import POLL_MS, ChangePoller
from biaozhu.gui.common.runner import ActionRunner


class OpenProject(QObject):
    def __init__(self, sessions: sessionmaker[Session], poll_ms: int = POLL_MS,
                 parent: QObject | None = None, name: str = "biaozhu") -> None:
        super().__init__(parent)
        self.name = name
        self.bus = ChangeBus(self)
        self.runner = ActionRunner(sessions, self.bus, self)
        self.poller = ChangePoller(self.runner, poll_ms, self)

    def close(self) -> None:
        self.poller.stop()


def project_location(sessions: sessionmaker[Session]) -> str:
    """The open project as the user named it: a file path, or a server URL without its password."""
    url: URL = sessions.kw["bind"].url
    if url.drivername.startswith("sqlite") and url.database:
        return url.database.removeprefix("file:")  # a read-only project is opened through a file: URI
    return url.render_as_string(hide_password=True)
