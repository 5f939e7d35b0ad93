"""What workers load as they start, unpacked once: the same model and table as their packages give."""

import numpy as np

from transforms import unpacked

TEXTS = [
    "The council voted on Tuesday to close the old bridge for repairs until next spring.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont jusqu'au printemps prochain.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke bis zum Frühjahr zu sperren.",
    "Городской совет во вторник проголосовал за закрытие старого моста до весны.",
]
NAMES = ["Maria", "maria", "ANDREA", "Kim", "Jean", "Sasha", "Bridge", "Zoë", "Nguyen", ""]


def test_unpacked_language_model_is_the_packed_one(tmp_path):
    unpacked.unpack(tmp_path / "langid", tmp_path / "names.pickle")
    mapped, packed = unpacked.language_model(tmp_path / "langid"), unpacked.language_model(tmp_path / "missing")
    assert isinstance(mapped.nb_ptc, np.memmap) and not isinstance(packed.nb_ptc, np.memmap)
    assert mapped.nb_ptc.dtype == packed.nb_ptc.dtype == np.float32
    assert np.array_equal(mapped.nb_ptc, packed.nb_ptc) and np.array_equal(mapped.nb_pc, packed.nb_pc)
    assert mapped.nb_classes == packed.nb_classes and mapped.tk_output == packed.tk_output
    assert (mapped.tk_nextmove, mapped.tk_row) == (packed.tk_nextmove, packed.tk_row)
    assert [mapped.classify(t) for t in TEXTS] == [packed.classify(t) for t in TEXTS]
    assert [mapped.classify(t)[0] for t in TEXTS] == ["en", "fr", "de", "ru"]


def test_unpacked_first_names_are_the_packaged_ones(tmp_path):
    unpacked.unpack(tmp_path / "langid", tmp_path / "names.pickle")
    read, made = unpacked.first_name_detector(tmp_path / "names.pickle"), unpacked.first_name_detector(tmp_path / "x")
    assert read is not made and read.names == made.names and len(made.names) > 40_000
    assert [read.get_gender(n) for n in NAMES] == [made.get_gender(n) for n in NAMES]
    assert read.get_gender("maria") == "female"  # case-insensitive, as made


def test_unpack_writes_once_and_leaves_nothing_beside(tmp_path):
    model, names = tmp_path / "langid", tmp_path / "names.pickle"
    unpacked.unpack(model, names)
    written = {p: p.stat().st_mtime_ns for p in [names, *model.iterdir()]}
    unpacked.unpack(model, names)
    assert {p: p.stat().st_mtime_ns for p in [names, *model.iterdir()]} == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["langid", "names.pickle"]
    assert (model.stat().st_mode & 0o777, names.stat().st_mode & 0o777) == (0o755, 0o644)


def test_a_partly_unpacked_language_model_is_not_used(tmp_path):
    unpacked.unpack(tmp_path / "langid", tmp_path / "names.pickle")
    (tmp_path / "langid" / "ptc.npy").unlink()
    assert not isinstance(unpacked.language_model(tmp_path / "langid").nb_ptc, np.memmap)
