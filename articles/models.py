"""The archive's data: sources, articles with their originals and revisions,
agreements they mention and tags they carry.

Constraints and indexes live in each Meta; query logic lives in the QuerySets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Substr, Upper
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from articles.ingest import document, events
from articles.links import slug_url

SLUG_LENGTH = 80


# Slugs are ASCII so URLs stay readable anywhere; Russian and Azerbaijani
# letters that have no accent to strip are spelled out instead of dropped.
TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "ə": "e", "ı": "i", "ğ": "g"},
    }
)


def unique_slug(queryset: models.QuerySet, text: str, *, fallback: str) -> str:
    """A slug for `text` not yet taken in `queryset`: "name", then "name-2", "name-3"…"""
    ascii_text = text.lower().translate(TRANSLITERATION)
    base = slugify(ascii_text)[:SLUG_LENGTH].strip("-") or fallback
    taken = set(
        queryset.filter(Q(slug=base) | Q(slug__startswith=f"{base}-")).values_list(
            "slug", flat=True
        )
    )
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _choices(name: str, vocabulary: type[StrEnum], labels: dict[str, str]) -> type:
    """Django choices over one of ingest/document.py's vocabularies: the values
    are defined there once, the (translatable) labels here."""
    return models.TextChoices(
        name, [(member.name, (member.value, labels[member.value])) for member in vocabulary]
    )


DatePrecision = _choices(
    "DatePrecision",
    document.Precision,
    {"day": _("day"), "month": _("month"), "year": _("year"), "unknown": _("unknown")},
)
TagKind = _choices(
    "TagKind",
    document.TagKind,
    {
        "topic": _("topic"),
        "person": _("person"),
        "organisation": _("organisation"),
        "place": _("place"),
        "event": _("event"),
    },
)
AgreementKind = _choices(
    "AgreementKind",
    document.AgreementKind,
    {
        "treaty": _("treaty"),
        "joint_statement": _("joint statement"),
        "work_plan": _("work plan"),
        "memorandum": _("memorandum"),
        "declaration": _("declaration"),
        "agreement": _("agreement"),
        "road_map": _("road map"),
        "action_plan": _("action plan"),
        "protocol": _("protocol"),
        "programme": _("programme"),
        "contract": _("contract"),
        "minutes": _("minutes"),
    },
)


class AgreementStatus(models.TextChoices):
    SUGGESTED = "suggested", _("suggested")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


def _spelled_in_any_case(field: str, text: str) -> Q:
    """`field` contains `text` whatever the case: SQLite's LIKE folds ASCII
    only, so the usual casings of a Cyrillic or Azerbaijani name are asked for
    as well (PostgreSQL's icontains folds every script itself)."""
    casings = {text, text.lower(), text.upper(), text.capitalize(), text.title()}
    found = Q()
    for casing in casings:
        found |= Q(**{f"{field}__icontains": casing})
    return found


def _name_or_alias_holds(text: str, aliases: models.QuerySet, owner: str) -> Q:
    """The row's name holds `text`, or one of its aliases' names does (`owner`
    is the alias's key to the row)."""
    named = aliases.filter(_spelled_in_any_case("name", text), **{owner: models.OuterRef("pk")})
    return _spelled_in_any_case("name", text) | Q(models.Exists(named))


def _first_letter_is(field: str, letter: str) -> Q:
    return Q(**{f"{field}__startswith": letter.upper()}) | Q(
        **{f"{field}__startswith": letter.lower()}
    )


def _counts_by(rows: models.QuerySet, key: str) -> dict[int, int]:
    """How many of `rows` point at each id through `key`, in one grouped statement."""
    grouped = rows.order_by().values(key).annotate(count=models.Count("*"))
    return dict(grouped.values_list(key, "count"))


class SourceQuerySet(models.QuerySet):
    def article_counts(self) -> dict[int, int]:
        """Each source's number of articles, by id (a source without any is absent)."""
        return _counts_by(Article.objects.using(self.db), "source_id")

    def named_like(self, text: str) -> SourceQuerySet:
        """Sources whose name, or another name they are known by, holds `text`."""
        return self.filter(_name_or_alias_holds(text, SourceAlias.objects, "source"))


class Source(models.Model):
    """Where articles come from: a news agency or site."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=SLUG_LENGTH + 10, unique=True)
    site_url = models.URLField(_("site address"), blank=True)
    # The story page groups an event's versions by their outlet's country.
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. AZ or RU."))],
        help_text=_("ISO 3166-1 alpha-2 code of the outlet's country (AZ, RU…)."),
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            # The address is printed as a link on public pages: only the web's
            # own schemes, so no write path can store a javascript: link.
            models.CheckConstraint(
                condition=Q(site_url="")
                | Q(site_url__istartswith="http://")
                | Q(site_url__istartswith="https://"),
                name="articles_source_site_url_web",
            ),
            # Two capital letters or none, whatever wrote it (the store, the admin, a shell).
            models.CheckConstraint(
                condition=Q(country="") | Q(Exact(Length("country"), 2), country=Upper("country")),
                name="articles_source_country_code",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("articles:source", self.slug)


# Tags of each kind stand in this order wherever they are grouped by kind.
TAG_KIND_ORDER = (TagKind.PERSON, TagKind.ORGANISATION, TagKind.PLACE, TagKind.EVENT, TagKind.TOPIC)


class TagQuerySet(models.QuerySet):
    def article_counts(self) -> dict[int, int]:
        """Each tag's number of articles, by id (a tag without any is absent)."""
        return _counts_by(Article.tags.through.objects.using(self.db), "tag_id")

    def named_like(self, text: str) -> TagQuerySet:
        """Tags whose name, or another name they are known by, holds `text`."""
        return self.filter(_name_or_alias_holds(text, TagAlias.objects, "tag"))

    def people_in_story(self, story: Story) -> TagQuerySet:
        """The people a story's articles carry, A–Z, each once."""
        carried = Article.tags.through.objects.filter(article__story=story).values("tag_id")
        return self.filter(kind=TagKind.PERSON, pk__in=carried).order_by("name", "pk")

    def starting_with(self, letter: str) -> TagQuerySet:
        return self.filter(_first_letter_is("name", letter))

    def by_kind_then_name(self) -> TagQuerySet:
        rank = models.Case(
            *(models.When(kind=kind, then=n) for n, kind in enumerate(TAG_KIND_ORDER)),
            default=len(TAG_KIND_ORDER),
        )
        return self.order_by(rank, "name", "pk")

    def letters_by_kind(self) -> list[dict]:
        """How many tags of each kind start with each character: one grouped
        statement whose few rows give both the kinds' sizes and the letter index."""
        return list(
            self.order_by()
            .values("kind", first=Substr("name", 1, 1))
            .annotate(count=models.Count("*"))
            .order_by("kind", "first")
        )


class Tag(models.Model):
    """A person, organisation, place, topic or event that articles are about."""

    Kind = TagKind

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=SLUG_LENGTH + 10, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=TagKind.TOPIC)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "pk"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="articles_tag_name_kind_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in TagKind]), name="articles_tag_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"

    def get_absolute_url(self) -> str:
        return slug_url("articles:tag", self.slug)


