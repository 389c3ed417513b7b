"""Shared fixtures: real project databases (SQLite files, and PostgreSQL when a server is given), the CLI
as a user runs it, and the peers' own fixture files."""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("BIAOZHU_DB", None)  # tests always say which project they use

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

import pg_server
from biaozhu.cli import build_parser, main
from biaozhu.db.engine import create_project_engine, dispose_all, session_factory
from biaozhu.db.project import initialise

REPO = Path(__file__).resolve().parents[1]
PEER_DATA = REPO.parent / "shared" / "peer-data"
PG_ADMIN_URL = os.environ.get("BIAOZHU_TEST_PG_URL")  # e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres
# In CI a missing PostgreSQL fails the run instead of skipping half the suite.
PG_REQUIRED = any(os.environ.get(name, "").lower() in {"1", "true", "yes"}
                  for name in ("CI", "BIAOZHU_TEST_PG_REQUIRED"))
BACKENDS = ["sqlite", "postgresql"]
SUBCOMMANDS = frozenset(next(action for action in build_parser()._subparsers._group_actions).choices)


@pytest.fixture(scope="session")
def peer_data() -> Path:
    if not PEER_DATA.is_dir():
        pytest.fail(f"the peers' fixture files are missing: expected them at {PEER_DATA}")
    return PEER_DATA


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A PostgreSQL server for the whole session: BIAOZHU_TEST_PG_URL, else a throwaway one started here."""
    if PG_ADMIN_URL:
        yield PG_ADMIN_URL
        return
    bin_dir = pg_server.find_bin_dir()
    if bin_dir is None:
        message = "no PostgreSQL: install it (.ci/run does) or set BIAOZHU_TEST_PG_URL to a server"
        pytest.fail(message) if PG_REQUIRED else pytest.skip(message)
    with pg_server.throwaway_server(bin_dir) as url:
        yield url


def load_test_module(path: Path) -> ModuleType:
    """A helper module of the tests, by path (tests are not a package: --import-mode=importlib)."""
    spec = importlib.util.spec_from_file_location(f"biaozhu_tests_{path.stem}", path)
    assert spec and spec.loader
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # dataclasses look themselves up
    spec.loader.exec_module(module)
    return module




@pytest.fixture(scope="session")
def annotator_worker() -> ModuleType:
    """tests/db/annotator_worker.py: annotators in processes of their own, and the check of their logs."""
    return load_test_module(REPO / "tests" / "db" / "annotator_worker.py")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty project database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "project.sqlite")
        dispose_all()
    else:
        with pg_server.fresh_database(request.getfixturevalue("pg_admin_url"), "biaozhu_test") as url:
            yield url
            # Every engine the test opened (the app's own, after a project switch, too) lets go of its connections
            # before the database is dropped under them.
            dispose_all()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    """A SQLite project file path, for tests about SQLite itself."""
    return tmp_path / "project.sqlite"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """The project's engine, schema migrated, default labels in place."""
    project_engine = create_project_engine(db_url)
    with session_factory(project_engine).begin() as session:
        initialise(session, with_seeds=False)
    yield project_engine
    project_engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


def run_cli(*args: str | os.PathLike[str], input: bytes | None = None, env: dict[str, str] | None = None,
            check: bool = False, subprocess_run: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``biaozhu ARGS`` as a user would; returns its exit code and output.

    Subcommands run in-process through ``main(argv)`` (12 ms against 0.8 s for a new interpreter), with their own
    standard streams and environment; the app itself (no subcommand) and ``subprocess_run=True`` start a process.
    """
    argv = [str(arg) for arg in args]
    opens_window = not any(arg in SUBCOMMANDS for arg in argv)
    completed = (_run_in_subprocess if subprocess_run or opens_window else _run_in_process)(argv, input, env)
    if check and completed.returncode != 0:
        raise AssertionError(f"biaozhu {' '.join(argv)} exited {completed.returncode}:\n{completed.stderr}")
    return completed


def _environment(env: dict[str, str] | None) -> dict[str, str]:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    if env is None or "BIAOZHU_DB" not in env:
        full_env.pop("BIAOZHU_DB", None)
    return full_env


def _run_in_subprocess(argv: list[str], input: bytes | None,
                       env: dict[str, str] | None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "biaozhu", *argv], capture_output=True, input=input,
                            env=_environment(env), timeout=300)
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))


def _run_in_process(argv: list[str], input: bytes | None,
                    env: dict[str, str] | None) -> subprocess.CompletedProcess[str]:
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_env = dict(os.environ)
    # Held here: a TextIOWrapper closes its buffer when it is collected.
    wrappers = (io.TextIOWrapper(io.BytesIO(input or b""), encoding="utf-8"),
                io.TextIOWrapper(out, encoding="utf-8", write_through=True),
                io.TextIOWrapper(err, encoding="utf-8", write_through=True))
    sys.stdin, sys.stdout, sys.stderr = wrappers
    os.environ.clear()
    os.environ.update(_environment(env))
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse: --help, --version, usage errors
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except BaseException:  # what a user would see: the traceback, exit 1
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdin, sys.stdout, sys.stderr = streams
        os.environ.clear()
        os.environ.update(saved_env)
    completed = subprocess.CompletedProcess(["biaozhu", *argv], code, out.getvalue().decode("utf-8"),
                                            err.getvalue().decode("utf-8"))
    for wrapper in wrappers:
        wrapper.detach()
    return completed


@pytest.fixture
def cli():
    """``cli("import", path, "--db", db)`` runs the real command line."""
    return run_cli
