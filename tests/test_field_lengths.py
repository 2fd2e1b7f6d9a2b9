"""What one database stores the other stores too: no field is bounded on
PostgreSQL (varchar) and unbounded on SQLite, which ignores lengths."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from tests.conftest import make_article

# Text that comes from the files themselves, whatever its length.
FROM_FILES = {("article", "byline"), ("article", "body"), ("mention", "sentence")}


def test_long_byline_is_stored_whole_when_a_file_credits_many_people(db):
    byline = ", ".join(f"Correspondent Number {n} of the Caspian Desk" for n in range(14))
    assert len(byline) > 578
    article = make_article(byline=byline)
    article.refresh_from_db()
    assert article.byline == byline


@pytest.mark.parametrize(("model", "field"), sorted(FROM_FILES))
def test_text_from_files_has_no_length_bound_when_stored(model, field):
    stored = apps.get_model("articles", model)._meta.get_field(field)
    assert isinstance(stored, models.TextField)
