"""decode: bytes in, text out, or a reason a person understands."""

import codecs

import pytest

from articles.ingest.read import MAX_BYTES, UnreadableFile, decode

RUSSIAN = "Азербайджан и Россия подписали меморандум о сотрудничестве в области транспорта."


def test_decodes_utf8_when_bytes_are_utf8():
    decoded = decode("Bakı və Moskva".encode())
    assert decoded.text == "Bakı və Moskva"
    assert decoded.encoding == "utf-8"


def test_drops_bom_when_utf8_has_one():
    decoded = decode(codecs.BOM_UTF8 + b"Baku")
    assert decoded.text == "Baku"
    assert decoded.encoding == "utf-8-sig"


def test_decodes_utf16_le_when_it_has_a_bom():
    decoded = decode(codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"))
    assert decoded.text == RUSSIAN


def test_decodes_utf16_be_when_it_has_a_bom():
    decoded = decode(codecs.BOM_UTF16_BE + "Baku and Moscow".encode("utf-16-be"))
    assert decoded.text == "Baku and Moscow"


def test_decodes_utf16_when_it_has_no_bom():
    decoded = decode("Baku and Moscow signed a memorandum.".encode("utf-16-le"))
    assert decoded.text == "Baku and Moscow signed a memorandum."
    assert decoded.encoding == "utf-16-le"


def test_decodes_cp1251_when_bytes_are_legacy_russian():
    decoded = decode(RUSSIAN.encode("cp1251"))
    assert decoded.text == RUSSIAN
    assert decoded.encoding == "cp1251"


def test_refuses_when_bytes_are_neither_utf8_nor_cyrillic():
    with pytest.raises(UnreadableFile, match="not valid text"):
        decode("Ça coûte très cher à Genève".encode("latin-1"))


def test_refuses_when_file_is_empty():
    with pytest.raises(UnreadableFile, match="empty file"):
        decode(b"")


def test_refuses_when_file_is_only_whitespace():
    with pytest.raises(UnreadableFile, match="empty"):
        decode(b" \n\t\r\n ")


def test_refuses_when_file_is_binary():
    with pytest.raises(UnreadableFile, match="binary data"):
        decode(bytes(range(256)) * 64)


def test_refuses_when_file_is_too_large():
    reason = r"too large to be an article: 10\.0 MB \(limit 10 MB\)"
    with pytest.raises(UnreadableFile, match=reason):
        decode(b"a" * (MAX_BYTES + 1))


def test_normalises_line_endings_when_file_uses_crlf_or_cr():
    assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_composes_characters_when_text_is_decomposed():
    decomposed = "Bak\u0131 ve\u0301".encode()
    assert decode(decomposed).text == "Bakı vé"


def test_gives_a_readable_reason_when_refusing():
    with pytest.raises(UnreadableFile) as refused:
        decode(b"")
    assert str(refused.value) == "empty file"


def test_strips_private_use_characters_when_text_holds_highlight_markers():
    decoded = decode("Baku \ue000and\ue001 Moscow \uf8ff".encode())
    assert decoded.text == "Baku and Moscow "
