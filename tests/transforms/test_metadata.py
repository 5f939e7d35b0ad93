"""Unit tables for transforms.metadata: dates, bylines, name lines, datelines, language."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms import metadata as md


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday 4 March 2025", dt.date(2025, 3, 4)),
        ("March 4, 2025", dt.date(2025, 3, 4)),
        ("Updated 9:12 am EDT, Friday, June 6, 2025", dt.date(2025, 6, 6)),
        ("JUNE 6, 2025 18:40", dt.date(2025, 6, 6)),
        ("2025-06-06", dt.date(2025, 6, 6)),
        ("2025-06-06T08:00:00+02:00", dt.date(2025, 6, 6)),
        ("06/21/2025 11:05 PM", dt.date(2025, 6, 21)),
        ("21/06/2025", dt.date(2025, 6, 21)),
        ("21.06.2025, 14:30 Uhr", dt.date(2025, 6, 21)),
        ("Veröffentlicht am 7. Mai 2024", dt.date(2024, 5, 7)),
        ("Publié le 7 mai 2024 à 10h15", dt.date(2024, 5, 7)),
        ("Publicado el 7 de mayo de 2024", dt.date(2024, 5, 7)),
        ("7 de maio de 2024", dt.date(2024, 5, 7)),
        ("gepubliceerd op 7 mei 2024", dt.date(2024, 5, 7)),
        ("7 maja 2024, 09:00", dt.date(2024, 5, 7)),
        ("7 мая 2024", dt.date(2024, 5, 7)),
        ("Sept. 30, 2021", dt.date(2021, 9, 30)),
        # not date lines
        ("The council met on 4 March 2025 and agreed to raise the budget for schools.", None),
        ("© 2024 Example Media Group", None),
        ("Copyright 2019-2024 The Daily Example", None),
        ("Call us on 0800 123 456", None),
        ("31.02.2024", None),
        ("Chapter 12", None),
    ],
)
def test_date_line(line: str, expected: dt.date | None) -> None:
    assert md.date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Maria Lopez", ["Maria Lopez"]),
        ("BY Maria Lopez", ["Maria Lopez"]),
        ("By Maria Lopez and Tom Eriksen", ["Maria Lopez", "Tom Eriksen"]),
        ("By Maria Lopez, Tom Eriksen and Ana Silva", ["Maria Lopez", "Tom Eriksen", "Ana Silva"]),
        ("By Maria Lopez | Reuters", ["Maria Lopez"]),
        ("By Maria Lopez, Staff Writer", ["Maria Lopez"]),
        ("By Maria Lopez 12 May 2024", ["Maria Lopez"]),
        ("Von Jana Becker und Uwe Krause", ["Jana Becker", "Uwe Krause"]),
        ("Door Sanne van der Berg", ["Sanne van der Berg"]),
        ("Par Claire Dubois", ["Claire Dubois"]),
        ("Por Lucía Fernández y Pablo Ruiz", ["Lucía Fernández", "Pablo Ruiz"]),
        ("Di Giulia Conti", ["Giulia Conti"]),
        ("Av Erik Lund", ["Erik Lund"]),
        ("Autor: Piotr Nowak", ["Piotr Nowak"]),
        ("From the Morning Desk team", ["Morning Desk team"]),
        ("From the newsroom", ["newsroom"]),
        # not bylines
        ("By the end of the year the plant will close.", None),
        ("Bygone days of the railway", None),
        ("Door to door: how parcels travel", None),
        ("Kim: we stand together", None),
    ],
)
def test_byline_authors(line: str, expected: list[str] | None) -> None:
    assert md.byline_authors(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sarah Mitchell", ["Sarah Mitchell"]),
        ("Thomas Berg, AP Business Writer", ["Thomas Berg"]),
        ("Sarah Mitchell and Thomas Berg", ["Sarah Mitchell", "Thomas Berg"]),
        ("Economy Outlook", None),  # a subheading, not a person
        ("Rising Prices Ahead", None),
        ("Sarah Mitchell.", None),
        ("Where do we go now?", None),
    ],
)
def test_name_line_authors(line: str, expected: list[str] | None) -> None:
    assert md.name_line_authors(line) == expected


def test_cached_name_line_authors_are_a_new_list_each_time() -> None:
    authors = md.name_line_authors("James Robinson")
    authors.append("Jane Doe")  # the caller's list, e.g. meta.authors
    assert md.name_line_authors(" James Robinson ") == ["James Robinson"]


def test_language_of_a_sample_is_computed_once() -> None:
    text = "The ferry to the island left the harbour this morning after a week of storms. " * 10
    md._classify.cache_clear()
    assert md.detect_language(text) == md.detect_language(text + "Und dann kam der Regen.") == "en"
    assert md._classify.cache_info().hits == 1  # only the first LANGID_MAX_CHARS characters are read
    assert md._classify(text[: md.LANGID_MAX_CHARS]) == md._language_identifier().classify(text[:500])[0]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "LONDON (Reuters) - Shares in the retailer fell sharply on Tuesday after it cut its forecast again.",
            "LONDON (Reuters)",
        ),
        ("BERLIN — The coalition agreed on a new budget late on Thursday night after weeks of talks.", "BERLIN"),
        (
            "NAIROBI, Kenya (AP) — Heavy rains have displaced thousands of families across the region.",
            "NAIROBI, Kenya (AP)",
        ),
        (
            "Port Harbour (North Province): The governor on Monday opened a new bridge across the river.",
            "Port Harbour (North Province)",
        ),
        ("OSLO: The central bank left its key rate unchanged, as most analysts had expected it would.", "OSLO"),
        ("Springfield – Teachers rallied at the statehouse on Saturday to demand smaller class sizes.", "Springfield"),
        # not datelines
        ("The governor on Monday opened a new bridge across the river, which cost 40 million.", None),
        ("Analysis: what the election result means for the region and for its neighbours abroad.", None),
        ("Kim: we stand together", None),
        ("Maria Lopez, the mayor, said the plan would be ready by the spring of next year at the latest.", None),
    ],
)
def test_find_dateline(paragraph: str, expected: str | None) -> None:
    assert md.find_dateline(paragraph) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The committee will publish its report on the new railway line next week, officials said.", "en"),
        ("Die Regierung will den Bericht über die neue Bahnstrecke in der kommenden Woche vorlegen.", "de"),
        ("De gemeente wil het rapport over de nieuwe spoorlijn volgende week publiceren, zei een woordvoerder.", "nl"),
        ("Le gouvernement publiera son rapport sur la nouvelle ligne ferroviaire la semaine prochaine.", "fr"),
        ("Short.", None),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert md.detect_language(text) == expected


def test_split_authors_drops_roles() -> None:
    assert md.split_authors("Ana Silva, Senior Correspondent") == ["Ana Silva"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Maria Lopez", "AP Auto Writer"], ["Maria Lopez"]),
        (["Sarah Mitchell November"], ["Sarah Mitchell"]),
        (["Thomas Berg News reporter"], ["Thomas Berg"]),
        (["Harbour Desk Staff"], ["Harbour Desk Staff"]),
        (["Maria Lopez", "maria lopez"], ["Maria Lopez"]),
        (["harbourdaily.com"], []),
    ],
)
def test_tidy_authors(names: list[str], expected: list[str]) -> None:
    assert md.tidy_authors(names) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Maria Lopez maria@harbourdaily.example (555) 123-4567", ["Maria Lopez"]),
        ("By Maria Lopez Updated", ["Maria Lopez"]),
        ("By Maria Lopez, Harbourdaily.com", ["Maria Lopez"]),
        ("By Thomas Berg, Associated Press", ["Thomas Berg"]),
        ("By Thomas Berg, AP Business Writer", ["Thomas Berg"]),
    ],
)
def test_byline_cleanup(line: str, expected: list[str]) -> None:
    assert md.byline_authors(line) == expected
