"""Source bytes -> text: find the encoding, normalise line ends.

Issue text arrives as UTF-8 (with or without a BOM), UTF-16 with a BOM, or
GB18030/GBK from older Windows tools. A strict cascade decides: a BOM wins,
then strict UTF-8, then strict GB18030 (a superset of GBK and GB2312), and
charset-normalizer only as a last resort for what none of those read. Text no
encoding reads is an error naming the file and the first bad byte, so nothing
is written from a guess.
"""

from __future__ import annotations

import codecs
import logging

from ssg.diagnostics import SsgError, error

log = logging.getLogger(__name__)

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# What charset-normalizer may answer: encodings a Chinese paper's text comes
# in that the strict cascade cannot recognise. Anything else (cp1252, latin-1)
# is a misreading of corrupt UTF-8 or GB18030, and an error is more honest.
_FALLBACK_ENCODINGS = frozenset(
    {"big5", "big5hkscs", "cp950", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}
)


def decode_source(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a source file's bytes to text with "\\n" line ends.

    `encoding` forces one codec (`--encoding`); otherwise it is detected.
    Raises SsgError with one diagnostic naming `path` and the byte offset of
    the first byte that cannot be read.
    """
    if encoding:
        text = _decode_forced(data, path, encoding)
    else:
        text = _decode_detected(data, path)
    return normalise_line_ends(text)


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR become LF; a stray BOM character at the start goes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff")


def _decode_forced(data: bytes, path: str, encoding: str) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise SsgError(error(path, None, f"unknown encoding {encoding!r}", "try utf-8, gb18030 or utf-16")) from None
    name = info.name
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise SsgError(_undecodable(path, data, exc.start, encoding.upper(), "check --encoding")) from None


def _decode_detected(data: bytes, path: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SsgError(_undecodable(path, data, exc.start, codec.upper(), "try --encoding")) from None
    if b"\x00" in data:
        # Text never holds NUL bytes; UTF-16 or UTF-32 without a BOM does.
        text = _from_charset_normalizer(data)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if _has_utf8_multibyte(data[:utf8_error]):
        # Valid UTF-8 Chinese before the bad byte: a damaged UTF-8 file, not GB18030.
        raise SsgError(_undecodable(path, data, utf8_error, "UTF-8 or GB18030", "try --encoding"))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        gb_error = exc.start
    else:
        log.debug("%s: decoded as GB18030", path)
        return text
    text = _from_charset_normalizer(data)
    if text is not None:
        return text
    # GB18030 read the ASCII prefix UTF-8 stopped at, so its offset is the later, truer one.
    raise SsgError(_undecodable(path, data, gb_error, "UTF-8 or GB18030", "try --encoding"))


def _has_utf8_multibyte(prefix: bytes) -> bool:
    """True when `prefix` (valid UTF-8) holds at least one non-ASCII character."""
    return any(b >= 0x80 for b in prefix)


def _from_charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding not in _FALLBACK_ENCODINGS:
        return None
    log.debug("charset-normalizer read the source as %s", best.encoding)
    return str(best)


def _undecodable(path: str, data: bytes, offset: int, tried: str, hint: str):
    byte = data[offset] if offset < len(data) else 0
    return error(path, None, f"cannot decode byte 0x{byte:02x} at offset {offset} as {tried}", hint)
