"""Which database a request reads, decided without a standby: the router's
rules and the middleware's choice, with the replica's answer to "have you
replayed this far?" given by the test (tests/replicas/test_standby.py asks a
real one)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.core.signals import request_finished
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import resolve

from archive import routers
from articles import changes
from articles.models import Article

REPLICA = "replica_1"
POSITION = "0/3000148"


@pytest.fixture
def one_replica(settings, monkeypatch):
    """A configured replica that has replayed everything it is asked about,
    and a version recorded at POSITION."""
    settings.READ_REPLICAS = [REPLICA]
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(routers, "has_replayed", lambda *args: asked.append(args) or True)
    monkeypatch.setattr(changes, "archive_version", lambda: f"1@{POSITION}")
    yield asked
    routers.read_from(routers.PRIMARY)


def request_for(method: str, path: str, user=None):
    request = getattr(RequestFactory(), method.lower())(path)
    request.user = user or AnonymousUser()
    request.resolver_match = resolve(path)
    return request


def test_public_read_goes_to_a_replica_that_has_replayed_the_version(one_replica):
    assert routers.choose_read_database(request_for("GET", "/articles/")) == (
        REPLICA,
        f"1@{POSITION}",
    )
    assert one_replica == [(REPLICA, POSITION)]


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/i18n/setlang/"), ("GET", "/admin/"), ("GET", "/admin/articles/article/")],
)
def test_writes_and_the_admin_read_the_primary(one_replica, method, path):
    assert routers.choose_read_database(request_for(method, path)) == (routers.PRIMARY, None)
    assert not one_replica


@pytest.mark.django_db
def test_a_curators_requests_read_the_primary(one_replica):
    curator = get_user_model().objects.create_user("curator", is_staff=True)
    request = request_for("GET", "/articles/", user=curator)
    assert routers.choose_read_database(request) == (routers.PRIMARY, None)


def test_a_version_without_a_position_proves_no_replica_fresh(one_replica, monkeypatch):
    monkeypatch.setattr(changes, "archive_version", lambda: 1_700_000_000)
    assert routers.choose_read_database(request_for("GET", "/articles/")) == (
        routers.PRIMARY,
        None,
    )


def test_no_replicas_configured_reads_the_primary_without_asking(settings):
    settings.READ_REPLICAS = []
    assert routers.choose_read_database(request_for("GET", "/articles/")) == (
        routers.PRIMARY,
        None,
    )


def test_router_sends_the_archives_reads_where_the_request_chose(one_replica):
    router = routers.PrimaryReplicaRouter()
    routers.read_from(REPLICA)
    assert router.db_for_read(Article) == REPLICA
    assert router.db_for_read(Session) == routers.PRIMARY
    assert router.db_for_write(Article) == routers.PRIMARY
    assert router.allow_migrate(REPLICA, "articles") is False


def test_a_failing_replica_rests_and_is_not_asked_again_at_once(settings, monkeypatch):
    settings.READ_REPLICAS = [REPLICA]
    routers._resting_until.clear()
    attempts = []

    class Unreachable:
        def cursor(self):
            attempts.append(1)
            raise OperationalError("connection refused")

        def close(self):
            pass

    monkeypatch.setattr(routers, "connections", {REPLICA: Unreachable()})
    assert routers.has_replayed(REPLICA, POSITION) is False
    assert routers.has_replayed(REPLICA, POSITION) is False
    assert attempts == [1]
    routers._resting_until.clear()


@pytest.mark.django_db
def test_request_finished_sends_reads_back_to_the_primary_and_lets_the_version_go():
    routers.read_from(REPLICA)
    changes.read_under("1@0/1")
    request_finished.send(sender=None)
    assert routers.reading_from() == routers.PRIMARY
    assert changes._request_version.get() is None
