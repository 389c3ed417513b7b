"""The soak behind issue 12's figures, in one run: SIGKILLs of an annotator and an import at random moments
(450 kills per backend by default), 8 annotators × 1,000 concurrent edits, and every file of the hostile
corpus (tests/data/hostile) imported alone and all together.

    .venv/bin/python benchmarks/soak.py [--rounds 225] [--processes 8] [--edits 1000] [--backend sqlite|postgresql|both]

Each round kills two processes (an annotator mid-edit and an import mid-file). It prints, per part, what was
committed and kept, how many imports finished before their kill (the rest must leave no trace), the edits per
second of the concurrent annotators and the differences between their logs and the database (must be 0), and
for the hostile corpus how many files were refused, with a traceback (must be 0) or leaving something behind
(must be 0). The exit code is non-zero when any of these fails.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOSTILE = REPO / "tests" / "data" / "hostile"
sys.path.insert(0, str(REPO / "benchmarks"))

import concurrent_annotators  # noqa: E402  (the same annotators, checked against their logs)

import pg_server  # noqa: E402  (put on the path by concurrent_annotators)


def crashes(rounds: int, backend: str) -> bool:
    """tests/db/test_crash.py with ``rounds`` rounds; its summary line per backend."""
    selection = ["tests/db/test_crash.py"] + ([] if backend == "both" else ["-k", backend])
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-s", *selection],
                          cwd=REPO, env={**os.environ, "BIAOZHU_CRASH_KILLS": str(rounds)}, capture_output=True,
                          text=True)
    for line in re.findall(r"\d+ kills: .*", done.stdout):
        print(f"crash: {2 * rounds} SIGKILLs ({line.removeprefix(f'{rounds} kills: ')})")
    print(f"crash: {'every committed edit kept, no half import' if done.returncode == 0 else 'FAILED'} "
          f"({time.perf_counter() - began:.0f} s)")
    if done.returncode:
        print(done.stdout[-3000:])
    return done.returncode == 0


def concurrency(processes: int, edits: int, backend: str, folder: Path) -> bool:
    ok = True
    with ExitStack() as stack:
        admin = os.environ.get("BIAOZHU_TEST_PG_URL")
        if backend != "sqlite" and admin is None and (bin_dir := pg_server.find_bin_dir()) is not None:
            admin = stack.enter_context(pg_server.throwaway_server(bin_dir))
        for name in (["sqlite", "postgresql"] if backend == "both" else [backend]):
            if name == "postgresql" and admin is None:
                print("concurrency: postgresql: no server (set BIAOZHU_TEST_PG_URL or install PostgreSQL)")
                continue
            with ExitStack() as database:
                url = (str(folder / f"{uuid.uuid4().hex}.sqlite") if name == "sqlite"
                       else database.enter_context(pg_server.fresh_database(admin or "", "biaozhu_soak")))
                rate, total, problems = concurrent_annotators.run(url, processes, edits, folder)
            print(f"concurrency: {name}: {processes} × {edits} edits, {total} transactions, {rate:,.0f} /s, "
                  f"{problems} differences between the annotators' logs and the database")
            ok = ok and problems == 0
    return ok


def biaozhu(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "biaozhu", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def hostile(folder: Path) -> bool:
    """Each hostile file alone into a fresh project (a refused one must leave it empty), then all at once."""
    files = sorted(p for p in HOSTILE.iterdir() if p.is_file() and p.suffix != ".md")
    refused = tracebacks = leftovers = 0
    for path in files:
        project = folder / f"{uuid.uuid4().hex}.sqlite"
        result = biaozhu("--db", project, "import", path, "--create-labels")
        tracebacks += "Traceback" in result.stderr
        if result.returncode:
            refused += 1
            listed = biaozhu("--db", project, "docs").stdout
            leftovers += "0 documents, 0 spans" not in listed
    together = biaozhu("--db", folder / "together.sqlite", "import", HOSTILE, "--create-labels")
    summary = together.stderr.strip().splitlines()[-1] if together.stderr.strip() else together.stdout.strip()
    tracebacks += "Traceback" in together.stderr
    print(f"hostile: {len(files)} files, {refused} refused, {tracebacks} tracebacks, {leftovers} refused files left "
          f"something behind; all at once: {summary}")
    return tracebacks == leftovers == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=225, help="kill rounds per backend (2 SIGKILLs each)")
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--edits", type=int, default=1000, help="edits per concurrent annotator")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="biaozhu-soak-") as temporary:
        folder = Path(temporary)
        results = [hostile(folder), concurrency(args.processes, args.edits, args.backend, folder),
                   crashes(args.rounds, args.backend)]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
