"""Article metadata read from single lines of a page: dates, bylines, datelines, language.

Pure functions over strings; ``transforms.clean`` decides which lines to ask about
(the lines around the title, the first body paragraph). The vocabularies live in
``transforms.chrome_vocab``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from transforms import chrome_vocab as vocab
from transforms import first_names

# --- dates -----------------------------------------------------------------------------------------------

# Years outside this range are page furniture (phone numbers, ids), not publication dates.
MIN_YEAR, MAX_YEAR = 1990, 2100
# A date line is short: "Updated 1:39 am EST, Wednesday, November 20, 2019" is 51 characters; 90 leaves
# room for a site name or an "Updated ..." second date without admitting sentences.
DATE_LINE_MAX_CHARS = 90
# Words left on a date line after the date, times and filler words are removed ("Reuters", a city).
DATE_LINE_MAX_EXTRA_WORDS = 2

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in vocab.MONTHS), key=len, reverse=True))
_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_RE = re.compile(r"(?<![\d/.-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
_DAY_MONTH_RE = re.compile(
    rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY_RE = re.compile(
    rf"(?<!\w)({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?::\d{2})?(?!\d)\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)
_COPYRIGHT_RE = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
# Every format has digits, and all but the numeric one (two-digit years) a year of four digits: most lines
# have neither, and the regexes (the month names above all) are slow to fail on long lines.
_DIGIT_RE = re.compile(r"\d")
_YEAR_DIGITS_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# Distinct lines whose date and author reading is remembered: the header rules ask about the same lines
# several times, and bylines, titles and menus repeat across a site's pages.
LINE_CACHE_SIZE = 4_096


@lru_cache(maxsize=LINE_CACHE_SIZE)
def find_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first calendar date written in ``text`` and its span, or None.

    Formats: ISO ``2023-09-13``; ``13 September 2023`` / ``13. September 2023`` /
    ``13 de septiembre de 2023``; ``September 13, 2023``; numeric ``13.09.2023``
    (day first), ``09/13/2023`` (month first unless the first number exceeds 12).
    Never reads a date from a copyright notice.
    """
    if not _DIGIT_RE.search(text) or _COPYRIGHT_RE.search(text):
        return None
    found: list[tuple[int, dt.date, tuple[int, int]]] = []
    year4 = _YEAR_DIGITS_RE.search(text) is not None
    for m in _DAY_MONTH_RE.finditer(text) if year4 else ():
        d = _make_date(int(m[3]), vocab.MONTHS[m[2].lower()], int(m[1]))
        if d:
            found.append((m.start(), d, m.span()))
            break
    for m in _MONTH_DAY_RE.finditer(text) if year4 else ():
        d = _make_date(int(m[3]), vocab.MONTHS[m[1].lower()], int(m[2]))
        if d:
            found.append((m.start(), d, m.span()))
            break
    for m in _ISO_RE.finditer(text) if year4 else ():
        d = _make_date(int(m[1]), int(m[2]), int(m[3]))
        if d:
            found.append((m.start(), d, m.span()))
            break
    for m in _NUMERIC_RE.finditer(text):
        a, sep, b, year = int(m[1]), m[2], int(m[3]), int(m[4])
        # "/" is read month first (US) unless the first number cannot be a month; "." and "-" day first
        d = _make_date(year, a, b) if sep == "/" and a <= 12 else _make_date(year, b, a)
        if d:
            found.append((m.start(), d, m.span()))
            break
    if not found:
        return None
    _, date, span = min(found, key=lambda f: f[0])
    return date, span


def date_line(line: str) -> dt.date | None:
    """The date when ``line`` is a date line ("Wednesday 13 September 2023", "Updated 1:39 am EST, ...")."""
    line = line.strip()
    if len(line) > DATE_LINE_MAX_CHARS:
        return None
    hit = find_date(line)
    if hit is None:
        return None
    date, (start, end) = hit
    rest = _TIME_RE.sub(" ", line[:start] + " " + line[end:])
    extra = [w for w in _WORD_RE.findall(rest) if w.lower().rstrip(".") not in vocab.DATE_FILLER_WORDS]
    return date if len(extra) <= DATE_LINE_MAX_EXTRA_WORDS else None


# --- bylines and names -------------------------------------------------------------------------------------

