"""Local X API v2 emulator ("sandbox"): practice mode for the desk and the backend of the tests.

Stands alone: imports only the stdlib and `humasdesk.core`; never Qt.
"""

from humasdesk.sandbox.cli import cli_main
from humasdesk.sandbox.runner import Sandbox

__all__ = ["Sandbox", "cli_main"]
