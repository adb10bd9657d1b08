"""What a pull request changes (claims with their pages and verdicts, other pages), as Markdown.

Usage: python scripts/pr_summary.py BASE   (the test workflow writes it to the job summary)
"""

import sys

from catalog.pr_summary import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