# Longest byline we read as one ("By A, B and C | Reuters | 13 September 2023").
BYLINE_MAX_CHARS = 140
# An author name has one to five words ("Vincent Ashitey", "Anne-Marie van der Berg").
NAME_MAX_WORDS = 5
_NAME_PARTICLES = vocab.NAME_PARTICLES
_NAME_TOKEN_RE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w'’.\-]*|[A-ZÀ-Þ]\.)$")
_PREFIX_ALT = "|".join(sorted((re.escape(p) for p in vocab.BYLINE_PREFIXES), key=len, reverse=True))
_BYLINE_RE = re.compile(rf"^(?:{_PREFIX_ALT})\s*(?P<rest>\S.*)$")
_TEAM_ALT = "|".join(sorted((re.escape(t) for t in vocab.TEAM_WORDS), key=len, reverse=True))
_TEAM_PREFIX_ALT = "|".join(sorted((re.escape(p) for p in vocab.TEAM_BYLINE_PREFIXES), key=len, reverse=True))
_TEAM_RE = re.compile(rf"^(?:{_TEAM_PREFIX_ALT})\s+(?P<team>.{{0,60}}?\b(?:{_TEAM_ALT}))\s*$", re.IGNORECASE)
_JOINER_ALT = "|".join(re.escape(j) for j in vocab.AUTHOR_JOINERS)
_SPLIT_AUTHORS_RE = re.compile(rf"\s*(?:,|;|\s(?:{_JOINER_ALT})\s)\s*")
_CONTACT_RE = re.compile(r"\S+@\S+|\(?\+?\d[\d\s().-]{6,}\d")
_DOMAIN_RE = re.compile(r"\w\.(?:com|net|org|co|de|nl|fr|es|it|pl|uk|ru|br)\b", re.IGNORECASE)
_ROLE_NOUNS = vocab.AUTHOR_ROLE_NOUNS
_BYLINE_TAIL_RE = re.compile(r"\s*(?:[|·•—–]|\s-\s).*$")
_BYLINE_TAIL_MARK_RE = re.compile(r"[|·•—–-]")
_LEADING_THE_RE = re.compile(r"^(?:the\s+)", re.IGNORECASE)
_ROLE_WORD_RE = re.compile(r"\w+")


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS:
        return False
    capitals = 0
    for w in words:
        low = w.lower()
        if low in _NAME_PARTICLES and capitals:
            continue
        if not _NAME_TOKEN_RE.match(w) or any(map(str.isdigit, w)) or low in vocab.STOPWORDS:
            return False
        capitals += 1
    return capitals >= 1


def _is_role(text: str) -> bool:
    words = _ROLE_WORD_RE.findall(text.lower())
    return bool(words) and vocab.AUTHOR_ROLE_WORDS.issuperset(words)


def _strip_trailing(part: str) -> str:
    """Drop words after a name that describe the date or the job: "Jane Doe Updated", "Jane Doe Senior Editor".

    Job words are dropped only after a person's name (known first name); "HNN Staff" keeps its whole name.
    """
    words = part.split()

    def last() -> str:
        return words[-1].lower().strip(".,")

    while len(words) > 2 and (last() in vocab.DATE_FILLER_WORDS or last() in vocab.MONTHS):
        words.pop()
    if len(words) > 2 and is_known_first_name(words[0].strip(".")):
        while len(words) > 2 and last() in vocab.AUTHOR_ROLE_WORDS:
            words.pop()
    return " ".join(words)


def split_authors(names: str) -> list[str]:
    """``"A, B and C"`` -> ``["A", "B", "C"]``; role parts ("AP Auto Writer") and sites are dropped."""
    names = names.strip()
    # (the two regexes are slow to fail on long names: run them only when their separator, "@" or digit is there)
    if _BYLINE_TAIL_MARK_RE.search(names):
        names = _BYLINE_TAIL_RE.sub("", names)
    if "@" in names or _DIGIT_RE.search(names):
        names = _CONTACT_RE.sub(" ", names)
    names = _LEADING_THE_RE.sub("", names)
    out: list[str] = []
    for part in _SPLIT_AUTHORS_RE.split(names):
        part = part.strip(" .,;:")
        if not part or _is_role(part) or _DOMAIN_RE.search(part):
            continue
        if out and set(part.lower().split()) & _ROLE_NOUNS:
            continue  # "Robert Burns, AP National Security Writer"
        low = part.lower()
        if low in vocab.DATE_FILLER_WORDS or low in vocab.MONTHS:
            continue
        part = _strip_trailing(part)
        if not _is_name(part):
            return []
        out.append(part)
    return out


def tidy_authors(names: list[str]) -> list[str]:
    """Author names from elsewhere (an extractor's metadata): roles and dates dropped, duplicates folded."""
    out: list[str] = []
    for name in names:
        name = name.strip(" .,;:|")
        if not name or _is_role(name) or _DOMAIN_RE.search(name):
            continue
        name = _strip_trailing(name)
        if name.lower() not in {o.lower() for o in out}:
            out.append(name)
    return out


