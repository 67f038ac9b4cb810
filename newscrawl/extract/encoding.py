"""Decode HTML bytes the way a browser would, but robust to a lying HTTP header."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from w3lib.encoding import http_content_type_encoding, read_bom, resolve_encoding

# A <meta charset> or http-equiv Content-Type must appear in the first 1024 bytes (HTML spec,
# "prescan a byte stream"); we look a little further because real pages are sloppy.
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_PRESCAN_BYTES = 4096
_NOT_TEXT_PREFIXES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")


def declared_meta_encoding(data: bytes) -> str | None:
    """Encoding named by a <meta> tag near the top of the document, if it is a known codec."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not match:
        return None
    return resolve_encoding(match.group(1).decode("ascii", "ignore"))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are plainly not a text document (PDF, images, archives, NULs)."""
    head = data[:1024]
    if head.lstrip().startswith(_NOT_TEXT_PREFIXES):
        return True
    return head.count(b"\x00") > 8


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
    declared = [declared_meta_encoding(data)]
    if content_type:
        declared.append(http_content_type_encoding(content_type))
    for encoding in declared:
        if encoding and encoding != "utf-8" and _decodes(sample, encoding):
            return encoding
    if sample.isascii():
        return "utf-8"
    best = from_bytes(sample[:65536]).best()
    return resolve_encoding(best.encoding) if best and best.encoding else "cp1252"


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Text of an HTML document given its bytes and the HTTP Content-Type header, if any."""
    encoding = detect_encoding(data, content_type)
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")