class SourceAlias(models.Model):
    """Another name under which files credit a source, e.g. one merged into it.

    The importer looks names up here too, so a merge is never undone by the
    next file that still uses the old name.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("source")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("source alias")
        verbose_name_plural = _("source aliases")

    def __str__(self) -> str:
        return f"{self.name} → {self.source}"


class TagAlias(models.Model):
    """Another name for a tag, e.g. one a curator merged into it or renamed."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=TagKind.choices)
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("tag")
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("tag alias")
        verbose_name_plural = _("tag aliases")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="articles_tagalias_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in TagKind]),
                name="articles_tagalias_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.tag}"


class AgreementQuerySet(models.QuerySet):
    def visible(self) -> AgreementQuerySet:
        """What the public pages show: everything a curator has not rejected."""
        return self.exclude(status=AgreementStatus.REJECTED)

    def bilateral(self) -> AgreementQuerySet:
        """Between Azerbaijan and Russia alone: what the lists show unless asked for all."""
        return self.filter(is_bilateral=True)

    def in_register(self) -> AgreementQuerySet:
        """The register of known documents the importer matches mentions against first."""
        return self.exclude(register_key=None).exclude(register_key="")

    def in_story(self, story: Story) -> AgreementQuerySet:
        """The visible documents a story's articles mention, A–Z, each once."""
        mentioned = Mention.objects.filter(article__story=story).values("agreement_id")
        return self.visible().filter(pk__in=mentioned).order_by("name", "pk")

    def with_article_counts(self) -> AgreementQuerySet:
        return self.annotate(article_count=models.Count("mentions"))


def name_in_interface_language(name: str, name_ru: str, name_az: str) -> str:
    """A document's name in the language the page speaks, when the register or a
    curator gave it one there; else its English name."""
    language = (get_language() or "en")[:2]
    return {"ru": name_ru, "az": name_az}.get(language) or name


