"""A local static server for built sites, with the MIME types Pyodide needs (no Playwright here)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types Pyodide needs; quiet logs."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_directory(root: Path, kind: type[_Handler] | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``root`` on a free loopback port in a daemon thread; returns the server and its base URL.

    ``kind`` is a handler class to use instead (a subclass of ours, such as one that adds a probe)."""
    handler = functools.partial(kind or _Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
