"""The crash test, soaked: many more SIGKILLs of an annotator and an import than CI can afford.

    .venv/bin/python benchmarks/crash_soak.py [--kills 200] [--backend sqlite|postgresql|both]

Runs tests/db/test_crash.py with BIAOZHU_CRASH_KILLS set; it prints how many edits were committed and kept
and how many imports finished before their kill, and fails on the first committed edit missing, the first
half-imported file, a failing `biaozhu check` or a failing PRAGMA integrity_check.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    test = "tests/db/test_crash.py"
    selection = [test] if args.backend == "both" else [test, "-k", args.backend]
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-s", *selection]
    return subprocess.run(command, cwd=REPO, env={**os.environ, "BIAOZHU_CRASH_KILLS": str(args.kills)}).returncode


if __name__ == "__main__":
    sys.exit(main())
