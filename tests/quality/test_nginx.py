"""deploy/nginx.conf in a real nginx (Debian's, which ``make test`` installs): every built file, and
missing ones, get exactly the headers the build's ``_headers`` gives them."""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.quality.host_rules import NGINX, Headers, netlify_headers, read_headers_file, site_files

SNIPPET = ROOT / "deploy" / "nginx.conf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_config(work: Path, site: Path, port: int) -> str:
    """A whole nginx config around the snippet, included in a server block as the README says;
    every path nginx writes is inside ``work``, so it runs beside any nginx of the machine."""
    temp = " ".join(f"{kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""
daemon off;
master_process off;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    {temp}
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {SNIPPET};
    }}
}}
"""


@pytest.fixture(scope="module")
def nginx(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real nginx serving the built site on a loopback port; yields the port."""
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = work / "nginx.conf"
    config.write_text(server_config(work, built_site, port), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-p", str(work), "-e", str(work / "error.log"), "-c", str(config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", str(work), "-e", str(work / "error.log"), "-c", str(config)], stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read() if process.stderr else "nginx exited"
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(port: int, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def managed(sent: list[tuple[str, str]], names: set[str]) -> Headers:
    """The headers ``_headers`` speaks of, as sent; a header sent twice would be garbled by browsers."""
    found: Headers = {}
    for name, value in sent:
        canonical = next((n for n in names if n.lower() == name.lower()), None)
        if canonical is not None:
            assert canonical not in found, f"{canonical} sent twice"
            found[canonical] = value
    return found


def addresses(site: Path) -> list[str]:
    """Each built file by its path, and each page also by the address readers use (``/faq/``)."""
    files = site_files(site)
    return files + [f.removesuffix("index.html") for f in files if f.endswith("/index.html")]


def test_nginx_sends_what_headers_says_for_every_file(built_site: Path, nginx: int) -> None:
    rules = read_headers_file(built_site)
    names = {name for _, headers in rules for name in headers}
    differ = []
    for path in addresses(built_site):
        status, sent, _ = fetch(nginx, path)
        assert status == 200, path
        expected = netlify_headers(rules, path)
        # nginx always names a type; _headers only where servers get it wrong, so compare it only there.
        got = {k: v for k, v in managed(sent, names).items() if k != "Content-Type" or k in expected}
        if got != expected:
            differ.append(f"{path}: _headers {expected} != nginx {got}")
    assert not differ, "deploy/nginx.conf no longer matches the build's _headers; run `make nginx`:\n" + "\n".join(differ[:10])


def test_missing_files_get_the_404_page_with_security_headers_and_no_caching(built_site: Path, nginx: int) -> None:
    rules = read_headers_file(built_site)
    names = {name for _, headers in rules for name in headers}
    page_rule = netlify_headers(rules, "/404.html")
    runtime = next(p for p in site_files(built_site) if p.startswith("/assets/pyodide/"))
    for path in ("/no-such-page/", runtime.rsplit("/", 1)[0] + "/no-such-file.mjs"):
        status, sent, body = fetch(nginx, path)
        assert status == 404, path
        assert body == (built_site / "404.html").read_bytes(), path
        got = managed(sent, names)
        assert got.pop("Content-Type") == "text/html", path  # the 404 page, whatever was asked for
        assert got == {k: v for k, v in page_rule.items() if k != "Cache-Control"}, path
