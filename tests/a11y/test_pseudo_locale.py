"""Longer words do not get cut off.

With every HumasDesk string twice as long as its Indonesian translation, every window and
dialog, opened at its usual size (the desk at 1280×800, a common office laptop), still shows
each label and button in full. If this breaks, a future wording change or a long account name
cuts a button or a warning in half and the official has to guess what it says.
"""

from __future__ import annotations

import pytest

from tests.a11y.clipping import PseudoTranslator, clipped_once_settled, report
from tests.a11y.conftest import MAIN_SIZE, open_everything
from tests.a11y.walk import ts_messages


@pytest.fixture
def pseudo_locale(qapp):
    translator = PseudoTranslator({context for context, _ in ts_messages()})
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_no_label_or_button_is_clipped_with_doubled_strings(
    qtbot, pseudo_locale, make_desk, keyring_backend, activity_log, tmp_path, memory_signer
):
    windows = open_everything(qtbot, make_desk, keyring_backend, activity_log, tmp_path)
    assert windows.main.windowTitle() == "HumasDesk"
    problems = clipped_once_settled(qtbot, windows.all())
    assert problems == {}, report(problems)
    size = windows.main.size()
    assert (size.width(), size.height()) == MAIN_SIZE, "the desk no longer fits 1280×800"
