"""Request every source link; needs the network (make check-links); see tools/check_links.py."""

import sys

from tools.check_links import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
