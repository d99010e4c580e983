"""`is_column_break` asked as the reader asks it: on normalised lines, with a segmenter's word tests."""

from __future__ import annotations

from collections.abc import Callable

from ssg.ingest.blocks import is_column_break
from ssg.ingest.normalise import normalise_text
from ssg.ingest.segment import Segmenter


def breaks_with(seg: Segmenter) -> Callable[[str, str], bool]:
    """(line before, line after) -> is this a column break inside one paragraph?"""

    def breaks(prev: str, nxt: str) -> bool:
        return is_column_break(normalise_text(prev), normalise_text(nxt), splits_word=seg.splits_word,
                               is_word=seg.is_word, tagged=seg.tagged)

    return breaks
