"""Domain types and pure rules. No Qt, no I/O."""
