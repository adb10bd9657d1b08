"""Write a new claim file from the annotated template (make new-claim).

Usage: python scripts/new_claim.py [--claim TEXT] [--topic TOPIC] [--id ID] [--root CATALOG_ROOT]
Asks for the claim and the topic when they are not given. The id (the file name and permanent
URL) is derived from the claim's words unless --id is given; an id that a claim uses, that a
claim lists as an old id (aliases), or that was ever published (permalinks.txt) is refused.
The file gets the claim, the topic and today's date; every other required field stays empty,
so that `make validate` lists exactly what is left to write. The claim's address is added to
permalinks.txt at once.
"""

import sys

from catalog.new_claim import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
