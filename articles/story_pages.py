"""What the story pages show (render): a story's versions grouped by their
outlet's country and language, who reported it first, what each copy changed
against the version it copies, and any two versions compared word by word.

The rows come from the QuerySets (Article.objects.versions_in and friends);
this module only arranges them and diffs their texts (articles.wordiff).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from babel import Locale, UnknownLocaleError
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import get_language, gettext, to_locale

from articles.filters import language_label
from articles.models import Agreement, Article, Story, Tag
from articles.wordiff import WordDiff, diff_words


def country_name(code: str) -> str:
    """An ISO 3166-1 country named in the interface's language (CLDR's names,
    through Babel); outlets without a country go under "Other countries"."""
    if not code:
        return gettext("Other countries")
    try:
        locale = Locale.parse(to_locale(get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return locale.territories.get(code.upper(), code)


@dataclass
class Version:
    """One article of a story, and the earlier version it copies, if any."""

    article: Article
    original: Article | None = None
    changes: WordDiff | None = None
    # A rewrite in the first version's language: the page comparing the two.
    against_first_url: str | None = None

    @property
    def is_copy(self) -> bool:
        return self.original is not None

    @property
    def compare_url(self) -> str | None:
        """The page comparing this copy with the version it copies."""
        if self.original is None:
            return None
        return compare_url(self.article.story_id, self.original.slug, self.article.slug)


def compare_url(story_id: int, first: str, second: str) -> str:
    address = reverse("articles:story_compare", args=[story_id])
    return f"{address}?{urlencode({'a': first, 'b': second})}"


def _versions(articles: list[Article]) -> list[Version]:
    """Each article with the version it copies, when that one is in the story too."""
    by_id = {article.pk: article for article in articles}
    return [Version(article, by_id.get(article.copy_of_id)) for article in articles]


SHOWN_VERSIONS = 12


@dataclass
class VersionsAround:
    """The article page's "Also reported by": the other versions of its story, the
    earliest few named and the rest counted (a wire item may run on hundreds of
    outlets; the story's page shows every one)."""

    story_url: str
    this: Version
    others: list[Version]

    @property
    def shown(self) -> list[Version]:
        return self.others[:SHOWN_VERSIONS]

    @property
    def unshown(self) -> int:
        return max(len(self.others) - SHOWN_VERSIONS, 0)

    @classmethod
    def of(cls, article: Article, story_versions: list[Article]) -> VersionsAround | None:
        """From the story's versions that ArticleQuerySet.around read beside the rest."""
        if article.story_id is None:
            return None
        versions = _versions(story_versions)
        this = next((v for v in versions if v.article.pk == article.pk), Version(article))
        others = [version for version in versions if version.article.pk != article.pk]
        story_url = reverse("articles:story", args=[article.story_id])
        return cls(story_url, this, others)


@dataclass
class VersionGroup:
    """The versions from the outlets of one country in one language."""

    country: str
    language: str
    versions: list[Version] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{country_name(self.country)} · {language_label(self.language)}"


def by_country_and_language(versions: list[Version]) -> list[VersionGroup]:
    """Groups in the order of their first version, each in publication order."""
    groups: dict[tuple[str, str], VersionGroup] = {}
    for version in versions:
        source = version.article.source
        key = ((source.country if source else "") or "", version.article.language)
        groups.setdefault(key, VersionGroup(*key)).versions.append(version)
    return list(groups.values())


@dataclass
class Comparison:
    """Two versions of a story, the second's changes against the first."""

    first: Article
    second: Article
    changes: WordDiff


def compared(params: QueryDict, versions: list[Version]) -> tuple[Comparison | None, list[str]]:
    """The comparison `?a=<slug>&b=<slug>` asks for, or the reasons it cannot be made."""
    by_slug = {version.article.slug: version.article for version in versions}
    first, second = params.get("a", ""), params.get("b", "")
    errors = []
    if not first or not second:
        errors.append(gettext("Choose two versions to compare: a and b, each an article's slug."))
    for slug in (first, second):
        if slug and slug not in by_slug:
            shown = slug[:80]
            errors.append(gettext("“%(slug)s” is not a version of this story.") % {"slug": shown})
    if first and first == second:
        errors.append(gettext("Choose two different versions."))
    if errors:
        return None, errors
    older, newer = by_slug[first], by_slug[second]
    return Comparison(older, newer, diff_words(older.body, newer.body)), []


@dataclass
class StoryPage:
    """Everything /stories/<pk>/ shows, in a fixed number of queries."""

    story: Story
    versions: list[Version]
    groups: list[VersionGroup]
    people: list[Tag]
    documents: list[Agreement]

    @classmethod
    def of(cls, story: Story) -> StoryPage:
        versions = _versions(list(Article.objects.versions_in(story)))
        for version in versions:
            if version.original is not None:
                version.changes = diff_words(version.original.body, version.article.body)
        page = cls(
            story=story,
            versions=versions,
            groups=by_country_and_language(versions),
            people=list(Tag.objects.people_in_story(story)),
            documents=list(Agreement.objects.in_story(story)),
        )
        page.link_rewrites()
        return page

    def link_rewrites(self) -> None:
        """Each version in the first one's language that is not a copy gets a
        link comparing it with the first: what a rewrite added and left out."""
        first = self.first
        if first is None:
            return
        for version in self.versions:
            article = version.article
            is_rewrite = article.pk != first.article.pk and not version.is_copy
            if is_rewrite and article.language == first.article.language:
                version.against_first_url = compare_url(
                    self.story.pk, first.article.slug, article.slug
                )

    @cached_property
    def first(self) -> Version | None:
        """The version published first: the oldest dated one (kept: the page asks
        for it once per version)."""
        dated = [v for v in self.versions if v.article.published_on is not None]
        return dated[0] if dated else None
