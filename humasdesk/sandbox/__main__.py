"""`python -m humasdesk.sandbox` runs the emulator in the foreground."""

import sys

from humasdesk.sandbox.cli import cli_main

if __name__ == "__main__":
    sys.exit(cli_main(sys.argv[1:]))
