"""The first-name gazetteer: gender-guesser's name table, loaded once per process and shared by
byline parsing (``transforms.metadata``) and person-name finding (``transforms.people``)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def detector():
    import gender_guesser.detector as gender  # lazy: its name table takes 0.3-0.8 s to load

    return gender.Detector(case_sensitive=False)
