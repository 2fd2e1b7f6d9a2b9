"""The OpenAPI schema at /api/schema/ is valid OpenAPI 3, describes exactly
the list page's parameters with their types and the 400's shape, and the
docs at /api/docs/ load nothing from another host."""

from __future__ import annotations

import html
import re
from http import HTTPStatus

import pytest
import yaml
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from openapi_spec_validator import validate

from articles.api.schema import DESCRIPTIONS
from articles.api.serializers import ArticlesOfMixin
from articles.filters import MAX_VALUES, ArticleFilterForm, ArticleFilterSet

pytestmark = pytest.mark.django_db

LIST_PARAMETERS = {*ArticleFilterSet.base_filters, *ArticleFilterForm.base_fields}


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == HTTPStatus.OK
    return response.json()


def list_parameters(schema: dict) -> dict[str, dict]:
    operation = schema["paths"]["/api/articles/"]["get"]
    return {parameter["name"]: parameter for parameter in operation["parameters"]}


def test_schema_is_valid_openapi_3_when_served(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_schema_generates_without_warnings_when_checked_by_its_generator(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "s.yaml")
    assert yaml.safe_load((tmp_path / "s.yaml").read_text())["paths"]


def test_schema_is_json_when_asked_by_format_and_yaml_by_default(client):
    assert client.get("/api/schema/", {"format": "json"}).json()["openapi"].startswith("3.")
    assert yaml.safe_load(client.get("/api/schema/").content)["openapi"].startswith("3.")


def test_list_parameters_are_exactly_the_list_pages_when_described(schema):
    assert set(list_parameters(schema)) == LIST_PARAMETERS


def test_every_list_parameter_has_a_description_of_its_own_when_described():
    assert set(DESCRIPTIONS) >= LIST_PARAMETERS


def test_every_list_parameter_says_what_it_does_when_described(schema):
    assert all(p["description"] for p in list_parameters(schema).values())


def test_no_shape_borrows_the_link_mixins_description_when_described(schema):
    # A serializer without a docstring of its own is described by its first base's.
    mixin = " ".join(ArticlesOfMixin.__doc__.split())
    shapes = schema["components"]["schemas"].values()
    assert mixin not in {" ".join(shape.get("description", "").split()) for shape in shapes}


@pytest.mark.parametrize("name", ["source", "tag", "exclude_tag"])
def test_repeatable_parameters_are_arrays_of_form_values_when_described(schema, name):
    parameter = list_parameters(schema)[name]
    assert parameter["schema"] == {
        "type": "array",
        "items": {"type": "string"},
        "maxItems": MAX_VALUES,
    }
    assert (parameter["style"], parameter["explode"]) == ("form", True)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("date_after", {"type": "string", "format": "date"}),
        ("date_before", {"type": "string", "format": "date"}),
        ("undated", {"type": "boolean"}),
        ("sort", {"enum": ["relevance", "newest", "oldest"], "type": "string"}),
        ("agreement", {"type": "string"}),
        ("q", {"type": "string"}),
    ],
)
def test_list_parameter_types_and_values_are_the_filters_when_described(schema, name, expected):
    assert list_parameters(schema)[name]["schema"] == expected


def test_language_is_a_code_when_described(schema):
    # A code the archive holds: which codes is the archive's data, not the schema's.
    assert list_parameters(schema)["language"]["schema"]["type"] == "string"


def test_page_and_cursor_carry_their_bounds_when_described(schema):
    parameters = list_parameters(schema)
    page_field = ArticleFilterForm.base_fields["page"]
    assert parameters["page"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": page_field.max_value,
    }
    assert re.match(parameters["cursor"]["schema"]["pattern"], "next.2019-03-04.12")


def test_bad_parameters_answer_is_described_as_field_errors_when_documented(schema):
    responses = schema["paths"]["/api/articles/"]["get"]["responses"]
    reference = responses["400"]["content"]["application/json"]["schema"]["$ref"]
    errors = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert errors["properties"]["errors"]["additionalProperties"]["items"]["type"] == "string"
    assert {"200", "400", "404", "429"} <= set(responses)


def test_every_endpoint_is_described_when_the_schema_is_served(schema):
    assert set(schema["paths"]) == {
        "/api/",
        "/api/articles/",
        "/api/articles/{slug}/",
        "/api/sources/",
        "/api/tags/",
        "/api/agreements/",
        "/api/agreements/{slug}/",
        "/api/stories/{id}/",
        "/api/timeline/",
    }


def test_docs_load_nothing_from_another_host_when_opened(client):
    response = client.get("/api/docs/")
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "<style" not in page and re.search(r"<script>", page) is None


def test_docs_files_are_this_sites_own_when_the_page_asks_for_them(client):
    page = client.get("/api/docs/").content.decode()
    addresses = [html.unescape(a) for a in re.findall(r'(?:src|href)="([^"]+)"', page)]
    static = [a for a in addresses if a.startswith(settings.STATIC_URL)]
    scripts = [a for a in addresses if a.startswith("/api/docs/?")]
    assert len(static) == 4 and len(scripts) == 1
    for address in static:
        assert finders.find(address.removeprefix(settings.STATIC_URL)), address
    script = client.get(scripts[0])
    assert script.status_code == HTTPStatus.OK and "SwaggerUIBundle" in script.content.decode()


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_read_nothing_from_the_database_when_served(
    client, django_assert_num_queries, path
):
    with django_assert_num_queries(0):
        assert client.get(path).status_code == HTTPStatus.OK
