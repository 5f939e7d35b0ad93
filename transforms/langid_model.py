"""py3langid's language model, unpacked once so that a worker maps it instead of decompressing it.

py3langid ships its model xz-compressed (4.6 MB; 68 MB unpacked). Loading it decompresses it, 0.7 s
of CPU in every worker at the start of every run. ``make install`` unpacks it once (``python -m
transforms.langid_model``) into ``MODEL_DIR``, as numpy arrays with the feature weights already widened
to float32 (see ``transforms.metadata._language_identifier``); ``load`` maps them in about 0.05 s and
falls back on py3langid's own file where they are not (an installation by pip alone, another
machine's Dask worker). Both give the same model, array for array.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path

import numpy as np
from py3langid import langid

# Under the environment's prefix (.venv), beside what pip installed; named by py3langid's version,
# so an upgrade of py3langid finds no unpacked model until `make install` unpacks its own.
MODEL_DIR = Path(sys.prefix) / "share" / "newscurate" / f"langid-{version('py3langid')}"
# The arrays of the model, as LanguageIdentifier takes them.
_PARTS = ("ptc", "pc", "classes", "nextmove", "row", "output")


def _arrays(identifier: langid.LanguageIdentifier) -> dict[str, np.ndarray]:
    return {
        "ptc": np.asarray(identifier.nb_ptc, dtype=np.float32),
        "pc": np.asarray(identifier.nb_pc),
        "classes": np.array(identifier.nb_classes),
        "nextmove": np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
        "row": np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}"),
        "output": np.array(identifier.tk_output, dtype=np.int64),
    }


def _packed() -> langid.LanguageIdentifier:
    """The model as py3langid loads it, its feature weights widened from float16 to float32 (57 MB
    more). ``classify`` gathers the weight rows of the features a text has; numpy's conversion of
    float16 rows cost more than the product itself. The scores are the same to the bit (checked on
    the benchmark corpus)."""
    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float32)
    return identifier


def unpack(directory: Path = MODEL_DIR) -> Path:
    """Write the model's arrays to ``directory`` (one .npy file each), unless it holds them already.
    The directory appears whole or not at all: it is written beside it, then renamed."""
    if directory.is_dir():
        return directory
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}-"))
    try:
        for name, values in _arrays(_packed()).items():
            np.save(tmp / f"{name}.npy", values)
        tmp.chmod(0o755)  # (mkdtemp's is 0o700)
        tmp.rename(directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if not directory.is_dir():  # (else another process unpacked it first)
            raise
    return directory


def load(directory: Path = MODEL_DIR) -> langid.LanguageIdentifier:
    """The model: mapped from ``directory`` when unpacked there, else loaded from py3langid's file.

    The weights (57 MB) stay in the mapped file, read-only and shared by the workers through the page
    cache; the tokeniser's tables become the stdlib arrays and lists py3langid walks."""
    if not all((directory / f"{name}.npy").is_file() for name in _PARTS):
        return _packed()
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


if __name__ == "__main__":
    print(f"language model: {unpack()}")
