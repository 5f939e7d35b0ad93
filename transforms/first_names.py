"""The first-name gazetteer: gender-guesser's name table, loaded once per process and shared by
byline parsing (``transforms.metadata``) and person-name finding (``transforms.people``)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def detector():
    """gender-guesser's case-insensitive detector (``transforms.unpacked``)."""
    from transforms import unpacked  # lazy: imports gender-guesser, py3langid and numpy

    return unpacked.first_name_detector()
