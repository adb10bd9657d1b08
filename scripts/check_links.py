"""Request every source's url and archive_url and report the links that fail (make check-links).

Usage: python scripts/check_links.py [CATALOG_ROOT] [--timeout SECONDS] [--workers N]
It needs the network, so it runs only in the weekly link-check workflow, never in the build or
the tests (the tests point it at a local server). Each failure is printed like a validator
message, `sources/x.yaml:9:6: url https://... failed: HTTP 404`, and the script exits 1 when
any link failed. Redirects are followed; a link whose address has moved is reported as a note,
which does not fail the run.
"""

import sys

from tools.check_links import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
