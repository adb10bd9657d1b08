"""Write a new claim file from the template (make new-claim); see catalog/new_claim.py."""

import sys

from catalog.new_claim import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
