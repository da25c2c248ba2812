"""Entry point for `python -m participatie`."""

import sys

from .cli import main

sys.exit(main())
