"""The models and the migrations agree, and the Curators group exists."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_are_complete_for_every_model_change():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_curators_group_can_curate_but_not_delete_articles_or_manage_users():
    codenames = set(
        Group.objects.get(name="Curators").permissions.values_list("codename", flat=True)
    )
    assert {"change_article", "change_tag", "delete_tag", "change_agreement"} <= codenames
    assert "delete_article" not in codenames
    assert not any(codename.endswith("_user") for codename in codenames)


@pytest.mark.django_db
def test_postgres_articles_table_is_analysed_once_copy_of_exists():
    # Without statistics for copy_of the list's first page left the newest-first index (0018).
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner statistics; SQLite's planner needs none here")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'articles_article'"
        )
        (analysed,) = cursor.fetchone()
    assert analysed is not None
