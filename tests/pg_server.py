"""A throwaway PostgreSQL server for the test session: initdb into a temporary folder, listen on a free
loopback port with trust authentication, remove everything at the end; and a fresh database on any server.

Used by ``tests/conftest.py`` when BIAOZHU_TEST_PG_URL does not name a server, so the README's test
command exercises PostgreSQL on every machine that has its binaries (Debian: ``apt-get install postgresql``),
and by ``benchmarks/concurrent_annotators.py``, so both make their servers and databases the same way.
PostgreSQL refuses to run as root; as root the server runs as the ``postgres`` user the package creates.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def find_bin_dir() -> Path | None:
    """The newest PostgreSQL's programs: Debian's /usr/lib/postgresql/N/bin, else pg_ctl on PATH."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                      key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.name)] or [0])
    found = [p for p in versions if (p / "initdb").exists() and (p / "pg_ctl").exists()]
    if found:
        return found[-1]
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl and (Path(pg_ctl).parent / "initdb").exists() else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """Command prefix (and user) to run the server's programs: as root, the ``postgres`` user."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("PostgreSQL refuses to run as root and there is no 'postgres' user "
                           "(install Debian's postgresql package)") from None
    return ["runuser", "-u", "postgres", "--"], user


@contextmanager
def throwaway_server(bin_dir: Path) -> Iterator[str]:
    """Start a server, yield its admin URL (user ``postgres``, database ``postgres``), stop and delete it."""
    prefix, user = _as_server_user()
    home = Path(tempfile.mkdtemp(prefix="biaozhu-pg-"))
    data, log = home / "data", home / "server.log"
    if user is not None:
        os.chown(home, user.pw_uid, user.pw_gid)
    run = {"check": True, "capture_output": True, "text": True, "timeout": 120}
    started = False
    try:
        subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--no-locale", "--no-sync"], **run)
        port = _free_port()
        # Durability settings off: these tests kill clients, never the server, and must be quick.
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={home} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                        "-w", "-t", "60", "start"], **run)
        started = True
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    except subprocess.CalledProcessError as exc:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"could not start PostgreSQL: {' '.join(exc.cmd[-3:])}: {exc.stderr}{tail}") from None
    finally:
        if started:
            subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=120)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def fresh_database(admin_url: str, prefix: str, template: str | None = None) -> Iterator[str]:
    """Create a database named ``prefix`` + a random suffix on ``admin_url``'s server (empty, or a file-level
    copy of the database ``template``), yield its URL, drop it at the end (even while clients are still
    connected)."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copied = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
