"""Read and write IDX files, the plain format MNIST and Fashion-MNIST are published in.

An IDX file is a big-endian header followed by raw uint8 values:
magic 2051 (images), then count, rows, cols; or magic 2049 (labels), then count.
Files may be gzipped: that is recognised by their first bytes, not by their name.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

IMAGES_MAGIC = 2051
LABELS_MAGIC = 2049
_NDIM = {IMAGES_MAGIC: 3, LABELS_MAGIC: 1}
_MAGIC = {3: IMAGES_MAGIC, 1: LABELS_MAGIC}
_GZIP_START = b"\x1f\x8b"


class IdxError(ValueError):
    """The bytes are not a valid IDX file; str(error) says what is wrong."""


class ChecksumError(IdxError):
    """The IDX file is well formed, but its SHA-256 is not the expected one."""

    def __init__(self, actual: str, expected: str) -> None:
        super().__init__(f"checksum mismatch (SHA-256 {actual}, expected {expected})")
        self.actual = actual
        self.expected = expected


def read_idx(source: str | os.PathLike[str] | bytes, expected_sha256: str | None = None) -> np.ndarray:
    """Read an IDX file (raw or gzipped) from a path or from bytes, as a read-only uint8 array.

    expected_sha256 is the hash of the uncompressed IDX bytes (header + data), so the same
    value checks a raw file and a gzipped one.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if data.startswith(_GZIP_START):
        data = _gunzip(data)
    # Check the header first: "truncated" is a more useful message than "checksum mismatch".
    array = parse_idx(data)
    if expected_sha256 is not None:
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected_sha256:
            raise ChecksumError(actual, expected_sha256)
    return array


def parse_idx(data: bytes) -> np.ndarray:
    """Turn uncompressed IDX bytes into a read-only uint8 array, checking the header and the length."""
    if len(data) < 4:
        raise IdxError(f"bad header: the file is only {len(data)} bytes long")
    (magic,) = struct.unpack(">I", data[:4])
    if magic not in _NDIM:
        raise IdxError(f"bad header: magic number {magic}, expected {IMAGES_MAGIC} (images) or {LABELS_MAGIC} (labels)")
    ndim = _NDIM[magic]
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise IdxError("truncated: the file ends inside its header")
    shape = struct.unpack(f">{ndim}I", data[4:header_size])
    expected = math.prod(shape)
    actual = len(data) - header_size
    if actual < expected:
        raise IdxError(f"truncated: the header promises {expected:,} bytes of data, the file holds {actual:,}")
    if actual > expected:
        raise IdxError(f"bad length: {actual - expected:,} unexpected bytes after the data")
    # frombuffer shares the bytes without copying; arrays over bytes are read-only.
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(shape)


def idx_header(shape: tuple[int, ...]) -> bytes:
    """The IDX header for a uint8 array of this shape (images: 3 dims, labels: 1)."""
    if len(shape) not in _MAGIC:
        raise ValueError(f"IDX files here hold images (3 dims) or labels (1 dim), not shape {shape}")
    return struct.pack(f">I{len(shape)}I", _MAGIC[len(shape)], *shape)


def encode_idx(array: np.ndarray) -> bytes:
    """The uncompressed IDX bytes of a uint8 array: header + data."""
    _check_uint8(array)
    return idx_header(array.shape) + np.ascontiguousarray(array).tobytes()


def array_sha256(array: np.ndarray) -> str:
    """SHA-256 of encode_idx(array), without building those bytes: one table of hashes serves every format."""
    _check_uint8(array)
    digest = hashlib.sha256(idx_header(array.shape))
    digest.update(np.ascontiguousarray(array))
    return digest.hexdigest()


def _check_uint8(array: np.ndarray) -> None:
    if array.dtype != np.uint8:
        raise ValueError(f"IDX files here hold uint8 values, not {array.dtype}")


def _gunzip(data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except EOFError:
        raise IdxError("truncated: the gzip data ends too early") from None
    except (OSError, zlib.error) as error:
        raise IdxError(f"bad gzip data ({error})") from None
