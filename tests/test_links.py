"""slug_url gives what reverse() gives, for every slug route, under any script prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from articles.links import slug_url

SLUG_ROUTES = ["articles:article", "articles:source", "articles:tag", "articles:agreement"]


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("viewname", SLUG_ROUTES)
@pytest.mark.parametrize("slug", ["energy", "south-caucasus-2", "a_b", "slug-stand-in-x"])
def test_each_route_matches_reverse(viewname, slug):
    assert slug_url(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_follows_the_script_prefix_of_the_request(script_prefix):
    plain = slug_url("articles:tag", "energy")
    script_prefix("/archive/")
    assert slug_url("articles:tag", "energy") == "/archive" + plain
    assert slug_url("articles:tag", "energy") == reverse("articles:tag", kwargs={"slug": "energy"})
    script_prefix("/")
    assert slug_url("articles:tag", "energy") == plain


def test_follows_a_changed_urlconf(settings):
    settings.ROOT_URLCONF = "tests.urls_elsewhere"
    assert slug_url("articles:tag", "energy") == "/elsewhere/tags/energy/"


def test_an_unknown_route_fails_as_reverse_does():
    with pytest.raises(NoReverseMatch):
        slug_url("articles:nowhere", "energy")
