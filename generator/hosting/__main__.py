"""``python -m generator.hosting SITE/_headers``: print the nginx snippet for a built site."""

import sys

from generator.hosting.nginx import main

sys.exit(main(sys.argv[1:]))
