"""The public archive's URLs (names used by get_absolute_url and templates)."""

app_name = "articles"

urlpatterns: list = []
