"""Bytes to text: container and type sniffing, charset detection (``transforms.charsets``), mojibake repair.

``decode_input`` takes the raw bytes of one input file and returns either a
``Decoded`` document or a ``Rejected`` record with a reason from ``REJECT_REASONS``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from dataclasses import dataclass, field

import charset_normalizer
import ftfy

from transforms import charsets

REJECT_REASONS = (
    "empty",  # no bytes, or only whitespace
    "binary",  # control bytes no text encoding explains
    "unsupported_type",  # a known non-text format (PDF, image, archive, office file)
    "too_large",  # over the size limit (raw, or once decompressed)
    "undecodable",  # no charset reading holds up, or a broken gzip stream
    "no_content",  # text, but nothing of an article is left after cleaning (no sentence: menus, headings)
    "not_prose",  # text, but data or code: JSON, XML other than HTML, CSV/TSV, program code, tables of numbers
    "duplicate",  # the same bytes as another input, which is kept
    "unreadable",  # the file could not be read (permissions, vanished)
    "outside_root",  # a link that points outside the input root
)

# Magic numbers of formats people drop into a scrape folder by mistake.
MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"PK\x03\x04", "zip (or docx/xlsx/epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ms-office (ole2)"),
    (b"\x7fELF", "elf executable"),
    (b"MZ", "windows executable"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"RIFF", "riff (wav/avi/webp)"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"\x80\x04\x95", "python pickle"),
)
GZIP_MAGIC = b"\x1f\x8b"
TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of C0 control bytes (other than tab/newline/CR/form feed) above which
# bytes are not text in any single-byte or UTF-8 encoding; real text has none,
# binaries have 10-40 %. 1 % leaves room for a few stray NULs in a text file.
MAX_CONTROL_SHARE = 0.01
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# Characters removed after decoding: C0/C1 controls (not \t \n), zero-width
# space/BOM, soft hyphen, bidirectional embedding/override/isolate controls.
# ZWJ and ZWNJ stay: they are meaningful in Indic and Persian scripts and emoji.
STRIP_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
HTML_SNIFF = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


@dataclass
class Decoded:
    text: str
    encoding: str
    format: str  # "text" or "html"
    repairs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    reason: str  # one of REJECT_REASONS
    detail: str


def gunzip(data: bytes, *, max_bytes: int) -> bytes | Rejected:
    """Decompress a gzip stream, refusing to inflate past ``max_bytes`` (zip bombs)."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        return Rejected("undecodable", f"broken gzip stream: {exc}")
    if len(out) > max_bytes or inflater.unconsumed_tail:
        return Rejected("too_large", f"decompresses to more than {max_bytes} bytes")
    if not inflater.eof:
        return Rejected("undecodable", "truncated gzip stream")
    return out


def sniff_type(data: bytes) -> str | None:
    """The name of a known non-text format, or None."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return name
    return None


def bytes_to_str(data: bytes) -> tuple[str, str, list[str]] | Rejected:
    """Decode bytes to (text, encoding, repairs): BOM, ISO-2022 escapes, UTF-8, then the common code
    page whose reading is most natural (``transforms.charsets``; a ``low_confidence`` repair when
    another came close), or charset_normalizer's guess for the scripts those code pages do not write."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                return Rejected("undecodable", f"{encoding} BOM but invalid data: {exc.reason}")
    if b"\x1b" in data and (escaped := charsets.iso2022(data)) is not None:
        return escaped.text, escaped.encoding, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if len(CONTROL_BYTES.findall(data[:65536])) > MAX_CONTROL_SHARE * min(len(data), 65536):
        guess = charset_normalizer.from_bytes(data[:65536], cp_isolation=["utf_16", "utf_32"]).best()
        if guess is None:
            return Rejected("binary", "control bytes that no text encoding explains")
    else:
        # the general detector, for the scripts no common code page of transforms.charsets writes
        guess = charset_normalizer.from_bytes(data).best()
        if guess is None or not charsets.UNCOVERED_ALPHABETS.intersection(guess.alphabets):
            best = charsets.guess(data)
            if best is not None:
                return best.text, best.encoding, ["low_confidence"] if best.close else []
    if guess is None:
        return Rejected("undecodable", "no character encoding fits these bytes")
    try:
        return data.decode(guess.encoding), guess.encoding, []
    except (UnicodeDecodeError, LookupError) as exc:
        return Rejected("undecodable", f"{guess.encoding}: {exc}")


