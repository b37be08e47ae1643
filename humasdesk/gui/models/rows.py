"""What the list models share: rows in the order given, loaded lazily in batches, and
refreshes that keep each row's identity (so selection and scroll position survive a sync).

Also the local-time formats the views use and a safe tooltip for remote text.
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

Index = QModelIndex | QPersistentModelIndex


def _local(dt: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(dt.timestamp() * 1000)).toLocalTime()


def local_time(dt: datetime | None) -> str:
    """ "28 Nov 2026 14.05 WIB": the laptop's zone, named, in the UI locale."""
    if dt is None:
        return ""
    local = _local(dt)
    return f"{QLocale().toString(local, 'd MMM yyyy HH.mm')} {local.timeZoneAbbreviation()}"


def local_clock(dt: datetime, now: datetime) -> str:
    """ "14.05" today, "29 Nov 14.05" on another day (for "dicoba lagi pukul …")."""
    local = _local(dt)
    same_day = local.date() == _local(now).date()
    return QLocale().toString(local, "HH.mm" if same_day else "d MMM HH.mm")


def plain_tooltip(text: str) -> str:
    """A tooltip that shows remote text literally.

    Qt renders a tooltip as HTML when it *looks* like HTML (``Qt::mightBeRichText``), so a
    citizen's ``<img src=…>`` would be rendered; escaped and wrapped as rich text, it is not.
    """
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


class RowsModel(QAbstractListModel):
    """A flat list of frozen dataclasses, newest first as given by the controller.

    ``_replace`` turns a refresh into row inserts at the top, removals at the bottom and
    ``dataChanged`` for the rows whose values changed, when the rows kept are in the same
    order (the usual case: new items arrive on top, old ones fall off the end). Anything
    else resets the model. Rows become visible ``BATCH`` at a time (``fetchMore``).
    """

    BATCH = 100

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._loaded = 0

    def row_key(self, item: Any) -> Hashable:
        raise NotImplementedError

    # --- Qt API -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        n = min(self.BATCH, len(self._rows) - self._loaded)
        if n <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + n - 1)
        self._loaded += n
        self.endInsertRows()

    # --- access -------------------------------------------------------------------------------

    def item_at(self, index: Index) -> Any | None:
        if not index.isValid() or index.column() != 0 or not 0 <= index.row() < self._loaded:
            return None
        return self._rows[index.row()]

    def all_items(self) -> list[Any]:
        """Every row given, loaded into the view or not."""
        return list(self._rows)

    def row_of(self, key: Hashable) -> int:
        """The row of the item with this key (loading batches up to it), or -1."""
        for row, item in enumerate(self._rows):
            if self.row_key(item) == key:
                while row >= self._loaded and self.canFetchMore(QModelIndex()):
                    self.fetchMore(QModelIndex())
                return row
        return -1

    # --- refresh ------------------------------------------------------------------------------

    def _replace(self, items: Sequence[Any]) -> None:
        new = list(items)
        old = self._rows
        new_keys = [self.row_key(x) for x in new]
        old_keys = [self.row_key(x) for x in old]
        top = -1
        if old and len(set(new_keys)) == len(new_keys) and old_keys[0] in new_keys:
            top = new_keys.index(old_keys[0])
        kept = len(new) - top
        if top < 0 or new_keys[top:] != old_keys[:kept]:
            self.beginResetModel()
            self._rows = new
            self._loaded = min(self.BATCH, len(new))
            self.endResetModel()
            return
        root = QModelIndex()
        if kept < self._loaded:  # old rows that fell off the end
            self.beginRemoveRows(root, kept, self._loaded - 1)
            self._rows = old[:kept]
            self._loaded = kept
            self.endRemoveRows()
        else:
            self._rows = old[:kept]
        if top:  # new rows on top
            self.beginInsertRows(root, 0, top - 1)
            self._rows = new[:top] + self._rows
            self._loaded += top
            self.endInsertRows()
        self._rows = new
        changed = [r for r in range(top, self._loaded) if new[r] != old[r - top]]
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
