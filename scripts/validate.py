"""Check the catalog and print every problem (make validate); see catalog/validate.py."""

import sys

from catalog.validate import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
