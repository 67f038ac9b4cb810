"""Fingerprints of a record: exact (has it changed?) and similar (is it the same wire story?).

The exact fingerprint covers the normalized headline, body and ``dateModified`` only, never
the HTML: ads, "updated 3 min ago" lines and other page chrome are gone after extraction,
so they cannot make a re-fetch look like an update. The similarity signature is a MinHash
(datasketch) over word shingles of the body, cut into LSH bands whose hashes are stored, so
near-duplicates are found across runs with an indexed lookup instead of a scan.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 x 4 = 64: pairs with Jaccard >= 0.8 share a band with p > 0.999
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str | None) -> str:
    """NFC, whitespace collapsed: spacing and Unicode forms are not edits.

    >>> normalize_text("  Budget\\u00a0 approved\\n")
    'Budget approved'
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def content_fingerprint(headline: str | None, body: str | None, date_modified: str | None) -> bytes:
    """16-byte digest of the fields whose change makes a new version."""
    parts = (normalize_text(headline), normalize_text(body), (date_modified or "").strip())
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()[:16]


def _shingles(body: str) -> list[bytes]:
    words = [w.casefold() for w in _WORD.findall(body)]
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)]


# datasketch draws its permutations anew for every MinHash (0.7 ms) and hashes each shingle
# with SHA-1 (2 us each); the permutations carry the randomness MinHash needs, so one set
# drawn once (fixed seed: signatures are stored across runs) and CRC-32 over the shingles
# give the same estimates at a fraction of the cost.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations


def body_signature(body: str) -> bytes | None:
    """Packed MinHash of the body's word 4-grams, or None for an empty body."""
    shingles = _shingles(body)
    if not shingles:
        return None
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_PERMUTATIONS,
                      scheme="affine32")
    minhash.update_batch(shingles)
    return pack_signature(minhash.hashvalues)


def pack_signature(values: np.ndarray) -> bytes:
    """MinHash values as bytes (datasketch keeps them below 2**32, so 4 bytes each)."""
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