# full-width punctuation stays: it is how Chinese and Japanese are written ("，" is not ",")
FTFY_OPTIONS = {
    "uncurl_quotes": False,
    "fix_latin_ligatures": False,
    "fix_character_width": False,
    "normalization": "NFC",
}
FTFY_CONFIG = ftfy.TextFixerConfig(explain=False, **FTFY_OPTIONS)
FTFY_CONFIG_AFTER_MARKUP = FTFY_CONFIG._replace(unescape_html=False)
# Characters without which ftfy's mojibake test (ftfy.badness.BADNESS_RE) cannot match, so that
# ftfy leaves the encoding alone: each alternative of the regex needs one of them (a test proves it
# on the regex itself). They are ftfy's categories of mojibake characters but the ones common in
# clean text (curly quotes, dashes, ellipsis, no-break space, Greek and Cyrillic letters), which no
# alternative needs, plus one item of each alternative made of other characters: "Ù" of the Arabic
# "[ØÙ].[ØÙ].", "ó" of "‚[âó].", "Ђ" of "вЂ", and the capitals of "[ВГРС].[ВГРС]" and "[ΒΓΞΟ].[ΒΓΞΟ]".
MOJIBAKE_TRIGGERS = (
    "".join(
        ftfy.badness.MOJIBAKE_CATEGORIES[name]
        for name in ("c1", "bad", "law", "currency", "numeric", "upper_accented", "lower_accented", "box")
    )
    + "ÙóЂВГРСΒΓΞΟ"
)
MOJIBAKE_TRIGGER = re.compile(f"[{MOJIBAKE_TRIGGERS}]+")
# The longest text the mojibake regex matches: a match lies within this many characters of a trigger.
MOJIBAKE_WIDTH = 7
# The characters ftfy's other fixers in FTFY_CONFIG act on: ESC (terminal escapes), C1 controls,
# CR, NEL and the Unicode line and paragraph separators (line breaks), surrogates, the control
# characters ftfy removes (ftfy.chardata.CONTROL_CHARS), and "&" when it opens an HTML entity.
FIXED_CHARS = "\x1b\x80-\x9f\r\u2028\u2029\ud800-\udfff" + "".join(
    re.escape(chr(code)) for code in sorted(ftfy.chardata.CONTROL_CHARS)
)
FIXED = re.compile(f"[{FIXED_CHARS}]|{ftfy.chardata.HTML_ENTITY_RE.pattern}")
# A character ftfy may act on; most lines of news in any language but those with accents have none.
TOUCHABLE = re.compile(f"[{MOJIBAKE_TRIGGERS}{FIXED_CHARS}&]")


