"""Item models for the pane's list views (inbox, outbox, own posts)."""
