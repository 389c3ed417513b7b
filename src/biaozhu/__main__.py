"""``python -m biaozhu`` is the same as the ``biaozhu`` command."""

import sys

from biaozhu.cli import main

sys.exit(main())
