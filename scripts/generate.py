"""Write every file that is generated from the data contract, or check that the committed copies are current.

Usage: python scripts/generate.py [--check]      (or: make generate)

Writes schemas/*.schema.json (for editors), the annotated templates templates/claim.yaml and
templates/source.yaml, the template blocks inside docs/contributing.md, and CONTRIBUTING.md,
which is docs/contributing.md with the generated tables filled in and its links pointed at the
site. With --check it writes nothing and exits 1 when any of those files is stale.
"""

import sys

from catalog.generate import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
