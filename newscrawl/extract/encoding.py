"""Decode HTML bytes the way a browser would, but robust to a lying HTTP header."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

_NOT_TEXT_PREFIXES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                      b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"\x7fELF", b"wOFF", b"wOF2")
# C0 controls that never occur in text (tab, LF, FF, CR and ESC of ISO-2022 do), and DEL.
_CONTROL_BYTES = bytes([*(b for b in range(32) if b not in (9, 10, 12, 13, 27)), 127])
_MAX_CONTROL_SHARE = 0.02
# UTF-8 read as windows-1252 and saved again: "Ã©" for "é", "â€™" for "’", "Â " for a no-break space.
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u203a\u20ac\u2122]"
                       "|â€[\u0080-\u00bf\u0153\u009d\u02dc\u2018-\u203a\u2122]|Â[\u00a0-\u00bf]")
_MIN_MOJIBAKE = 2
# Characters XML (and so lxml, when text is set on an element) refuses; the HTML parser keeps
# them in the tree, where they break any later rewrite. Form feed is whitespace in HTML.
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
_NOT_XML_BYTES = bytes([*range(0, 9), 11, *range(14, 32)])
# charset_normalizer scores punctuation of windows-1252 (’ — “) as noise and then prefers a
# Baltic or Central European code page for Western text; browsers default to windows-1252.
# It wins when it reads as well as the best guess (coherence) with only a little more noise.
_WESTERN_SLACK = 0.1
_COHERENCE_SLACK = 0.02


def looks_binary(data: bytes) -> bool:
    """True for bytes that are plainly not a text document (PDF, images, archives, garbage).

    >>> looks_binary(b"%PDF-1.7 ...") and not looks_binary("<p>Café</p>".encode("utf-16"))
    True
    """
    head = data[:4096]
    if head.lstrip().startswith(_NOT_TEXT_PREFIXES):
        return True
    if not head or read_bom(head)[0]:
        return False  # a BOM (UTF-16 has NUL bytes) says it is text
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * _MAX_CONTROL_SHARE


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        codecs.decode(data, encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect_encoding(data: bytes, content_type: str | None = None) -> str:
    """Pick the encoding of ``data``: BOM, then valid UTF-8, then <meta>, header, detection.

    Strict UTF-8 that contains non-ASCII bytes is almost never anything else, so it wins
    over a header that names a legacy charset (a common server misconfiguration).
    """
    bom_encoding, _ = read_bom(data)
    if bom_encoding:
        return bom_encoding
    sample = data[: 1 << 20]
    if not sample.isascii() and _decodes(sample, "utf-8"):
        return "utf-8"
    # w3lib reads the first 4 kB as browsers prescan them: <meta charset>, http-equiv, <?xml?>
    declared = [html_body_declared_encoding(data)]
    if content_type:
        declared.append(http_content_type_encoding(content_type))
    for encoding in declared:
        if encoding and encoding != "utf-8" and _decodes(sample, encoding):
            return encoding
    if sample.isascii():
        return "utf-8"
    return _guess_legacy(sample[:65536])


def _guess_legacy(sample: bytes) -> str:
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or not best.encoding:
        return "cp1252"
    for match in matches:
        if ("cp1252" in (match.encoding, *match.could_be_from_charset)
                and match.chaos <= best.chaos + _WESTERN_SLACK
                and match.coherence >= best.coherence - _COHERENCE_SLACK):
            return "cp1252"
    return resolve_encoding(best.encoding) or "cp1252"


def repair_mojibake(text: str) -> str:
    """Text with UTF-8-read-as-windows-1252 sequences repaired, when there are several.

    >>> repair_mojibake("Le cafÃ© de lâ€™Ã©tÃ©")
    'Le café de l’été'
    """
    # Every mojibake sequence starts with one of three lead characters: a plain substring test
    # rules out most pages at a fraction of the regex's cost.
    if not _has_mojibake_lead(text):
        return text
    found = 0
    for found, _ in enumerate(_MOJIBAKE.finditer(text, 0, 1 << 20), 1):
        if found >= _MIN_MOJIBAKE:
            break
    if found < _MIN_MOJIBAKE:
        return text
    import ftfy  # noqa: PLC0415 - rarely needed, and its import costs more than most pages

    # Line by line, and only the lines with a lead character: ftfy over a whole 60 kB page
    # costs ~25 ms, over its few damaged lines well under 1 ms, with the same result.
    return "\n".join(str(ftfy.fix_encoding(line)) if _has_mojibake_lead(line) else line
                     for line in text.split("\n"))


def _has_mojibake_lead(text: str) -> bool:
    # "€" first: a two-character search costs ten times a one-character one over a page
    # holding any character beyond Latin-1 (most pages), and few pages hold a euro sign.
    return "Ã" in text or "Â" in text or ("€" in text and "â€" in text)


def _strict_utf8(data: bytes) -> str | None:
    """The text of non-ASCII bytes that are valid UTF-8 (detect_encoding's first verdict), decoded once."""
    if data.isascii() or read_bom(data[:4])[0] not in (None, "utf-8"):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def unusable_body(body: bytes, content_type: str | None, status: int = 200) -> tuple[str, str] | None:
    """(code, detail) for a body that cannot be an HTML page, whatever its Content-Type says;
    None for one worth extracting. The crawl and the WARC reader judge bytes the same way."""
    if not body.strip():
        return "empty-response", f"HTTP {status} with an empty body"
    content_type = (content_type or "").lower()
    # octet-stream is what servers send when they do not know: the bytes decide then.
    if content_type and not any(t in content_type for t in ("html", "xml", "text/plain", "octet-stream")):
        return "not-html", f"Content-Type {content_type.split(';')[0]}"
    if looks_binary(body):
        return "not-html", "binary content served as text"
    return None


# The last text decode_html returned that is exactly the strict UTF-8 decoding of its bytes,
# with those bytes: the page parser hands libxml2 UTF-8, and encoding a page that holds any
# character beyond Latin-1 costs three times its decoding. Compared by identity, so another
# text, even an equal one, never gets these bytes.
_last_utf8: tuple[str, bytes] | None = None


def utf8_source(text: str) -> bytes | None:
    """The bytes ``text`` was decoded from, when decode_html returned it last and they are its UTF-8."""
    last = _last_utf8
    return last[1] if last is not None and last[0] is text else None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Text of an HTML document given its bytes and the HTTP Content-Type header, if any."""
    global _last_utf8  # noqa: PLW0603 - see _last_utf8
    strict = text = _strict_utf8(data)
    if text is None:
        encoding = detect_encoding(data, content_type)
        text = data.decode(encoding, errors="replace")
    text = text.removeprefix("\ufeff")
    text = text.replace("\x0c", " ")
    # bytes.translate finds control bytes at C speed; the regex pass then runs on few pages.
    if len(data.translate(None, _NOT_XML_BYTES)) != len(data) or "\ufffe" in text or "\uffff" in text:
        text = _NOT_XML_CHARS.sub("", text)
    text = repair_mojibake(text)
    # each step above returns its input itself when it changes nothing
    _last_utf8 = (text, data) if text is strict else None
    return text
