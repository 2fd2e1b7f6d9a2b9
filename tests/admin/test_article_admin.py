"""The article change list and change form: curated-field marking, the form
round trip, the read-only original, filters and the change list's query count."""

from __future__ import annotations

import datetime as dt
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Champion, Mention, Revision
from articles.search import tiers
from articles.search.stems import stem
from tests.admin.conftest import form_data, history
from tests.conftest import make_agreement, make_article, make_source, make_tag

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post_change(client, article, **changes):
    """Post the change form back as a browser would, with `changes` applied."""
    data = form_data(client.get(change_url(article)).content.decode())
    data.update(changes, _save="Save")
    return client.post(change_url(article), data)


@pytest.fixture
def article(db):
    return make_article(
        title="Commission meets in Baku",
        source=make_source(name="Trend"),
        byline="Rufik Ismayilov",
        tags=[make_tag(name="energy")],
        agreements=[make_agreement(name="Memorandum on pensions")],
    )


def test_change_form_round_trips_when_only_the_title_changes(curator_client, article):
    response = post_change(curator_client, article, title="Intergovernmental commission meets")

    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.title == "Intergovernmental commission meets"
    assert article.tags.count() == 1
    assert article.mentions.count() == 1


def test_changed_title_is_marked_curated_when_saved(curator_client, article):
    post_change(curator_client, article, title="A better title")

    article.refresh_from_db()
    assert article.curated_fields == ["title"]


def test_nothing_is_marked_curated_when_the_form_is_saved_unchanged(curator_client, article):
    response = post_change(curator_client, article)

    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.curated_fields == []


def test_date_and_precision_are_curated_together_when_the_date_changes(curator_client, article):
    post_change(curator_client, article, published_on="03/05/2021")

    article.refresh_from_db()
    assert article.published_on == dt.date(2021, 5, 3)
    assert article.curated_fields == ["published_on", "date_precision"]


def test_tags_are_marked_curated_when_tags_change(curator_client, article):
    other = make_tag(name="transport")

    post_change(curator_client, article, tags=[str(other.pk)])

    article.refresh_from_db()
    assert list(article.tags.all()) == [other]
    assert article.curated_fields == ["tags"]


def test_agreements_are_marked_curated_when_a_mention_is_removed(curator_client, article):
    post_change(curator_client, article, **{"mentions-0-DELETE": "on"})

    article.refresh_from_db()
    assert article.mentions.count() == 0
    assert article.curated_fields == ["agreements"]


def test_curated_title_is_no_longer_marked_derived_when_saved(curator_client, db):
    article = make_article(title="Azerbaijan and Russia discussed", is_title_derived=True)

    post_change(curator_client, article, title="Trade talks")

    article.refresh_from_db()
    assert article.is_title_derived is False


def test_saved_change_is_in_the_history_with_the_curator(curator_client, curator, article):
    post_change(curator_client, article, title="A better title")

    [entry] = history(article)
    assert entry.user == curator
    assert "Title" in entry.get_change_message()


def test_original_is_shown_decoded_and_escaped_when_it_holds_markup(curator_client, db):
    original = "Заголовок <script>alert(1)</script>".encode("cp1251")
    article = make_article(original=original, encoding="cp1251")

    html = curator_client.get(change_url(article)).content.decode()

    assert "Заголовок &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_revisions_are_listed_when_the_original_changed(curator_client, article):
    Revision.objects.create(
        article=article,
        original=b"earlier bytes",
        sha256="e" * 64,
        imported_at=article.imported_at,
        superseded_at=article.changed_at,
    )

    html = curator_client.get(change_url(article)).content.decode()

    assert "e" * 64 in html


def test_curated_fields_are_shown_in_the_change_list(curator_client, article):
    Article.objects.filter(pk=article.pk).update(curated_fields=["title", "source"])

    html = curator_client.get(CHANGELIST).content.decode()

    assert "title, source" in html


def changelist_titles(client, query):
    response = client.get(CHANGELIST, query)
    return {row.title for row in response.context["cl"].result_list}


def test_curated_filter_lists_only_curated_articles_when_yes(curator_client, db):
    make_article(title="Untouched")
    make_article(title="Fixed", curated_fields=["title"])

    assert changelist_titles(curator_client, {"curated": "yes"}) == {"Fixed"}
    assert changelist_titles(curator_client, {"curated": "no"}) == {"Untouched"}


def test_agreements_filter_lists_only_articles_with_mentions_when_yes(curator_client, db):
    make_article(title="Plain")
    make_article(title="With memorandum", agreements=[make_agreement()])

    assert changelist_titles(curator_client, {"has_agreements": "yes"}) == {"With memorandum"}


def test_year_filter_lists_articles_of_that_year(curator_client, db):
    make_article(title="2019 piece", published_on=dt.date(2019, 6, 1))
    make_article(title="2021 piece", published_on=dt.date(2021, 6, 1))

    assert changelist_titles(curator_client, {"year": "2019"}) == {"2019 piece"}


def test_search_finds_words_in_the_body(curator_client, db):
    make_article(title="One", body="The North-South corridor was discussed.")
    make_article(title="Two", body="Wheat exports grew.")

    assert changelist_titles(curator_client, {"q": "corridor"}) == {"One"}


def changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(CHANGELIST).status_code == HTTPStatus.OK
    return len(queries)


def test_change_list_query_count_does_not_grow_with_rows(curator_client, db):
    source, tag, agreement = make_source(), make_tag(), make_agreement()
    make_article(source=source, tags=[tag], agreements=[agreement])
    few = changelist_queries(curator_client)
    for _ in range(10):
        make_article(source=make_source(), tags=[tag], agreements=[agreement])

    assert changelist_queries(curator_client) == few


def test_articles_cannot_be_added_in_the_admin_when_curating(curator_client, db):
    response = curator_client.get(reverse("admin:articles_article_add"))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_mention_sentence_is_editable_on_the_article_page(curator_client, article):
    post_change(curator_client, article, **{"mentions-0-sentence": "They signed it."})

    assert Mention.objects.get(article=article).sentence == "They signed it."


def test_a_new_title_reweighs_the_article_on_its_words_champion_lists_when_saved(curator_client):
    pipeline = make_article(title="Pipeline pipeline", body="The pipeline opens.")
    for n in range(2):
        make_article(title=f"Pipeline news {n}", body=f"Gas flows through the pipeline ({n}).")
    tiers.rebuild(using="default", length=2)
    listed = Champion.objects.filter(
        champion_list__term=stem("pipeline", "english"), article=pipeline
    )
    before = listed.get().impact

    post_change(curator_client, pipeline, title="Gas news")

    # The title weighs ten times the body: without the word the article weighs less.
    after = listed.values_list("impact", flat=True).first()
    assert after is None or after < before
