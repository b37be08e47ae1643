"""HumasDesk: a two-account X desk for an Indonesian government PR head."""

__version__ = "0.1.0"
