"""Entry point for `python -m participatie`."""

import sys

from .tools.cli import main

sys.exit(main())