def byline_authors(line: str) -> list[str] | None:
    """Authors of a byline ("By A and B", "Von A", "From the X editorial team"), or None if not a byline."""
    line = line.strip()
    if not line or len(line) > BYLINE_MAX_CHARS:
        return None
    team = _TEAM_RE.match(line)
    if team:
        return [team["team"].strip()]
    m = _BYLINE_RE.match(line)
    if m is None:
        return None
    rest = m["rest"]
    hit = find_date(rest)
    if hit is not None:
        rest = rest[: hit[1][0]]
    rest = rest.strip(" |·•,—–-")
    authors = split_authors(rest)
    return authors or None


def is_known_first_name(word: str) -> bool:
    return first_names.detector().get_gender(word) not in ("unknown",)


def name_line_authors(line: str) -> list[str] | None:
    """Authors of a bare name line ("James Robinson", "Tom Krisher, AP Auto Writer"), or None.

    Without a "By" the only evidence is the shape of a person's name and a known
    first name (gender-guesser's name table), so that a subheading is not taken.
    """
    authors = _name_line_authors(line.strip())
    return list(authors) if authors else None  # a list of its own: the cached tuple is shared


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _name_line_authors(line: str) -> tuple[str, ...] | None:
    if not line or len(line) > BYLINE_MAX_CHARS or line[-1] in ".!?:;":
        return None
    authors = split_authors(line)
    if not authors:
        return None
    for a in authors:
        words = a.split()
        if len(words) < 2 or not is_known_first_name(words[0].strip(".")):
            return None
    return tuple(authors)


# --- dateline --------------------------------------------------------------------------------------------

_PLACE_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*)"
_PLACE_JOIN = r"(?:de|del|la|el|am|an|upon|on|of|the|sur|al)"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:(?:\s+|,\s*){_PLACE_WORD}|\s+{_PLACE_JOIN}){{0,5}})?"
    r"(?P<agency>\s*\([^()\n]{1,40}\))?"
    r"\s*(?P<sep>[-–—]+|:)\s+(?=\S)"
)
# The paragraph that opens with a dateline is a real sentence, not a heading like "Kim: We agree".
DATELINE_MIN_PARAGRAPH_CHARS = 80


def find_dateline(paragraph: str) -> str | None:
    """The dateline opening a paragraph ("WASHINGTON (Reuters) -" -> "WASHINGTON (Reuters)"), or None."""
    if len(paragraph) < DATELINE_MIN_PARAGRAPH_CHARS:
        return None
    m = _DATELINE_RE.match(paragraph)
    if m is None or not (m["place"] or m["agency"]):
        return None
    place = (m["place"] or "").strip()
    if m["sep"] == ":" and not (m["agency"] or (place.isupper() and len(place) > 2)):
        return None  # "Analysis: ..." / "Kim: ..." -- a colon needs an ALLCAPS place or an agency
    if place and len(place.split()) == 1 and not place.isupper() and not m["agency"] and m["sep"] == ":":
        return None
    return (place + (m["agency"] or "")).strip() or None


# --- language --------------------------------------------------------------------------------------------

# Below this many characters py3langid's guess is noise.
LANGID_MIN_CHARS = 40
# The first this-many characters decide the language: langid's cost is linear in its input and the first
# paragraph or two of an article are as decisive as all of them. Tried 300/500/600/1000: the same answers
# on the seeds, aeb-dev (txt and html) and the 1000-article benchmark corpus; 500 keeps a margin, and halves
# langid's share of the clean stage (a third of it at 1000).
LANGID_MAX_CHARS = 500


# Distinct samples whose language is remembered (at most LANGID_MAX_CHARS characters each).
LANGID_CACHE_SIZE = 4_096


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` by py3langid, None for very short texts."""
    if len(text.strip()) < LANGID_MIN_CHARS:
        return None
    return _classify(text[:LANGID_MAX_CHARS])


@lru_cache(maxsize=LANGID_CACHE_SIZE)
def _classify(sample: str) -> str:
    """py3langid's language of ``sample``; cached, as a wire story opens with the same paragraphs on many sites."""
    return _language_identifier().classify(sample)[0]


def load_models() -> None:
    """Load the language model and the first-name table now rather than at their first use
    (0.05 s each, unpacked by `make install`: ``transforms.unpacked``): a worker does it while it waits
    for its first task."""
    _language_identifier()
    first_names.detector()


@lru_cache(maxsize=1)
def _language_identifier():
    """py3langid's model (``transforms.unpacked``), loaded once."""
    from transforms import unpacked  # lazy: imports py3langid

    return unpacked.language_model()