def looks_like_mojibake(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, its regex searched only around the triggers: a line with an
    accented letter or a symbol here and there is read in a few short windows, not from end to end."""
    windows: list[list[int]] = []
    for run in MOJIBAKE_TRIGGER.finditer(line):
        start, end = max(run.start() - MOJIBAKE_WIDTH + 1, 0), run.end() - 1 + MOJIBAKE_WIDTH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return any(ftfy.badness.BADNESS_RE.search(line, start, end) for start, end in windows)


def ftfy_keeps(line: str) -> bool:
    """Whether ftfy (FTFY_CONFIG) returns this line as it is: it shows no mojibake, holds no
    character another fixer acts on, and is in NFC (and ftfy reads it in one piece)."""
    if len(line) > FTFY_CONFIG.max_decode_length:
        return False
    if TOUCHABLE.search(line) and (FIXED.search(line) or looks_like_mojibake(line)):
        return False
    return unicodedata.is_normalized("NFC", line)


def fix_text(text: str) -> str:
    """``ftfy.fix_text`` with FTFY_OPTIONS: the same result, several times faster on news text.

    ftfy fixes a text line by line, each line on its own but for one thing carried over: once a
    line holds "<", HTML entities are no longer unescaped in it or any later line. This does the
    same and hands ftfy only the lines it could change (not ``ftfy_keeps``): lines with mojibake,
    HTML entities, controls or odd line breaks, or not in NFC.
    """
    out, markup_seen, start = [], False, 0
    while start < len(text):
        touchable = TOUCHABLE.search(text, start)
        end = len(text) if touchable is None else text.rfind("\n", start, touchable.start()) + 1
        if start < end <= start + FTFY_CONFIG.max_decode_length and unicodedata.is_normalized("NFC", text[start:end]):
            # lines without a touchable character, in NFC (NFC never joins across a line break):
            # ftfy_keeps holds for each of them
            fixed = lines = text[start:end]
        else:
            end = text.find("\n", start) + 1 or len(text)
            fixed = lines = text[start:end]
            if not ftfy_keeps(lines):
                fixed = ftfy.fix_text(lines, FTFY_CONFIG_AFTER_MARKUP if markup_seen else FTFY_CONFIG)
        out.append(fixed)
        markup_seen = markup_seen or "<" in lines
        start = end
    return "".join(out)


def repair_text(text: str) -> tuple[str, list[str]]:
    """ftfy repair (typographic quotes kept), line endings to LF, invisible controls out."""
    repairs = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.append("line_endings")
    fixed = fix_text(text)
    if fixed != text:
        repairs.append("mojibake" if ftfy.badness.is_bad(text) else "unicode")
        text = fixed
    stripped = STRIP_CHARS.sub("", text)
    if stripped != text:
        repairs.append("control_chars")
    return stripped, repairs


def wrap_long_lines(text: str, max_chars: int) -> str:
    """Break lines longer than ``max_chars`` at the last space before the limit.

    Later stages look at text line by line; a bounded line keeps every per-line
    rule cheap whatever the input (a 5 MB one-line file, say). The paragraph
    stage joins the pieces again, as it joins any soft-wrapped line.
    """
    if max(map(len, text.split("\n"))) <= max_chars:
        return text
    out = []
    for line in text.split("\n"):
        while len(line) > max_chars:
            cut = line.rfind(" ", max_chars // 2, max_chars + 1)
            cut = cut if cut > 0 else max_chars
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return "\n".join(out)


def decode_input(name: str, data: bytes, *, max_bytes: int) -> Decoded | Rejected:
    """Turn one input file's bytes into text, or say why not.

    ``name`` is the file name (its suffix tells gzip and HTML apart when the
    content does not); ``max_bytes`` bounds the size of the (decompressed) text.
    """
    lower = name.lower()
    repairs: list[str] = []
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes=max_bytes)
        if isinstance(data, Rejected):
            return data
        lower = lower.removesuffix(".gz")
        repairs.append("gunzip")
    if len(data) > max_bytes:
        return Rejected("too_large", f"{len(data)} bytes, limit {max_bytes}")
    if not data.strip():
        return Rejected("empty", "no bytes" if not data else "only whitespace")
    kind = sniff_type(data)
    if kind is not None:
        return Rejected("unsupported_type", f"{kind} content")
    decoded = bytes_to_str(data)
    if isinstance(decoded, Rejected):
        return decoded
    text, encoding, guessed = decoded
    text, more = repair_text(text)
    if not text.strip():
        return Rejected("empty", "only whitespace and invisible characters")
    is_html = lower.endswith(HTML_SUFFIXES) or bool(HTML_SNIFF.match(text[:2048]))
    return Decoded(text=text, encoding=encoding, format="html" if is_html else "text", repairs=repairs + guessed + more)
