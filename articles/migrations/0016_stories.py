# Stories (issue 16): articles that report one wire item or event share a Story; a
# near-copy points at the earliest version it copies; each article's MinHash signature
# and its LSH band keys find its candidate copies with one indexed query; a source has
# the country the story page groups versions by, filled here from fixtures/sources.json.

import json
from importlib import import_module
from pathlib import Path

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

SOURCES_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "sources.json"
SEARCH_INDEX = import_module("articles.migrations.0014_word_forms_in_search_index")


def countries_by_name(path: Path = SOURCES_PATH) -> dict[str, str]:
    """Each known outlet's names and aliases, folded, to its country; entries
    without one (or a file without any) add nothing."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8")).get("sources", [])
    except (OSError, ValueError):
        return {}
    countries = {}
    for entry in entries:
        country = str(entry.get("country") or "").strip().upper()
        if len(country) != 2 or not country.isalpha():
            continue
        for name in [entry.get("name", ""), *entry.get("aliases", [])]:
            countries.setdefault(name.casefold(), country)
    return countries


def fill_countries(apps, schema_editor):
    """Sources stored before the field existed take their outlet's country."""
    Source = apps.get_model("articles", "Source")
    SourceAlias = apps.get_model("articles", "SourceAlias")
    db = schema_editor.connection.alias
    countries = countries_by_name()
    if not countries:
        return
    names = {pk: [name] for pk, name in Source.objects.using(db).values_list("pk", "name")}
    for name, source_id in SourceAlias.objects.using(db).values_list("name", "source_id"):
        names.setdefault(source_id, []).append(name)
    for source_id, known_as in names.items():
        country = next((countries[n.casefold()] for n in known_as if n.casefold() in countries), "")
        if country:
            Source.objects.using(db).filter(pk=source_id, country="").update(country=country)


def grant_curators(apps, schema_editor, *, revoke: bool = False):
    """Curators see stories and change them (their curated mark); the admin's join and
    split actions change articles, which they may already."""
    app = apps.get_app_config("articles")
    app.models_module = True
    create_permissions(app, apps=apps, verbosity=0)
    app.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Curators").first()
    if group is None:
        return
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="articles", codename__in=["view_story", "change_story"]
    )
    (group.permissions.remove if revoke else group.permissions.add)(*permissions)


def revoke_curators(apps, schema_editor):
    grant_curators(apps, schema_editor, revoke=True)


def drop_search_view(apps, schema_editor):
    """Unapplying: SQLite drops these columns by making the article table again,
    which a view over it forbids and which takes the search triggers with it."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP VIEW IF EXISTS articles_fts_content")


def restore_search_view(apps, schema_editor):
    """Unapplied: the view and triggers of 0014 over the article table made again."""
    if schema_editor.connection.vendor == "sqlite":
        view = [sql for sql in SEARCH_INDEX.SQLITE_FORWARD if "CREATE VIEW" in sql]
        for statement in [*SEARCH_INDEX.SQLITE_OLD_TRIGGERS, *view, *SEARCH_INDEX.TRIGGERS]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_translatable_verbose_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="country",
            field=models.CharField(
                blank=True,
                help_text="ISO 3166-1 alpha-2 code of the outlet's country (AZ, RU…).",
                max_length=2,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[A-Z]{2}$", "Two capital letters, e.g. AZ or RU."
                    )
                ],
                verbose_name="country",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("country", ""),
                    models.Q(
                        django.db.models.lookups.Exact(
                            django.db.models.functions.text.Length("country"), 2
                        ),
                        ("country", django.db.models.functions.text.Upper("country")),
                    ),
                    _connector="OR",
                ),
                name="articles_source_country_code",
            ),
        ),
        migrations.RunPython(fill_countries, migrations.RunPython.noop, elidable=True),
        migrations.CreateModel(
            name="Story",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "is_curated",
                    models.BooleanField(
                        default=False,
                        help_text=(
                            "A curator split or joined it: the importer leaves its articles alone."
                        ),
                        verbose_name="is curated",
                    ),
                ),
                (
                    "first_published",
                    models.DateField(blank=True, null=True, verbose_name="first published"),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="The earliest version's title.",
                        max_length=500,
                        verbose_name="title",
                    ),
                ),
            ],
            options={
                "verbose_name": "story",
                "verbose_name_plural": "stories",
                "ordering": [
                    models.OrderBy(models.F("first_published"), descending=True, nulls_last=True),
                    "-pk",
                ],
                "indexes": [
                    models.Index(
                        fields=["-first_published", "-id"], name="articles_story_newest_idx"
                    )
                ],
            },
        ),
        migrations.RunPython(migrations.RunPython.noop, restore_search_view),
        migrations.AddField(
            model_name="article",
            name="story",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="articles",
                to="articles.story",
                verbose_name="story",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="copy_of",
            field=models.ForeignKey(
                blank=True,
                help_text="The earliest version whose text this one copies, nearly word for word.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="copies",
                to="articles.article",
                verbose_name="copy of",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["story", "published_on"], name="articles_article_story_idx"),
        ),
        migrations.RunPython(migrations.RunPython.noop, drop_search_view),
        migrations.CreateModel(
            name="ArticleFingerprint",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="fingerprint",
                        serialize=False,
                        to="articles.article",
                        verbose_name="article",
                    ),
                ),
                ("signature", models.BinaryField(verbose_name="signature")),
                (
                    "shingle_count",
                    models.PositiveIntegerField(
                        help_text="How many distinct word shingles the text holds.",
                        verbose_name="shingle count",
                    ),
                ),
            ],
            options={
                "verbose_name": "fingerprint",
                "verbose_name_plural": "fingerprints",
                "ordering": ["article"],
            },
        ),
        migrations.CreateModel(
            name="ArticleBand",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("band", models.BigIntegerField(verbose_name="band key")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bands",
                        to="articles.article",
                        verbose_name="article",
                    ),
                ),
            ],
            options={
                "verbose_name": "band key",
                "verbose_name_plural": "band keys",
                "ordering": ["article", "band"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("band", "article"), name="articles_articleband_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(grant_curators, revoke_curators),
    ]
