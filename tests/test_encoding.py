"""Decoding bytes to text: declared, undeclared, lying and legacy encodings; mojibake; binary."""

from __future__ import annotations

import random

import pytest

from newscrawl.extract.encoding import decode_html, detect_encoding, looks_binary, repair_mojibake, utf8_source

FRENCH = "Le café de l’été « déjà vu » à Noël, où l’on mange des crêpes — très français. " * 3
LATIN1 = "Le café de la gare a réouvert à Noël, déjà plein de clients. " * 3
GERMAN = "Die Bürger müssen für die Straße zahlen, sagte der Bürgermeister am Dienstag. " * 3
POLISH = "Wczoraj w Warszawie odbyło się spotkanie władz miasta z mieszkańcami dzielnicy. " * 3
JAPANESE = "東京都は新しい公園の計画を発表した。市民は長い間待っていた。" * 3
CHINESE = "北京市政府宣布了新的公园计划。市民们等待了很长时间。" * 3


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


CASES = {
    "windows-1252 declared in the header": (page(FRENCH).encode("cp1252"), "text/html; charset=windows-1252", FRENCH),
    "iso-8859-1 declared in the header": (page(LATIN1).encode("iso-8859-1"), "text/html; charset=ISO-8859-1", LATIN1),
    "charset only in <meta charset>": (page(FRENCH, '<meta charset="windows-1252">').encode("cp1252"), "text/html", FRENCH),
    "charset only in http-equiv": (page(GERMAN, '<meta http-equiv="Content-Type" content="text/html; '
                                           'charset=iso-8859-1">').encode("latin-1"), None, GERMAN),
    "header says latin-1, body is UTF-8": (page(FRENCH).encode("utf-8"), "text/html; charset=iso-8859-1", FRENCH),
    "header says UTF-8, body is windows-1252": (page(FRENCH).encode("cp1252"), "text/html; charset=utf-8", FRENCH),
    "meta says UTF-8, body is windows-1252": (page(GERMAN, '<meta charset="utf-8">').encode("cp1252"), None, GERMAN),
    "UTF-8 BOM beats a wrong header": (b"\xef\xbb\xbf" + page(FRENCH).encode("utf-8"), "text/html; charset=cp1252", FRENCH),
    "UTF-16 with BOM": (page(FRENCH).encode("utf-16"), None, FRENCH),
    "undeclared Western text is windows-1252": (page(FRENCH).encode("cp1252"), "text/html", FRENCH),
    "undeclared Central European text keeps its code page": (page(POLISH).encode("cp1250"), None, POLISH),
    "Shift_JIS in <meta>": (page(JAPANESE, '<meta charset="Shift_JIS">').encode("shift_jis"), None, JAPANESE),
    "Shift_JIS undeclared": (page(JAPANESE).encode("shift_jis"), "text/html", JAPANESE),
    "Shift_JIS under a UTF-8 header": (page(JAPANESE).encode("shift_jis"), "text/html; charset=utf-8", JAPANESE),
    "GB18030 in the header": (page(CHINESE).encode("gb18030"), "text/html; charset=GB18030", CHINESE),
    "gb2312 label means GB18030": (page(CHINESE, '<meta charset="gb2312">').encode("gb18030"), None, CHINESE),
    "GB18030 undeclared": (page(CHINESE).encode("gb18030"), None, CHINESE),
    "unknown charset label": (page(FRENCH).encode("utf-8"), "text/html; charset=x-no-such-thing", FRENCH),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_decodes_to_the_original_text(name):
    data, content_type, text = CASES[name]
    decoded = decode_html(data, content_type)
    assert text in decoded
    assert "\ufffd" not in decoded and not decoded.startswith("\ufeff")


def test_iso_8859_1_is_read_as_windows_1252_like_browsers():
    # WHATWG Encoding: the label iso-8859-1 means windows-1252 (0x92 is a right quote).
    assert decode_html(b"<p>it\x92s</p>", "text/html; charset=iso-8859-1") == "<p>it\u2019s</p>"
    assert detect_encoding(b"<p>caf\xe9</p>", "text/html; charset=iso-8859-1") == "cp1252"


def test_utf8_saved_twice_is_repaired():
    mojibake = page(FRENCH).encode("utf-8").decode("cp1252", "replace")
    decoded = decode_html(mojibake.encode("utf-8"), "text/html; charset=utf-8")
    assert "Le café de l’été" in decoded and "Ã" not in decoded and "â€" not in decoded


def test_a_single_odd_sequence_is_left_alone():
    assert repair_mojibake("Rue de l'Ã©glise") == "Rue de l'Ã©glise"  # one is not proof enough
    assert repair_mojibake(FRENCH) == FRENCH


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\x89PNG\r\n\x1a\n\x00\x00", b"GIF89a\x01\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF",
    b"PK\x03\x04\x14\x00", b"\x1f\x8b\x08\x00", random.Random(1).randbytes(5000), b"\x00" * 100 + b"<html>",
])
def test_binary_is_recognised(data):
    assert looks_binary(data)


@pytest.mark.parametrize("data", [
    b"", b"<html><body><p>plain</p></body></html>", page(JAPANESE).encode("shift_jis"),
    page(CHINESE).encode("gb18030"), page(FRENCH).encode("utf-16"), page(FRENCH).encode("cp1252"),
    b"\x1b$B4A;z\x1b(B <p>iso-2022-jp text</p>" * 20,
])
def test_text_is_not_binary(data):
    assert not looks_binary(data)


def test_characters_xml_refuses_are_removed():
    # lxml keeps them in the tree but refuses them when text is set again (hypothesis found it).
    assert decode_html(b"<noscript>\x1f</noscript><p>a\x00b\x0cc\x08</p>") == "<noscript></noscript><p>ab c</p>"


def test_utf8_source_is_only_that_of_the_text_decoded_last():
    data = page(FRENCH).encode("utf-8")
    text = decode_html(data)
    assert utf8_source(text) == data == text.encode("utf-8")
    equal = text[:1] + text[1:]  # an equal text is not the one decoded: it may be another page's
    assert equal == text and equal is not text and utf8_source(equal) is None
    other = decode_html(page(GERMAN).encode("utf-8"))
    assert utf8_source(text) is None and utf8_source(other) == other.encode("utf-8")


def test_utf8_source_is_none_where_decoding_changed_the_text():
    for data in ("\ufeff" + page(FRENCH)).encode("utf-8"), page(FRENCH).encode("utf-8").replace(b"<p>", b"<p>\x0c"), \
            page("Le cafÃ© de lâ€™Ã©tÃ© " * 3).encode("utf-8"), page(FRENCH).encode("cp1252"):
        assert utf8_source(decode_html(data)) is None
