"""What a branch changes on the site, as Markdown: scripts/pr_summary.py BASE; see catalog/pr_summary.py."""

import sys

from catalog.pr_summary import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
