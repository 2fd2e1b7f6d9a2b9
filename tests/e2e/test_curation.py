"""A curator's session in a real browser: sign in, approve a suggested
agreement, merge two tags, and see both on the public pages. Screenshots of
the admin pages are saved for review."""

from __future__ import annotations

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from articles.models import Agreement, Tag
from tests.conftest import make_agreement, make_article, make_tag

PASSWORD = "pw-curator-e2e-1"

pytestmark = pytest.mark.django_db(transaction=True)


def curators_group() -> Group:
    """The Curators group with its data migration's permissions: the flush after
    each transactional test removes the migrated row, so make it again if needed."""
    migration = importlib.import_module("articles.migrations.0002_curators_group")
    group, _ = Group.objects.get_or_create(name=migration.GROUP)
    codenames = [f"{act}_{model}" for model, acts in migration.PERMISSIONS.items() for act in acts]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )
    return group


@pytest.fixture
def archive():
    """A suggested agreement and two tags meaning the same thing, on three articles."""
    agreement = make_agreement(name="Declaration on Allied Interaction")
    energy = make_tag(name="energy", slug="energy")
    power = make_tag(name="power", slug="power")
    make_article(title="Leaders sign allied declaration", tags=[energy], agreements=[agreement])
    make_article(title="Gas deliveries to grow", tags=[power])
    make_article(title="Power grids to be linked", tags=[energy, power])
    return agreement, energy, power


@pytest.fixture
def signed_in(page, live_server):
    user = get_user_model().objects.create_user("curator", password=PASSWORD, is_staff=True)
    user.groups.add(curators_group())
    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    return page


def run_action(page, action: str, pks) -> None:
    for pk in pks:
        page.check(f"input.action-select[value='{pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def test_curator_approves_a_suggestion_and_merges_tags(signed_in, live_server, archive, screenshot):
    page, (agreement, energy, power) = signed_in, archive

    page.goto(f"{live_server.url}/admin/articles/agreement/")
    screenshot(page, "admin-agreement-review-queue")
    run_action(page, "approve_selected", [agreement.pk])
    assert "Approved 1 agreement." in page.inner_text(".messagelist")
    page.goto(f"{live_server.url}/admin/articles/agreement/{agreement.pk}/change/")
    screenshot(page, "admin-agreement-change")

    page.goto(f"{live_server.url}/admin/articles/tag/")
    run_action(page, "merge_selected", [energy.pk, power.pk])
    assert "keeping it moves 1 more article to it" in page.inner_text("#content")
    screenshot(page, "admin-tag-merge-confirmation")
    page.check(f"input[name=survivor][value='{energy.pk}']")
    page.click("input[value=Merge]")
    assert "Merged 1 tag into" in page.inner_text(".messagelist")

    assert Agreement.objects.get().status == Agreement.Status.APPROVED
    assert list(Tag.objects.all()) == [energy]

    page.goto(f"{live_server.url}/agreements/")
    assert "Declaration on Allied Interaction" in page.inner_text("main")
    page.goto(f"{live_server.url}{power.get_absolute_url()}")
    assert page.url.endswith(energy.get_absolute_url())
    listed = page.inner_text("main")
    assert all(title in listed for title in ["Leaders sign", "Gas deliveries", "Power grids"])


def test_article_admin_pages_render_for_a_curator(signed_in, live_server, archive, screenshot):
    page = signed_in

    page.goto(f"{live_server.url}/admin/articles/article/")
    screenshot(page, "admin-article-changelist")
    assert page.locator("#result_list tbody tr").count() == 3
    page.click("#result_list tbody tr:first-child th a")
    page.wait_for_selector("#article_form")
    screenshot(page, "admin-article-change")
    assert page.locator(".curation-text").count() == 2
