"""An article's citation in its page (render): the Highwire `citation_*`
meta tags and a schema.org NewsArticle description that reference managers
(Zotero's connector) read, and the original's web address."""

from __future__ import annotations

import json

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from articles.citations import CitationFields, iso_date, web_address
from articles.models import Article

register = template.Library()

# Characters that could end a <script> element or open markup inside it,
# written as JSON escapes (what json_script does for application/json).
SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})

register.filter("web_address", web_address)


@register.inclusion_tag("articles/includes/citation_meta.html")
def citation_meta(article: Article, permalink: str) -> dict:
    fields = CitationFields.from_article(
        article, permalink=permalink, accessed=timezone.localdate()
    )
    return {
        "fields": fields,
        "date": "/".join(f"{part:02d}" for part in fields.date_parts),
        "linked_data": linked_data(fields),
    }


def linked_data(fields: CitationFields) -> SafeString:
    """The schema.org NewsArticle as JSON safe inside a <script> element."""
    described = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": fields.title,
        "inLanguage": fields.language,
        "url": fields.permalink,
    }
    if fields.date_parts:
        described["datePublished"] = iso_date(fields.published, fields.precision)
    if fields.publisher:
        described["publisher"] = {"@type": "Organization", "name": fields.publisher}
    if fields.authors:
        described["author"] = [
            {"@type": "Person", "name": f"{person.given} {person.family}"}
            for person in fields.authors
        ]
    if fields.original_url:
        described["isBasedOn"] = fields.original_url
    return mark_safe(json.dumps(described, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308
