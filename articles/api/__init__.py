"""The read-only JSON API at /api/ (render): the list page's results, one
article with its body and import history, the sources, tags and agreements.

The articles come from the list page's one listing (articles/listing.py),
with its parameters, validation and messages; this package only renders
them as JSON and describes them in OpenAPI (schema.py).
"""
