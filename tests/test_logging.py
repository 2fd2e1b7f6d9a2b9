"""The settings' logging: a request with a bad Host header is one log line."""

from __future__ import annotations

import io
import logging
from http import HTTPStatus

import pytest


@pytest.fixture
def host_log():
    handler = next(
        h
        for h in logging.getLogger("django.security.DisallowedHost").handlers
        if isinstance(h, logging.StreamHandler)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_bad_host_header_is_logged_in_one_line_when_it_is_not_allowed(client, host_log, db):
    response = client.get("/", HTTP_HOST="scanner.example")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    lines = host_log.getvalue().splitlines()
    assert lines == [
        "Invalid HTTP_HOST header: 'scanner.example'. "
        "You may need to add 'scanner.example' to ALLOWED_HOSTS."
    ]


def test_bad_host_header_cannot_forge_a_log_line_when_it_holds_a_newline(client, host_log, db):
    client.get("/", HTTP_HOST="a\nFORGED b")
    assert len(host_log.getvalue().splitlines()) == 1
    assert "FORGED" in host_log.getvalue()
