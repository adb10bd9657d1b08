"""Check every claim, source and topic file and print each problem as path:line:column: CODE message.

Usage: python scripts/validate.py [CATALOG_ROOT]
Exits 0 when the catalog is clean and 1 when there is any problem. The problems go to standard
output, one per line; after them, standard error says once for each code found how to fix it
and links to the code's entry on the site's contributing page (generated from
catalog/diagnostics.py, like CONTRIBUTING.md).
"""

import sys

from catalog.validate import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
