"""``python -m generator.cli``: the same as the ``offer-guide`` command."""

import sys

from generator.cli import main

sys.exit(main())
