"""File ▸ Connect to a team server…: a PostgreSQL URL and, when the server wants one, a password.

The password is only used to connect: it is never remembered (the recent projects keep the URL without it),
and left empty libpq reads it from ``~/.pgpass``, where a team keeps it for good.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

DRIVER = "postgresql+psycopg"  # the driver biaozhu installs; a bare postgresql:// means this one


def server_url(text: str, password: str = "") -> URL | None:
    """The URL to connect with (its driver made explicit, ``password`` put in when given), or None when
    ``text`` is not a PostgreSQL URL naming a database."""
    try:
        url = make_url(text.strip())
    except ArgumentError:
        return None
    if url.get_backend_name() != "postgresql" or not url.database:
        return None
    if url.drivername == "postgresql":
        url = url.set(drivername=DRIVER)
    return url.set(password=password) if password else url


class ServerDialog(QDialog):
    """Asks for the server's URL and password; :meth:`target` is what to connect to once accepted."""

    def __init__(self, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a team server"))
        self.url = QLineEdit(url, self)
        self.url.setObjectName("server-url")
        self.url.setPlaceholderText("postgresql://annotator@db.example.org/biaozhu")
        self.url.setMinimumWidth(420)
        self.password = QLineEdit(self)
        self.password.setObjectName("server-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: read from ~/.pgpass"))
        self.message = QLabel(self.tr("The password is used to connect and never saved. To type it no more, put it "
                                      "in ~/.pgpass (host:port:database:user:password)."), self)
        self.message.setObjectName("server-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Server URL:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.message)
        form.addRow(buttons)
        (self.password if url else self.url).setFocus()

    def target(self) -> str:
        """The URL with the password, for connecting only (never to be stored)."""
        url = server_url(self.url.text(), self.password.text())
        assert url is not None, "accept() lets only a PostgreSQL URL through"
        return url.render_as_string(hide_password=False)

    def accept(self) -> None:
        if server_url(self.url.text()) is None:
            self.message.setText(self.tr("That is not a PostgreSQL URL with a database, such as "
                                         "postgresql://annotator@db.example.org/biaozhu."))
            return
        super().accept()