class Agreement(models.Model):
    """A signed (or planned) document between the parties: a memorandum, a
    declaration, a road map… The importer suggests; a curator approves."""

    Kind = AgreementKind
    Status = AgreementStatus

    name = models.CharField(_("name (English)"), max_length=500)
    name_ru = models.CharField(_("name (Russian)"), max_length=500, blank=True)
    name_az = models.CharField(_("name (Azerbaijani)"), max_length=500, blank=True)
    slug = models.SlugField(_("slug"), max_length=SLUG_LENGTH + 10, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    register_key = models.SlugField(
        _("register key"),
        max_length=100,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Its entry in the register of known documents (fixtures/agreements.json)."),
    )
    is_bilateral = models.BooleanField(
        _("is bilateral"),
        default=True,
        help_text=_("Between Azerbaijan and Russia alone; other documents stay off the lists."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.SUGGESTED,
    )
    parties = models.CharField(_("parties"), max_length=500, blank=True)
    signatories = models.CharField(_("signatories"), max_length=500, blank=True)
    signed_on = models.DateField(_("date of signing"), null=True, blank=True)
    signed_place = models.CharField(_("place of signing"), max_length=200, blank=True)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Short or other names the register matches, in any language, one a line."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in AgreementKind]),
                name="articles_agreement_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in AgreementStatus]),
                name="articles_agreement_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "name"], name="articles_agreement_status_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("articles:agreement", self.slug)

    @property
    def display_name(self) -> str:
        return name_in_interface_language(self.name, self.name_ru, self.name_az)

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class AgreementKey(models.Model):
    """A normalised wording under which the importer knows an agreement.

    One agreement may be found under several wordings; merging two agreements
    moves the keys, so the importer never suggests the merged-away one again.
    """

    key = models.CharField(_("key"), max_length=300, unique=True)
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="keys", verbose_name=_("agreement")
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("importer key")
        verbose_name_plural = _("importer keys")

    def __str__(self) -> str:
        return self.key


# Facet groups list their commonest values only; a page shows no more.
FACET_SIZE = 30


def _looked_up(model: type[models.Model], key: str, prefix: str, *fields: str) -> dict:
    """`<prefix>__<field>` of the `model` row that column `key` names, as
    subqueries: once rows are grouped on `key`, one lookup per group rather
    than a join per row."""
    row = model.objects.filter(pk=models.OuterRef(key)).order_by()
    return {f"{prefix}__{field}": models.Subquery(row.values(field)[:1]) for field in fields}


def _keyset_before(key: tuple, *, descending: bool) -> Q:
    """Rows before `key` in the same order: everything not after it, but itself."""
    date, pk = key
    step = "gt" if descending else "lt"
    if date is None:
        return Q(published_on__isnull=False) | Q(published_on__isnull=True, **{f"pk__{step}": pk})
    return Q(**{f"published_on__{step}": date}) | Q(published_on=date, **{f"pk__{step}": pk})


class ArticleQuerySet(models.QuerySet):
    def for_listing(self) -> ArticleQuerySet:
        """Rows for a list page: a fixed number of queries whatever the page size."""
        return self.select_related("source").prefetch_related("tags").defer("original", "body")

    def for_detail(self) -> ArticleQuerySet:
        return self.select_related("source").prefetch_related(
            "tags",
            "credits",
            models.Prefetch("mentions", queryset=Mention.objects.select_related("agreement")),
            models.Prefetch("revisions", queryset=Revision.objects.defer("original")),
            "events",
        )

    def versions_in(self, story: Story | int) -> ArticleQuerySet:
        """A story's articles with their sources, in publication order (undated last)."""
        return self.filter(story=story).select_related("source").defer("original").oldest_first()

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by(models.F("published_on").desc(nulls_last=True), "-pk")

    def oldest_first(self) -> ArticleQuerySet:
        return self.order_by(models.F("published_on").asc(nulls_last=True), "pk")

    def tagged_with_all(self, slugs: Iterable[str]) -> ArticleQuerySet:
        """Articles carrying every one of these tags, as one grouped subquery
        whatever their number: a join per tag made SQLite refuse 32 tags (its
        limit is 64 tables in a join) and PostgreSQL plan for longer than a
        worker may live."""
        chosen = set(slugs)
        if not chosen:
            return self
        links = (
            Article.tags.through.objects.using(self.db)
            .filter(tag__slug__in=chosen)
            .values("article_id")
            .annotate(tags_carried=models.Count("tag_id", distinct=True))
            .filter(tags_carried=len(chosen))
            .values("article_id")
        )
        return self.filter(pk__in=links)

    def without_tags(self, slugs: Iterable[str]) -> ArticleQuerySet:
        """Articles carrying none of these tags: one NOT EXISTS, whatever their number."""
        chosen = set(slugs)
        if not chosen:
            return self
        links = Article.tags.through.objects.using(self.db).filter(
            article_id=models.OuterRef("pk"), tag__slug__in=chosen
        )
        return self.filter(~models.Exists(links))

    def published_by(self, day: dt.date) -> ArticleQuerySet:
        """Articles dated no later than `day`, and the undated ones."""
        return self.filter(Q(published_on__lte=day) | Q(published_on__isnull=True))

    def search(self, text: str, *, order: str = "relevance", expand: bool = True):
        """The rows matching a reader's search text, ranked and paged by
        articles.search (which picks the engine for this queryset's database);
        `expand` also finds the other spellings of the names in it."""
        from articles.search import search

        return search(self, text, order=order, expand=expand)

    def rows_between(self, start: int, stop: int) -> list:
        """Rows `start` to `stop` of this ordered queryset, their ids found
        first: OFFSET then skips index entries, not whole rows (SQLite reads
        each skipped record: page 400 of 100k took 49 ms, its ids 0.1 ms)."""
        return list(self.filter(pk__in=self.values("pk")[start:stop]))

    def count_up_to(self, limit: int) -> int:
        """How many rows, counting no further than `limit`: a huge set costs no more."""
        return self.order_by().values("pk")[:limit].count()

    def keyset_page(self, key: tuple, *, newest: bool, forward: bool, size: int) -> list:
        """Up to `size` + 1 rows after (forward) or before `key`, in the page's
        date order: depth costs an index seek, not an OFFSET scan."""
        if forward:
            return self._rows_after(key, newest=newest, limit=size + 1)
        date = models.F("published_on")
        rows = self.filter(_keyset_before(key, descending=newest)).order_by(
            date.asc(nulls_first=True) if newest else date.desc(nulls_first=True),
            "pk" if newest else "-pk",
        )
        return list(rows[: size + 1])[::-1]

    def _rows_after(self, key: tuple, *, newest: bool, limit: int) -> list:
        """Dated rows past `key` from an index seek on the date, then the
        undated ones, which come last in either order. As one OR with the
        undated rows, PostgreSQL filtered its way through every row before the
        key instead (90,000 rows removed by filter at 100k: 268 ms)."""
        date, pk = key
        ordered = self.newest_first if newest else self.oldest_first
        if date is None:
            # Undated rows come last in either order, so only undated ones follow.
            passed = "lt" if newest else "gt"
            undated = ordered().filter(published_on__isnull=True, **{f"pk__{passed}": pk})
            return list(undated[:limit])
        bound, passed = ("lte", "gte") if newest else ("gte", "lte")
        rows = list(
            ordered()
            .filter(**{f"published_on__{bound}": date})
            .exclude(published_on=date, **{f"pk__{passed}": pk})[:limit]
        )
        if len(rows) < limit:
            undated = ordered().filter(published_on__isnull=True)
            rows += list(undated[: limit - len(rows)])
        return rows

    def _facet(self, *fields: str, **expressions) -> models.QuerySet:
        # COUNT(*), not COUNT(id): PostgreSQL can then answer from an index
        # without the id (facets_idx), an index-only scan instead of a heap visit.
        return (
            self.order_by()
            .values(*fields, **expressions)
            .annotate(count=models.Count("*"))
            .order_by("-count", *fields, *expressions)
        )

    def facet_sources(self) -> list[dict]:
        """Counts per source, grouped on source_id before each group looks up
        its source's slug and name: joining every row to its source first cost
        SQLite a lookup per article (language=ru since 2010 at 100k: 74 -> 9 ms)."""
        return list(
            self._facet("source_id")
            .annotate(**_looked_up(Source, "source_id", "source", "slug", "name"))
            .values("source__slug", "source__name", "count")
            .order_by("-count", "source__slug", "source__name")[:FACET_SIZE]
        )

    def facet_languages(self) -> list[dict]:
        return list(self._facet("language")[:FACET_SIZE])

    def _date_part(self, part: str) -> models.Func:
        """The year or month of `published_on`, NULL when undated. On SQLite,
        Extract* calls back into Python for every row (123 ms for the years
        of 100k articles); the ISO text's digits cost a tenth of that."""
        from django.db import connections
        from django.db.models.functions import Cast, ExtractMonth, ExtractYear, Substr

        if connections[self.db].vendor == "sqlite":
            start, length = (1, 4) if part == "year" else (6, 2)
            return Cast(Substr("published_on", start, length), models.IntegerField())
        return (ExtractYear if part == "year" else ExtractMonth)("published_on")

    def facet_dates(self, year: int | None = None) -> list[dict]:
        """Counts per year, or per month of `year`; undated rows under None."""
        if year is None:
            rows = self._facet(year=self._date_part("year"))
        else:
            rows = self.filter(published_on__year=year)._facet(month=self._date_part("month"))
        return sorted(rows, key=lambda row: (row.get("year") or row.get("month") or 10_000))

    def _rows_about_these(self, model: type[models.Model]) -> models.QuerySet:
        """`model`'s rows (tag links, mentions) for these articles. For every
        article that is the whole table: "article_id IN (every id)" made
        SQLite visit each article (unfiltered tags facet at 100k: 795 -> 42 ms)."""
        rows = model.objects.using(self.db)
        if not self.query.where and not self.query.is_sliced and not self.query.combinator:
            return rows.all()
        return rows.filter(article__in=self.values("pk"))

    def facet_tags(self) -> list[dict]:
        """Counts per tag, grouped on tag_id before each group looks up its tag
        (joined per link row first: 100k unfiltered, 600k links, PostgreSQL
        116 -> 52 ms, SQLite 34 -> 19 ms)."""
        return list(
            self._rows_about_these(Article.tags.through)
            .values("tag_id")
            .annotate(count=models.Count("*"))
            .annotate(**_looked_up(Tag, "tag_id", "tag", "slug", "name", "kind"))
            .values("tag__slug", "tag__name", "tag__kind", "count")
            .order_by("-count", "tag__name")[:FACET_SIZE]
        )

    def facet_agreements(self) -> list[dict]:
        return list(
            self._rows_about_these(Mention)
            .exclude(agreement__status=AgreementStatus.REJECTED)
            .filter(agreement__is_bilateral=True)
            .values("agreement__slug", "agreement__name")
            .annotate(count=models.Count("*"))
            .order_by("-count", "agreement__name")[:FACET_SIZE]
        )

    def names_carried(self) -> dict[str, models.QuerySet]:
        """These articles' tags, credits and visible agreements as plain
        (article_id, slug, name[, kind]) rows in their models' order, one
        statement each: model instances cost an export more than the rest of
        its work (bench/RESULTS.md, "Exports")."""
        these = self.values("pk")
        return {
            "tags": Article.tags.through.objects.using(self.db)
            .filter(article__in=these)
            .order_by("tag__kind", "tag__name", "tag_id")
            .values_list("article_id", "tag__slug", "tag__name", "tag__kind"),
            "credits": Article.credits.through.objects.using(self.db)
            .filter(article__in=these)
            .order_by("source__name", "source_id")
            .values_list("article_id", "source__slug", "source__name"),
            "agreements": Mention.objects.using(self.db)
            .filter(article__in=these)
            .exclude(agreement__status=AgreementStatus.REJECTED)
            .order_by("agreement__name", "agreement_id")
            .values_list("article_id", "agreement__slug", "agreement__name"),
        }

    def around(self, article: Article, *, similar: int = 5) -> tuple[list, list]:
        """What the article page lists beside `article`: every version of its story
        (itself included, oldest first) and up to `similar` other articles carrying one
        of its tags or agreements (newest first, its story left out).

        One query whether or not the article is in a story, so the page's query count
        does not change when an importer files it into one; the tag and agreement ids
        come from its prefetched relations. The others are the newest `similar` of
        each relation, each found by walking the newest-first index until it has
        them: a common tag costs a few rows, not a ranking of every article that
        carries it (bench/RESULTS.md has the figures)."""
        in_story = models.Q(story_id=article.story_id) if article.story_id is not None else None
        newest = [models.F("published_on").desc(nulls_last=True), models.F("pk").desc()]
        parts = [self.filter(in_story).order_by().values("pk")] if in_story is not None else []
        for shares in self._sharing(article):
            outside = shares & ~in_story if in_story is not None else shares
            nearest = self.filter(outside).order_by(*newest).values("pk")[:similar]
            # Within a subquery of its own: a compound statement takes no LIMIT of a part.
            parts.append(self.filter(pk__in=nearest).order_by().values("pk"))
        if not parts:
            return [], []
        is_version = (
            models.ExpressionWrapper(in_story, output_field=models.BooleanField(null=False))
            if in_story is not None
            else models.Value(False)
        )
        rows = (
            self.filter(pk__in=parts[0].union(*parts[1:], all=True) if parts[1:] else parts[0])
            .annotate(is_version=is_version)
            .select_related("source")
            .defer("original", "body")
            .order_by(*newest)
        )
        versions, others = [], []
        for row in rows:
            if row.is_version:
                versions.append(row)
            elif row.pk != article.pk and len(others) < similar:
                others.append(row)
        # Oldest first, undated last, as versions_in gives them.
        versions.sort(
            key=lambda row: (row.published_on is None, row.published_on or dt.date.min, row.pk)
        )
        return versions, others

    def _sharing(self, article: Article) -> list[models.Q]:
        """Articles other than `article` carrying one of its tags, and those naming one
        of its agreements (one condition each, so each walks the index on its own),
        copies left out."""
        tag_ids = [tag.pk for tag in article.tags.all()]
        agreement_ids = [mention.agreement_id for mention in article.mentions.all()]
        shares = []
        if tag_ids:
            through = Article.tags.through.objects
            shares.append(
                models.Exists(through.filter(article=models.OuterRef("pk"), tag__in=tag_ids))
            )
        if agreement_ids:
            mentions = Mention.objects.filter(
                article=models.OuterRef("pk"), agreement__in=agreement_ids
            )
            shares.append(models.Exists(mentions))
        # A copy is its first version's: listing both would show one text twice.
        return [Q(each) & ~models.Q(pk=article.pk) & Q(copy_of=None) for each in shares]


class Story(models.Model):
    """Articles that report one wire item or one event, across outlets and
    languages (articles.stories groups them). An article alone is in none."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    is_curated = models.BooleanField(
        _("is curated"),
        default=False,
        help_text=_("A curator split or joined it: the importer leaves its articles alone."),
    )
    # Kept current by articles.stories whenever the membership changes, so a
    # list of stories orders and titles itself without reading the articles.
    first_published = models.DateField(_("first published"), null=True, blank=True)
    title = models.CharField(
        _("title"), max_length=500, blank=True, help_text=_("The earliest version's title.")
    )

    class Meta:
        ordering = [models.F("first_published").desc(nulls_last=True), "-pk"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [
            models.Index(fields=["-first_published", "-id"], name="articles_story_newest_idx"),
        ]

    def __str__(self) -> str:
        return self.title or gettext("Story %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("articles:story", kwargs={"pk": self.pk})


class Article(models.Model):
    """One news article: the clean text readers see, and the original bytes
    the archive took in, with where and when it took them."""

    # Fields a curator may fix; once fixed, the importer leaves them alone.
    CURATABLE_FIELDS = (
        "title",
        "published_on",
        "date_precision",
        "source",
        "byline",
        "language",
        "documents_signed",
    )

    title = models.CharField(_("title"), max_length=500)
    is_title_derived = models.BooleanField(
        _("title derived from the text"),
        default=False,
        help_text=_("The file had no headline; the title was made from its first sentence."),
    )
    slug = models.SlugField(_("slug"), max_length=SLUG_LENGTH + 10, unique=True)
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("source"),
    )
    published_on = models.DateField(_("published"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    # Text, not a bounded CharField: a long byline must store alike on both databases.
    byline = models.TextField(_("byline"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, default="en", help_text=_("ISO 639-1 code")
    )
    body = models.TextField(
        _("body"),
        help_text=_('Paragraphs separated by a blank line; "## " starts a subheading.'),
    )
    credits = models.ManyToManyField(
        Source,
        related_name="credited_articles",
        blank=True,
        verbose_name=_("credits"),
        help_text=_("Agencies the text cites or reprints from, apart from its publisher."),
    )
    documents_signed = models.PositiveIntegerField(
        _("documents signed"),
        null=True,
        blank=True,
        help_text=_('How many documents the text says were signed ("six documents").'),
    )
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True, verbose_name=_("tags"))
    agreements = models.ManyToManyField(
        Agreement,
        through="Mention",
        related_name="articles",
        blank=True,
        verbose_name=_("agreements"),
    )
    # Indexed with its date in Meta (a story's versions are read oldest first).
    story = models.ForeignKey(
        Story,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
        related_name="articles",
        verbose_name=_("story"),
    )
    copy_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copy of"),
        help_text=_("The earliest version whose text this one copies, nearly word for word."),
    )

    # Provenance: what the archive took in, from where and when.
    origin = models.CharField(
        _("origin"),
        max_length=1000,
        unique=True,
        help_text=_("Its identity: its URL, or the file path relative to the imported folder."),
    )
    file_path = models.CharField(_("file last read"), max_length=1000, blank=True)
    original = models.BinaryField(
        _("original"), help_text=_("The file's bytes, exactly as imported.")
    )
    sha256 = models.CharField(_("SHA-256 of the original"), max_length=64)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    imported_at = models.DateTimeField(_("imported at"))
    changed_at = models.DateTimeField(_("original last changed"))
    curated_fields = models.JSONField(
        _("curated fields"),
        default=list,
        blank=True,
        help_text=_("Fields a curator has fixed; re-imports keep them."),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [models.F("published_on").desc(nulls_last=True), "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["sha256"], name="articles_article_sha256_unique"),
            models.CheckConstraint(
                condition=Q(date_precision__in=[p.value for p in DatePrecision]),
                name="articles_article_precision_valid",
            ),
            # A date and its precision come together: no date means "unknown", and
            # "unknown" never hides a guessed date.
            models.CheckConstraint(
                condition=(
                    Q(published_on__isnull=True, date_precision=DatePrecision.UNKNOWN)
                    | (Q(published_on__isnull=False) & ~Q(date_precision=DatePrecision.UNKNOWN))
                ),
                name="articles_article_date_matches_precision",
            ),
        ]
        indexes = [
            # Serves newest-first on SQLite (NULLs sort lowest there) and, scanned
            # backwards, oldest-first on PostgreSQL; migration 0005 adds PostgreSQL's
            # NULLS LAST twins, which SQLite cannot declare.
            models.Index(fields=["-published_on", "-id"], name="articles_article_newest_idx"),
            models.Index(fields=["source", "-published_on"], name="articles_article_source_idx"),
            models.Index(fields=["language", "-published_on"], name="articles_article_lang_idx"),
            # Covers the date, source and language facets of a source-filtered
            # page: without it the language facet read every row of the source,
            # body and original included (SQLite, source=trend at 100k: 350 ms).
            models.Index(
                fields=["source", "language", "published_on"], name="articles_article_facets_idx"
            ),
            models.Index(fields=["story", "published_on"], name="articles_article_story_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("articles:article", self.slug)

    def is_curated(self, field_name: str) -> bool:
        return field_name in self.curated_fields

    def decoded_original(self) -> str:
        """The original bytes as text, in the encoding they were read with."""
        data = bytes(self.original)
        try:
            return data.decode(self.encoding or "utf-8", errors="replace")
        except LookupError:  # an encoding name Python no longer knows
            return data.decode("utf-8", errors="replace")


class MentionQuerySet(models.QuerySet):
    def of_agreement(self, agreement: Agreement) -> MentionQuerySet:
        """The articles naming `agreement`, oldest first, undated last on
        either database, each with its source and without its texts."""
        return (
            self.filter(agreement=agreement)
            .select_related("article__source")
            .defer("article__original", "article__body")
            .order_by(models.F("article__published_on").asc(nulls_last=True), "article__pk")
        )


class Mention(models.Model):
    """An article naming an agreement, with the sentence that names it."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("article")
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("agreement")
    )
    sentence = models.TextField(_("sentence"), blank=True)
    is_signed = models.BooleanField(
        _("is signed"), default=True, help_text=_("The text says it was signed, not only planned.")
    )
    signed_on = models.DateField(_("date of signing in the text"), null=True, blank=True)
    date_note = models.CharField(
        _("how the date was read"),
        max_length=300,
        blank=True,
        help_text=_(
            "Set when the text gave the day and month only and the year was the article's."
        ),
    )

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "pk"]
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "agreement"], name="articles_mention_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} in {self.article}"


