"""Packed twins of the runtime's two large files (``X.zst`` or ``X.zz`` beside ``X``).

A static host sends the wasm gzip-compressed (3.55 MB) and the lean zip as it is (2.55 MB of
stored entries). The engine worker fetches a twin and decodes it (engine-worker.mjs):

- the wasm's is zstd at level 19 (2.90 MB), decoded in JavaScript (fzstd.js, 8 KB) as it streams,
  taken on slow links only, where it saves more download than its decoding costs. The window is
  2 MB (log 21) so the browser's decoder keeps its memory small and streams fast;
- the zip's is zlib at level 9 (0.80 MB: the entries are stored, so it sees the .pyc bytes across
  files, where a deflated zip is 0.89 MB), always taken, and decoded by the browser's own
  ``DecompressionStream("deflate")``. Its zstd twin was 0.63 MB, but decoding that in JavaScript
  cost 100–130 ms of the worker's time in every cold boot; this one decodes in a few.

Nothing here depends on the time: the same input gives the same bytes with the same zstd and zlib
libraries (another zlib, such as zlib-ng, may pack differently; the browser checks what it decodes).
"""

from __future__ import annotations

import zlib

ZSTD = ".zst"
ZLIB = ".zz"
LEVEL = 19
WINDOW_LOG = 21


def pack_zlib(data: bytes) -> bytes:
    """``data`` as a zlib stream (RFC 1950), whose Adler-32 the browser's decoder checks."""
    return zlib.compress(data, 9)


def pack_zstd(data: bytes) -> bytes:
    """``data`` as one zstd frame that records its size and checksum. The browser's decoder reads neither
    check, so the service worker tests the decoded bytes against the plain file's SRI hash (sw.js)."""
    import zstandard  # here, not above: generator/hosting/offline.py reads the suffixes without it

    params = zstandard.ZstdCompressionParameters.from_level(
        LEVEL, source_size=len(data), window_log=WINDOW_LOG, write_content_size=True, write_checksum=True, threads=0,
    )
    return zstandard.ZstdCompressor(compression_params=params).compress(data)
