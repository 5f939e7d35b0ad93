"""py3langid's model, unpacked once and mapped: the same model as py3langid's own file gives."""

import numpy as np

from transforms import langid_model

TEXTS = [
    "The council voted on Tuesday to close the old bridge for repairs until next spring.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont jusqu'au printemps prochain.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Frühjahr zu sperren.",
    "Городской совет во вторник проголосовал за закрытие старого моста до весны.",
]


def test_unpacked_model_is_the_packed_one(tmp_path):
    directory = langid_model.unpack(tmp_path / "model")
    mapped, packed = langid_model.load(directory), langid_model.load(tmp_path / "missing")
    assert isinstance(mapped.nb_ptc, np.memmap) and not isinstance(packed.nb_ptc, np.memmap)
    assert mapped.nb_ptc.dtype == packed.nb_ptc.dtype == np.float32
    assert np.array_equal(mapped.nb_ptc, packed.nb_ptc) and np.array_equal(mapped.nb_pc, packed.nb_pc)
    assert mapped.nb_classes == packed.nb_classes and mapped.tk_output == packed.tk_output
    assert (mapped.tk_nextmove, mapped.tk_row) == (packed.tk_nextmove, packed.tk_row)
    assert [mapped.classify(t) for t in TEXTS] == [packed.classify(t) for t in TEXTS]
    assert [mapped.classify(t)[0] for t in TEXTS] == ["en", "fr", "de", "ru"]


def test_unpack_writes_once_and_leaves_nothing_beside(tmp_path):
    directory = langid_model.unpack(tmp_path / "model")
    written = {p.name: p.stat().st_mtime_ns for p in directory.iterdir()}
    assert langid_model.unpack(directory) == directory
    assert {p.name: p.stat().st_mtime_ns for p in directory.iterdir()} == written
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
    assert directory.stat().st_mode & 0o777 == 0o755


def test_a_partly_unpacked_model_is_not_used(tmp_path):
    directory = langid_model.unpack(tmp_path / "model")
    (directory / "ptc.npy").unlink()
    assert not isinstance(langid_model.load(directory).nb_ptc, np.memmap)