EventKind = _choices(
    "EventKind",
    events.EventKind,
    {
        "commission": _("meeting of the Intergovernmental Commission"),
        "forum": _("Interregional Forum"),
        "summit": _("summit"),
        "phone_call": _("phone call"),
        "visit": _("visit"),
        "talks": _("talks"),
    },
)
# An event is dated at least to its year: undated ones are never extracted.
EVENT_PRECISIONS = [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]


class Event(models.Model):
    """An event an article reports (a commission's meeting, a visit, a call…),
    dated as precisely as its sentence allows, apart from the article's own date."""

    Kind = EventKind

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="events", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    happened_on = models.DateField(
        _("date"), help_text=_("The first day of the month or year when only those are known.")
    )
    precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=[(p.value, p.label) for p in EVENT_PRECISIONS],
    )
    is_planned = models.BooleanField(
        _("is planned"), default=False, help_text=_("The text says it is still to come.")
    )
    sentence = models.TextField(_("sentence"), blank=True)
    date_note = models.CharField(
        _("how the date was read"),
        max_length=300,
        blank=True,
        help_text=_("Set when the year or the day was taken from the article's date."),
    )

    class Meta:
        ordering = ["happened_on", "kind", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "happened_on", "precision"],
                name="articles_event_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in EventKind]),
                name="articles_event_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(precision__in=[p.value for p in EVENT_PRECISIONS]),
                name="articles_event_precision_valid",
            ),
        ]
        indexes = [
            # The timeline: a kind's (or every kind's) events in date order.
            models.Index(fields=["kind", "happened_on"], name="articles_event_timeline_idx"),
            # The list's event-date filter: the articles with an event in a date range.
            models.Index(fields=["happened_on", "article"], name="articles_event_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.happened_on.isoformat()}"


class Revision(models.Model):
    """An earlier original of an article, kept when its file changed."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("article")
    )
    original = models.BinaryField(_("original"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    file_path = models.CharField(_("file path"), max_length=1000, blank=True)
    imported_at = models.DateTimeField(
        _("imported at"), help_text=_("When this version was first taken in.")
    )
    superseded_at = models.DateTimeField(
        _("superseded at"), help_text=_("When a changed file replaced it.")
    )

    class Meta:
        ordering = ["-superseded_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "sha256"], name="articles_revision_sha256_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} as of {self.imported_at:%Y-%m-%d %H:%M}"


# The longest word the vocabulary keeps: a longer run of letters is glued text, not a word.
WORD_LENGTH = 40


class Word(models.Model):
    """A word of the articles' titles and bodies and how many articles hold it:
    the vocabulary "did you mean" suggests from (articles.search.suggest).

    articles.vocabulary keeps it current as articles are stored, edited and
    deleted; its trigram index (pg_trgm, FTS5) lives in migration 0013.
    """

    text = models.CharField(
        max_length=WORD_LENGTH, help_text="Folded (articles.ingest.language.fold): the lookup key."
    )
    spelling = models.CharField(
        max_length=WORD_LENGTH,
        help_text="In lower case as an article writes it: what a suggestion searches for.",
    )
    article_count = models.PositiveIntegerField(help_text="How many articles hold the word.")

    class Meta:
        ordering = ["text"]
        constraints = [
            models.UniqueConstraint(fields=["text"], name="articles_word_text_unique"),
            # A word no article holds any more is deleted, never kept at zero.
            models.CheckConstraint(
                condition=Q(article_count__gte=1), name="articles_word_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.article_count})"


class ArticleFingerprint(models.Model):
    """An article's MinHash signature (articles.ingest.fingerprint): what
    estimates how much of its text another article shares."""

    article = models.OneToOneField(
        Article,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="fingerprint",
        verbose_name=_("article"),
    )
    # None for a text without words to compare, whose title may still give event keys.
    signature = models.BinaryField(_("signature"), null=True)
    shingle_count = models.PositiveIntegerField(
        _("shingle count"), help_text=_("How many distinct word shingles the text holds.")
    )
    # Kept with the signature so the candidate lookup weighs an event candidate
    # without counting its keys (articles.stories.neighbours).
    event_key_count = models.PositiveSmallIntegerField(
        _("event key count"), help_text=_("How many event keys (names, figures) the article holds.")
    )

    class Meta:
        ordering = ["article"]
        verbose_name = _("fingerprint")
        verbose_name_plural = _("fingerprints")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.shingle_count} shingles"


class ArticleBand(models.Model):
    """One indexed key of an article: an LSH band key of its signature (articles
    sharing one are candidate copies) or an event key, a name or figure it gives
    (articles sharing several are candidate reports of one event). The two are
    hashed apart (articles.ingest.fingerprint), so a lookup finds its own kind.

    Keyed by the key, then the article: the index the candidate lookup reads, and
    no id, sequence or unique index besides it for the fifty keys a filed article
    writes. Nor a foreign key in the database, which checked each key's article:
    Django deletes an article's keys with it (on_delete), articles.stories when it
    files the article again (bench/RESULTS.md, issue 16)."""

    pk = models.CompositePrimaryKey("band", "article")
    band = models.BigIntegerField(_("band key"))
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        db_constraint=False,
        related_name="bands",
        verbose_name=_("article"),
    )

    class Meta:
        ordering = ["article", "band"]
        verbose_name = _("band key")
        verbose_name_plural = _("band keys")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.band}"


class ChampionList(models.Model):
    """One word's champion list (articles.search.tiers): the articles a word,
    as one stemming configuration writes it, weighs most in, by the search
    backend's own weight, so a relevance search ranks the best of the whole
    archive and not only its newest matches. Only words in more articles than
    a list holds have one; `floor` bounds every matching article left out."""

    config = models.CharField(_("configuration"), max_length=16)
    term = models.CharField(
        _("term"), max_length=100, help_text=_("A stem, as the index holds it.")
    )
    floor = models.FloatField(
        _("floor"), help_text=_("The lowest weight in the list: no article outside weighs more.")
    )
    article_count = models.PositiveIntegerField(
        _("article count"), help_text=_("How many articles held the term when the list was built.")
    )

    class Meta:
        ordering = ["config", "term"]
        verbose_name = _("champion list")
        verbose_name_plural = _("champion lists")
        constraints = [
            # Leads with the term: upkeep looks an article's terms up in every configuration.
            models.UniqueConstraint(fields=["term", "config"], name="articles_championlist_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.config}:{self.term}"


class Champion(models.Model):
    """An article on a champion list, with the weight the term has in it.
    Deleting the article deletes it: a list never names a missing article."""

    champion_list = models.ForeignKey(
        ChampionList, on_delete=models.CASCADE, related_name="champions", verbose_name=_("list")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )
    impact = models.FloatField(_("weight"))

    class Meta:
        ordering = ["champion_list", "-impact", "article"]
        verbose_name = _("champion")
        verbose_name_plural = _("champions")
        constraints = [
            # Leads with the list: the index a search reads a list through.
            models.UniqueConstraint(
                fields=["champion_list", "article"], name="articles_champion_unique"
            ),
        ]
        indexes = [
            # The lowest of a list, which upkeep drops past its length.
            models.Index(fields=["champion_list", "impact"], name="articles_champion_by_impact"),
        ]

    def __str__(self) -> str:
        return f"{self.champion_list_id}: {self.article_id} ({self.impact:.4f})"
