"""Fingerprints of a record: exact (has it changed?) and similar (is it the same wire story?).

The exact fingerprint covers the normalized headline, body and ``dateModified`` only, never
the HTML: ads, "updated 3 min ago" lines and other page chrome are gone after extraction,
so they cannot make a re-fetch look like an update. The similarity signature is a MinHash
over word shingles of the body, cut into LSH bands whose hashes are stored, so near-duplicates
are found across runs with an indexed lookup instead of a scan.

The MinHash is computed here with numpy rather than with datasketch: of that library we used
one class, and importing it imports scipy (0.64 s of CPU at the start of every crawl, which a
crawl scheduled every few minutes pays each time), and its per-call bookkeeping cost more than
the arithmetic. What MinHash needs is small: NUM_PERM independent random hash functions
applied to the shingles' hashes, and the minimum of each over the body.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 x 4 = 64: pairs with Jaccard >= 0.8 share a band with p > 0.999
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+", re.UNICODE)


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


# Odd 64-bit multipliers, one per position in a shingle: a 4-gram's hash is a position-weighted
# sum of its words' CRC-32s, so each word is hashed once instead of each joined 4-gram.
_POSITION_WEIGHTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                              0xD6E8FEB86659FD93][:SHINGLE_WORDS], dtype=np.uint64)


def shingle_hashes(body: str) -> np.ndarray:
    """32-bit hashes of the body's case-folded word 4-grams (one for a shorter body)."""
    words = _WORD.findall(body.casefold())
    if not words:
        return np.empty(0, dtype=np.uint64)
    crcs = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        mixed = sum((crcs[i:i + count] * _POSITION_WEIGHTS[i] for i in range(width)),
                    start=np.zeros(count, dtype=np.uint64))
    folded: np.ndarray = (mixed >> np.uint64(32)) ^ (mixed & np.uint64(0xFFFFFFFF))
    return folded


# The hash functions are multiply-add-shift: h -> ((a * h + b) mod 2**64) >> 32 with a random
# odd 64-bit a and a random 64-bit b, a universal family from 32-bit keys to 32-bit values that
# numpy computes with wrapping uint64 arithmetic. Signatures are stored and compared across
# runs, so the constants are digests of fixed labels: no random generator whose stream a
# library upgrade could change.
_CONSTANTS = np.frombuffer(b"".join(hashlib.blake2b(f"newscrawl minhash {i}".encode(), digest_size=16).digest()
                                    for i in range(NUM_PERM)), dtype="<u8").reshape(NUM_PERM, 2)
_MULTIPLIERS = _CONSTANTS[:, 0].astype(np.uint64) | np.uint64(1)
_INCREMENTS = _CONSTANTS[:, 1].astype(np.uint64)
_ROWS_AT_ONCE = 4096  # shingles per step: a 64-column block of them is 2 MB


def minhash(hashes: np.ndarray) -> np.ndarray:
    """The NUM_PERM minimum values (uint32) of the hash functions over ``hashes`` (non-empty)."""
    minima = []
    for start in range(0, len(hashes), _ROWS_AT_ONCE):  # array arithmetic wraps modulo 2**64 silently
        block = hashes[start:start + _ROWS_AT_ONCE, np.newaxis] * _MULTIPLIERS
        block += _INCREMENTS
        minima.append(block.min(axis=0))
    lowest = minima[0] if len(minima) == 1 else np.minimum.reduce(minima)
    # the shift is monotonic: shifting the minima gives the minima of the shifted values
    return (lowest >> np.uint64(32)).astype(np.uint32)


def body_signature(body: str) -> bytes | None:
    """Packed MinHash of the body's word 4-grams, or None for an empty body."""
    hashes = shingle_hashes(body)
    if not len(hashes):
        return None
    return pack_signature(minhash(hashes))


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


def pack_signature(values: np.ndarray) -> bytes:
    """MinHash values (below 2**32) as bytes, 4 each."""
    return np.asarray(values, dtype="<u4").tobytes()


def unpack_signature(data: bytes) -> np.ndarray:
    """The inverse of pack_signature."""
    return np.frombuffer(data, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two packed signatures."""
    va, vb = unpack_signature(a), unpack_signature(b)
    return float(np.count_nonzero(va == vb)) / len(va) if len(va) == len(vb) and len(va) else 0.0


def band_buckets(signature: bytes) -> list[int]:
    """One signed 64-bit bucket id per LSH band (band number mixed in, so bands never collide)."""
    values = unpack_signature(signature)
    buckets = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(struct.pack("<H", band) + chunk, digest_size=8).digest()
        buckets.append(struct.unpack("<q", digest)[0])
    return buckets
