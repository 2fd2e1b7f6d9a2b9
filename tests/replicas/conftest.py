"""The tests marked `replica` get a real streaming standby (tests/replicas/
standby.py): copied from the CI PostgreSQL once the test database exists,
started on 127.0.0.1:5433, added as the alias `replica_1`, and stopped at the
end of the session. Without PostgreSQL's tools or root they skip and say why,
except in CI (CI=true), where they fail."""

from __future__ import annotations

import copy
import shutil

import pytest
from django.db import connections

from archive import routers
from tests.replicas.standby import ALIAS, PORT, check_primary, copy_primary, primary_limits


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "replica: needs a streaming standby of the test PostgreSQL (tests/replicas)"
    )


@pytest.fixture(scope="session")
def standby(django_db_setup, django_db_blocker):
    """The running standby, holding the test database as the primary has it."""
    with django_db_blocker.unblock():
        version = check_primary()
        limits = primary_limits()
    server = copy_primary(version, limits)
    try:
        server.start()
        connections.settings[ALIAS] = copy.deepcopy(connections["default"].settings_dict) | {
            "PORT": str(PORT),
            "TEST": {"MIRROR": "default"},
        }
        yield server
    finally:
        if ALIAS in connections.settings:
            connections[ALIAS].close()
        try:
            server.stop()
        finally:
            shutil.rmtree(server.data, ignore_errors=True)


@pytest.fixture
def replica(standby, settings):
    """The standby as the site's one read replica, fresh for each test."""
    settings.READ_REPLICAS = [ALIAS]
    routers._resting_until.clear()
    yield ALIAS
    routers.back_to_primary()
