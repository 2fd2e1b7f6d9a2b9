"""First stage of ingestion: a file's bytes become text (read -> parse -> extract).

The bytes themselves are never changed here: the caller keeps them as the
original. This module only decides which encoding the bytes are in, refuses
what is not an article (empty, binary, too large, undecodable) with a reason a
person understands, and hands the parser text with one line-ending convention,
one Unicode normal form and no private-use characters.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from articles.ingest.document import Decoded

MAX_BYTES = 10 * 1024 * 1024

# Control characters other than tab, line feed, form feed and carriage return
# never occur in a copied news page; a text full of them is binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LOWER = re.compile(r"[а-яё]")
_LETTER = re.compile(r"[^\W\d_]")
# Characters cp1251 maps bytes 0x80-0xBF to that real Russian prose rarely
# uses: a text made mostly of them is some other encoding read wrongly.
_CP1251_ODDITIES = re.compile(r"[ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЁ¤¦§©«¬®°±Ііґµ¶·»јЅѕЇї‚„†‡€‰‹›™]")
_SAMPLE_CHARS = 20_000
# Private-use characters mean nothing outside the program that defined them: an
# icon font's glyphs in a copied page, or the search highlighter's own markers
# (U+E000, U+E001), which would show highlights where nobody searched.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


class UnreadableFile(ValueError):
    """A file that holds no readable article; str() says why in plain words."""


def decode(data: bytes) -> Decoded:
    """Decode an article file's bytes, or raise UnreadableFile saying why not."""
    if not data:
        raise UnreadableFile("empty file")
    if len(data) > MAX_BYTES:
        megabytes = len(data) / (1024 * 1024)
        raise UnreadableFile(
            f"too large to be an article: {megabytes:.1f} MB (limit {MAX_BYTES // 2**20} MB)"
        )
    text, encoding = _decode_bytes(data)
    if "\x00" in text:
        raise UnreadableFile("binary data, not text (NUL bytes)")
    if _has_many_controls(text):
        raise UnreadableFile("binary data, not text (control characters)")
    if not text.strip():
        raise UnreadableFile("empty file (only whitespace)")
    return Decoded(text=_normalise(text), encoding=encoding)


def _decode_bytes(data: bytes) -> tuple[str, str]:
    with_bom = _decode_with_bom(data)
    if with_bom is not None:
        return with_bom
    utf16 = _decode_bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise UnreadableFile("binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    legacy = _decode_cp1251(data)
    if legacy is not None:
        return legacy, "cp1251"
    raise UnreadableFile("not valid text in UTF-8, UTF-16 or Windows-1251")


def _decode_with_bom(data: bytes) -> tuple[str, str] | None:
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as error:
                raise UnreadableFile(
                    f"starts like {encoding.upper()} text but is not valid {encoding.upper()}"
                ) from error
    return None


def _decode_bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, recognised by where its zero bytes fall.

    Text in Latin or Cyrillic script written as UTF-16 has a zero (Latin) or
    0x04 (Cyrillic) high byte in almost every other position; binary data
    does not line up like that, so the test is sound for article text.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[: _SAMPLE_CHARS * 2]
    even_highs, odd_highs = sample[0::2], sample[1::2]
    for highs, encoding in ((odd_highs, "utf-16-le"), (even_highs, "utf-16-be")):
        share = sum(1 for byte in highs if byte in (0x00, 0x04)) / len(highs)
        if share >= 0.9:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _decode_cp1251(data: bytes) -> str | None:
    """Windows-1251 text, accepted only when the result reads as Cyrillic prose."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    sample = text[:_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    if not letters or cyrillic / letters < 0.3:
        return None
    # Random bytes give as many capitals as small letters; prose is mostly small.
    if len(_CYRILLIC_LOWER.findall(sample)) / cyrillic < 0.6:
        return None
    if len(_CP1251_ODDITIES.findall(sample)) / cyrillic > 0.05:
        return None
    return text


def _has_many_controls(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _PRIVATE_USE.sub("", unicodedata.normalize("NFC", text))
