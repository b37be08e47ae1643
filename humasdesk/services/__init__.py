"""Use cases without Qt: sign in/out, send, sync, export. Collaborators come in as arguments."""
