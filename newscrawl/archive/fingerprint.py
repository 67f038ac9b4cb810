"""Fingerprints of a record: exact (has it changed?) and similar (is it the same wire story?).

The exact fingerprint covers the normalized headline, body and ``dateModified`` only, never
the HTML: ads, "updated 3 min ago" lines and other page chrome are gone after extraction,
so they cannot make a re-fetch look like an update. The similarity signature is a MinHash
over word shingles of the body, cut into LSH bands whose hashes are stored, so near-duplicates
are found across runs with an indexed lookup instead of a scan.

The MinHash is computed with numpy (minhash.py, imported only where signatures are computed:
the extraction workers; the crawl process compares packed signatures with ``struct``) rather
than with datasketch: of that library we used
one class, and importing it imports scipy (0.64 s of CPU at the start of every crawl, which a
crawl scheduled every few minutes pays each time), and its per-call bookkeeping cost more than
the arithmetic. What MinHash needs is small: NUM_PERM independent random hash functions
applied to the shingles' hashes, and the minimum of each over the body.
"""

from __future__ import annotations

import hashlib
import operator
import struct
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

NUM_PERM = 64  # minhash.NUM_PERM: the signature's values, 4 bytes each
BANDS, ROWS = 16, 4  # 16 x 4 = 64: pairs with Jaccard >= 0.8 share a band with p > 0.999


def normalize_text(text: str | None) -> str:
    """NFC, whitespace collapsed: spacing and Unicode forms are not edits.

    >>> normalize_text("  Budget\\u00a0 approved\\n")
    'Budget approved'
    """
    # str.split() splits on exactly what \s matches (str.isspace), at a fraction of re.sub's cost
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def content_fingerprint(headline: str | None, body: str | None, date_modified: str | None) -> bytes:
    """16-byte digest of the fields whose change makes a new version."""
    parts = (normalize_text(headline), normalize_text(body), (date_modified or "").strip())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:16]


@dataclass(frozen=True)
class ContentDigest:
    """Both fingerprints of one record's content, computed once, where the record is built (an
    extraction worker), and carried to the archive stage with it."""

    fingerprint: bytes
    """``content_fingerprint`` of the headline, body and dateModified."""
    signature: bytes | None
    """``body_signature`` of the body."""


def content_digest(headline: str | None, body: str, date_modified: str | None) -> ContentDigest:
    """The digest of a record with these fields (``archive.decision.decide`` takes it ready-made)."""
    return ContentDigest(content_fingerprint(headline, body, date_modified), body_signature(body))


def body_signature(body: str) -> bytes | None:
    """Packed MinHash of the body's word 4-grams, or None for an empty body (minhash.py)."""
    from .minhash import signature_of  # noqa: PLC0415 - numpy only where signatures are computed

    return signature_of(body)


@cache
def _values(count: int) -> struct.Struct:
    return struct.Struct(f"<{count}I")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two packed signatures (4 bytes a value)."""
    if len(a) != len(b) or not a or len(a) % 4:
        return 0.0
    count = len(a) // 4
    unpack = _values(count).unpack
    # map(operator.eq) compares in C: the archive stage compares a record with ~30 others
    return sum(map(operator.eq, unpack(a), unpack(b))) / count


def band_buckets(signature: bytes) -> list[int]:
    """One signed 64-bit bucket id per LSH band (band number mixed in, so bands never collide)."""
    return list(_band_buckets(signature))


# A record's buckets are looked up when it is decided and stored when it is committed.
@lru_cache(maxsize=256)
def _band_buckets(signature: bytes) -> tuple[int, ...]:
    buckets = []
    for band in range(BANDS):
        chunk = signature[band * ROWS * 4:(band + 1) * ROWS * 4]  # the band's packed values
        digest = hashlib.blake2b(struct.pack("<H", band) + chunk, digest_size=8).digest()
        buckets.append(struct.unpack("<q", digest)[0])
    return tuple(buckets)
