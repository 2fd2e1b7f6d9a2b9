"""Serving with scripts/serve's gunicorn settings: clients that trickle their
headers do not keep pages from other readers (a real server, a real socket)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http import HTTPStatus
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("serve") / "archive.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "WEB_WORKERS": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    port = _free_port()
    command = [str(GUNICORN), "archive.wsgi", "-c", "archive/gunicorn.conf.py"]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            _get(url, timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    yield url, port
    process.terminate()
    process.wait(timeout=30)


def _trickle(port: int, stop: threading.Event) -> None:
    """A slow-loris client: a request line, then one header every half second."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.wait(0.5):
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return


def test_pages_are_served_when_two_clients_trickle_their_headers(server):
    url, port = server
    stop = threading.Event()
    slow = [threading.Thread(target=_trickle, args=(port, stop)) for _ in range(2)]
    for client in slow:
        client.start()
    time.sleep(1)
    try:
        # One worker: with sync workers this waited for the trickling clients.
        assert _get(url, timeout=10) == HTTPStatus.OK
    finally:
        stop.set()
        for client in slow:
            client.join()


def test_an_oversized_request_line_is_refused_when_it_passes_the_limit(server):
    url, _ = server
    with pytest.raises(urllib.error.HTTPError) as refused:
        _get(url + "articles/?q=" + "a" * 5000, timeout=10)
    assert refused.value.code == HTTPStatus.BAD_REQUEST
