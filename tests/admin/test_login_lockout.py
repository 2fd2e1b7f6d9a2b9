"""Admin login resists guessing: five failures for a user name, or from one
address, lock logins out (429) until the cool-off passes (django-axes)."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

LOGIN = "/admin/login/?next=/admin/"


def _log_in(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(client) -> bool:
    return client.get("/admin/").status_code == HTTPStatus.OK


@pytest.fixture
def fresh_client(db, client):
    client.logout()
    return client


def test_right_password_logs_in_when_failures_stay_under_the_limit(fresh_client, curator):
    for _ in range(4):
        _log_in(fresh_client, "curator", "wrong")
    response = _log_in(fresh_client, "curator", "pw-curator-1")
    assert response.status_code == HTTPStatus.FOUND
    assert _signed_in(fresh_client)


def test_right_password_is_refused_when_the_user_failed_five_times(fresh_client, curator):
    for attempt in range(5):
        address = f"198.51.100.{attempt}"  # a new address each time: the user name counts
        _log_in(fresh_client, "curator", "wrong", address)
    response = _log_in(fresh_client, "curator", "pw-curator-1", "198.51.100.99")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert int(response["Retry-After"]) > 0
    assert b"Too many failed logins" in response.content
    assert not _signed_in(fresh_client)


def test_right_password_is_refused_when_its_address_failed_five_times(fresh_client, curator):
    for attempt in range(5):
        _log_in(fresh_client, f"guess-{attempt}", "wrong", "192.0.2.10")
    response = _log_in(fresh_client, "curator", "pw-curator-1", "192.0.2.10")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not _signed_in(fresh_client)


def test_lock_out_is_lifted_when_the_cool_off_has_passed(fresh_client, curator, settings):
    for _ in range(5):
        _log_in(fresh_client, "curator", "wrong")
    assert _log_in(fresh_client, "curator", "pw-curator-1").status_code == 429
    long_ago = dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=long_ago)
    response = _log_in(fresh_client, "curator", "pw-curator-1")
    assert response.status_code == HTTPStatus.FOUND
    assert _signed_in(fresh_client)


def test_staff_see_the_failed_attempts_in_the_admin(fresh_client, curator):
    for _ in range(5):
        _log_in(fresh_client, "curator", "wrong")
    admin = get_user_model().objects.create_superuser("boss", password="pw-boss-1")
    fresh_client.force_login(admin)
    page = fresh_client.get("/admin/axes/accessattempt/")
    assert page.status_code == HTTPStatus.OK
    assert b"curator" in page.content


def test_curators_can_lift_a_lock_out_when_someone_is_locked_out(fresh_client, curator):
    for _ in range(5):
        _log_in(fresh_client, "someone", "wrong")
    fresh_client.force_login(curator)
    attempt = AccessAttempt.objects.get(username="someone")
    page = fresh_client.get("/admin/axes/accessattempt/")
    assert page.status_code == HTTPStatus.OK
    delete = f"/admin/axes/accessattempt/{attempt.pk}/delete/"
    assert fresh_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FOUND
    assert not AccessAttempt.objects.filter(username="someone").exists()
