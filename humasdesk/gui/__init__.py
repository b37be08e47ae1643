"""PySide6 widgets, models, workers and dialogs. The only package that imports Qt."""
