"""A read-only sequence whose items are made on access (a file list kept
compactly, findings read back from disk): indexing, negative indexes and
slices in one place; a subclass gives ``__len__`` and ``_item``."""
from __future__ import annotations

from collections.abc import Sequence


class IndexedSequence(Sequence):
    _what = "item"  # for the IndexError message

    def _item(self, i: int):
        raise NotImplementedError

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._item(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"{self._what} index out of range")
        return self._item(i)
