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
