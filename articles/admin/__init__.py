"""Curation in the Django admin: the last step of the flow, where staff fix
what the importer got wrong and review what it suggested.

Editing an article marks the fields the curator changed as curated, so a
re-import leaves them alone. Merges, reviews and bulk tagging are admin
actions that collect the curator's choice on an intermediate page and hand it
to `articles.curation`, which does the work in one transaction and writes the
history.

One module per thing a curator works on; importing them registers their admins.
"""

from articles.admin import agreements, articles, sources, stories, tags

__all__ = ["agreements", "articles", "sources", "stories", "tags"]
