"""The privacy dialogs are tested in Bahasa Indonesia, as the official sees them."""

from tests.qt_fixtures import collect_qt_objects, indonesian_ui  # noqa: F401
