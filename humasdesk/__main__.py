"""`python -m humasdesk` runs the same command line as the `humasdesk` script."""

import sys

from humasdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
