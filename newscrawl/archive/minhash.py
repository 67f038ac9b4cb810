"""The MinHash of a body with numpy: shingle hashes, the hash functions, the packed signature.

Split from fingerprint.py so that only the processes that compute signatures (the extraction
workers, re-extraction) import numpy; the crawl process only compares packed signatures, which
needs no numpy (0.1 s of CPU at every crawl start).
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

NUM_PERM = 64
SHINGLE_WORDS = 4
_WORD = re.compile(r"\w+", re.UNICODE)


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


def signature_of(body: str) -> bytes | None:
    """Packed MinHash of the body's word 4-grams, or None for an empty body."""
    hashes = shingle_hashes(body)
    if not len(hashes):
        return None
    return pack_signature(minhash(hashes))


def pack_signature(values: np.ndarray) -> bytes:
    """MinHash values (below 2**32) as bytes, 4 each."""
    return np.asarray(values, dtype="<u4").tobytes()


def unpack_signature(data: bytes) -> np.ndarray:
    """The inverse of pack_signature."""
    return np.frombuffer(data, dtype="<u4")
