"""What the API allows: reading only, API_ANON_RATE requests per client
address (429 with Retry-After past it), and CORS for GET under /api/ only."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from articles.api.throttling import AnonymousRateThrottle

pytestmark = pytest.mark.django_db

THREE_A_MINUTE = {"API_ANON_RATE": "3/minute"}


@override_settings(**THREE_A_MINUTE)
def test_requests_past_the_rate_are_a_429_with_retry_after_when_one_address_sends_them(client):
    statuses = [client.get("/api/sources/").status_code for _ in range(4)]
    assert statuses == [HTTPStatus.OK] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]
    refused = client.get("/api/sources/")
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()


@override_settings(**THREE_A_MINUTE)
def test_request_counts_stay_out_of_the_pages_cache_when_kept(client):
    client.get("/api/sources/", REMOTE_ADDR="10.0.0.1")
    throttle = AnonymousRateThrottle()
    assert caches["throttle"].get(throttle.cache_format % {"scope": "anon", "ident": "10.0.0.1"})
    assert not cache.get(throttle.cache_format % {"scope": "anon", "ident": "10.0.0.1"})


@override_settings(**THREE_A_MINUTE)
def test_each_address_has_its_own_allowance_when_several_send(client):
    for _ in range(3):
        client.get("/api/sources/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/api/sources/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/api/sources/", REMOTE_ADDR="10.0.0.2").status_code == HTTPStatus.OK


@override_settings(**THREE_A_MINUTE)
def test_forwarded_for_header_is_ignored_when_no_proxy_is_trusted(client):
    for n in range(3):
        client.get("/api/sources/", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    refused = client.get("/api/sources/", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_forwarded_for_names_the_client_when_one_proxy_is_trusted(client, settings):
    settings.API_ANON_RATE = "3/minute"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    # The proxy appends the address it saw; whatever the client wrote before it is not trusted.
    for n in range(3):
        client.get("/api/sources/", HTTP_X_FORWARDED_FOR=f"forged-{n}, 198.51.100.7")
    refused = client.get("/api/sources/", HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = client.get("/api/sources/", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert (refused.status_code, other.status_code) == (HTTPStatus.TOO_MANY_REQUESTS, HTTPStatus.OK)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused_when_tried(client, method):
    response = getattr(client, method)("/api/articles/")
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_head_answers_like_get_without_a_body_when_asked(client):
    response = client.head("/api/articles/")
    assert response.status_code == HTTPStatus.OK and response.content == b""


def test_any_origin_may_read_the_api_when_no_origins_are_configured(client):
    response = client.get("/api/articles/", HTTP_ORIGIN="https://notebook.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_only_reading_when_a_browser_asks(client):
    response = client.options(
        "/api/articles/",
        HTTP_ORIGIN="https://notebook.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == HTTPStatus.OK
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@override_settings(CORS_ALLOW_ALL_ORIGINS=False, CORS_ALLOWED_ORIGINS=["https://lab.example"])
def test_only_configured_origins_may_read_the_api_when_origins_are_configured(client):
    allowed = client.get("/api/sources/", HTTP_ORIGIN="https://lab.example")
    other = client.get("/api/sources/", HTTP_ORIGIN="https://elsewhere.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://lab.example"
    assert "Access-Control-Allow-Origin" not in other


def test_pages_outside_the_api_send_no_cors_headers_when_asked_from_another_origin(client):
    response = client.get("/articles/", HTTP_ORIGIN="https://notebook.example")
    assert "Access-Control-Allow-Origin" not in response
