"""Zstandard twins of the runtime's two large files, for readers on slow links.

A static host sends the wasm gzip-compressed (3.55 MB) and the lean zip as it is; zstd at level 19
makes them 2.90 MB and 0.63 MB (the zip's entries are stored, so zstd sees the .pyc bytes across
files: 2.55 MB stored, 0.89 MB deflated). The engine worker fetches a twin and decodes it
(fzstd.js, 8 KB): see engine-worker.mjs. The window is 2 MB (log 21) so the browser's decoder keeps its memory small and
streams fast. Nothing here depends on the time or the machine: the same input gives the same bytes.
"""

from __future__ import annotations

import zstandard

SUFFIX = ".zst"
LEVEL = 19
WINDOW_LOG = 21


def pack(data: bytes) -> bytes:
    """``data`` as one zstd frame that records its size and checksum. The browser's decoder reads neither
    check, so the service worker tests the decoded bytes against the plain file's SRI hash (sw.js)."""
    params = zstandard.ZstdCompressionParameters.from_level(
        LEVEL, source_size=len(data), window_log=WINDOW_LOG, write_content_size=True, write_checksum=True, threads=0,
    )
    return zstandard.ZstdCompressor(compression_params=params).compress(data)
