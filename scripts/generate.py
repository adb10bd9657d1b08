"""Rewrite the files generated from the contract (make generate); see catalog/generate.py."""

import sys

from catalog.generate import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
