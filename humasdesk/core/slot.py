"""The two places an account can sit in; re-exported by `core.models`.

On its own so the desk's first paint (the window's skeleton names each pane's account role)
imports no dataclasses: `core.models` takes about 10 ms to import."""

from __future__ import annotations

from enum import StrEnum


class Slot(StrEnum):
    """The two places an account can sit in. Each pane is bound to one."""

    OFFICE = "office"
    PERSONAL = "personal"
