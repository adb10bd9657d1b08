"""The weekly link checker, pointed at a local server: working, missing, moved and slow links."""

from __future__ import annotations

import http.server
import socket
import threading

import pytest
from conftest import VALID

from tools import check_links

SOURCE = """\
title: {name}
publisher: A publisher
published: 2020
url: {url}
{archive}kind: law
language: en
"""


RELEASE_SLOW = threading.Event()  # the slow link answers only once the test is over


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        try:
            self.answer()
        except (BrokenPipeError, ConnectionResetError):  # the checker gave up on a slow answer
            pass

    def answer(self):
        if self.path == "/slow":
            RELEASE_SLOW.wait(timeout=60)
        if self.path in ("/ok", "/slow"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok")
        elif self.path in ("/moved", "/moved-to-missing"):
            self.send_response(301 if self.path == "/moved" else 302)
            self.send_header("Location", "/ok" if self.path == "/moved" else "/missing")
            self.end_headers()
        else:
            self.send_error(404)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    RELEASE_SLOW.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE_SLOW.set()
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_sources(root, links: dict[str, tuple[str, str | None]]) -> None:
    (root / "sources").mkdir(parents=True)
    for name, (url, archive) in links.items():
        archive_line = f"archive_url: {archive}\n" if archive else ""
        (root / "sources" / f"{name}.yaml").write_text(SOURCE.format(name=name, url=url, archive=archive_line), encoding="utf-8")


def test_each_link_is_reported_by_what_happened(tmp_path, server, capsys):
    write_sources(tmp_path, {
        "a-ok": (f"{server}/ok", f"{server}/ok"),
        "b-missing": (f"{server}/missing", None),
        "c-moved": (f"{server}/moved", f"{server}/moved-to-missing"),
        "d-slow": (f"{server}/slow", None),
        "e-down": (f"http://127.0.0.1:{closed_port()}/gone", None),
    })
    assert check_links.main([str(tmp_path), "--timeout", "0.5"]) == 1  # returns although /slow never answered
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0] == f"sources/b-missing.yaml:4:6: url {server}/missing failed: HTTP 404 Not Found"
    assert lines[1] == f"sources/c-moved.yaml:4:6: url {server}/moved note: redirects to {server}/ok; consider citing the new address"
    assert lines[2].startswith(f"sources/c-moved.yaml:5:14: archive_url {server}/moved-to-missing failed: HTTP 404")
    assert lines[2].endswith(f"(after a redirect to {server}/missing)")
    assert lines[3] == f"sources/d-slow.yaml:4:6: url {server}/slow failed: no answer within 0.5 seconds"
    assert lines[4].startswith("sources/e-down.yaml:4:6: url http://127.0.0.1:") and "failed: could not connect" in lines[4]
    assert len(lines) == 5
    assert err.strip() == "4 of 7 links failed"


def test_all_links_working_exits_zero(tmp_path, server, capsys):
    write_sources(tmp_path, {"a-ok": (f"{server}/ok", f"{server}/ok")})
    assert check_links.main([str(tmp_path), "--timeout", "2"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == "0 of 2 links failed"


def test_links_are_found_in_every_source_with_their_positions():
    links = check_links.find_links(VALID)
    sources = sorted((VALID / "sources").glob("*.yaml"))
    assert {link.path for link in links if link.field == "url"} == {f"sources/{p.name}" for p in sources}
    assert all(link.url.startswith(("http://", "https://")) and link.line > 0 for link in links)
