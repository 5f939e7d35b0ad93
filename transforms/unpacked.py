"""What every worker loads as it starts, unpacked once by ``make install`` so that it maps or reads it.

- py3langid's language model ships xz-compressed (4.6 MB; 68 MB unpacked). Decompressing it cost every
  worker 0.7 s of CPU at the start of every run. Unpacked, it is numpy arrays, the feature weights
  already widened to float32 (``_packed_language_model``), that a worker maps in about 0.05 s.
- gender-guesser parses its name dictionary (48,000 lines) into a table as its detector is made,
  0.28 s. Unpacked, the detector is a pickle that loads in 0.05 s.

``python -m transforms.unpacked`` (run by ``make install``) writes them under ``DIRECTORY``, named by
their package's version, so that an upgraded package finds nothing until ``make install`` unpacks
its own. Where they are not (an installation by pip alone, another machine's Dask worker), each is
made from its package as before. Either way it is the same model and the same table.
"""

from __future__ import annotations

import os
import pickle
import shutil
import sys
import tempfile
from array import array
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import numpy as np
from gender_guesser import detector as gender
from py3langid import langid

# Under the environment's prefix (.venv), beside what pip installed.
DIRECTORY = Path(sys.prefix) / "share" / "newscurate"
LANGUAGE_MODEL = DIRECTORY / f"langid-{version('py3langid')}"
FIRST_NAMES = DIRECTORY / f"gender-guesser-{version('gender-guesser')}.pickle"
# The language model's arrays, as LanguageIdentifier takes them (one .npy file each).
_PARTS = ("ptc", "pc", "classes", "nextmove", "row", "output")


def _packed_language_model() -> langid.LanguageIdentifier:
    """The model as py3langid loads it, its feature weights widened from float16 to float32 (57 MB
    more). ``classify`` gathers the weight rows of the features a text has; numpy's conversion of
    float16 rows cost more than the product itself. The scores are the same to the bit (checked on
    the benchmark corpus)."""
    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float32)
    return identifier


def language_model(directory: Path = LANGUAGE_MODEL) -> langid.LanguageIdentifier:
    """The language model: mapped from ``directory`` when unpacked there, else loaded from py3langid.

    The weights (57 MB) stay in the mapped file, read-only and shared by the workers through the page
    cache; the tokeniser's tables become the stdlib arrays and lists py3langid walks."""
    if not all((directory / f"{name}.npy").is_file() for name in _PARTS):
        return _packed_language_model()
    part = {name: np.load(directory / f"{name}.npy", mmap_mode="r") for name in _PARTS}
    nextmove, row = array(part["nextmove"].dtype.char), array(part["row"].dtype.char)
    nextmove.frombytes(part["nextmove"].tobytes())
    row.frombytes(part["row"].tobytes())
    return langid.LanguageIdentifier(
        part["ptc"],
        np.array(part["pc"]),
        part["classes"].tolist(),
        nextmove,
        part["output"].tolist(),
        tk_row=row,
    )


def _made_first_name_detector() -> gender.Detector:
    """gender-guesser's detector, case-insensitive, as the package makes it (parsing its name dictionary)."""
    return gender.Detector(case_sensitive=False)


def first_name_detector(path: Path = FIRST_NAMES) -> gender.Detector:
    """gender-guesser's detector: read from ``path`` when unpacked there, else made."""
    if path.is_file():
        with path.open("rb") as f:
            return pickle.load(f)
    return _made_first_name_detector()


def _write_language_model(directory: Path) -> None:
    identifier = _packed_language_model()
    directory.mkdir()
    arrays = {
        "ptc": identifier.nb_ptc,
        "pc": np.asarray(identifier.nb_pc),
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
        "row": np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}"),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }
    for name, values in arrays.items():
        np.save(directory / f"{name}.npy", values)


def _write_first_names(path: Path) -> None:
    with path.open("wb") as f:
        pickle.dump(_made_first_name_detector(), f, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(target: Path, write: Callable[[Path], None]) -> None:
    """``write`` ``target`` (a file or a folder) unless it is there: written beside it, then renamed,
    so that it appears whole or not at all."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-")) / target.name
    try:
        write(tmp)
        os.chmod(tmp, 0o755 if tmp.is_dir() else 0o644)  # readable by every user of the environment, whatever the umask
        tmp.rename(target)
    except BaseException:
        if not target.exists():  # (else another process unpacked it first)
            raise
    finally:
        shutil.rmtree(tmp.parent, ignore_errors=True)


def unpack(language_model: Path = LANGUAGE_MODEL, first_names: Path = FIRST_NAMES) -> None:
    """Unpack both, each unless it is there already."""
    _unpack(language_model, _write_language_model)
    _unpack(first_names, _write_first_names)


if __name__ == "__main__":
    unpack()
    print(f"unpacked into {DIRECTORY}: {LANGUAGE_MODEL.name}, {FIRST_NAMES.name}")
