"""Users for the admin tests: a curator (staff in the Curators group, not a
superuser), a signed-in client for them, and a parser that reads a change
form back into the data a browser would post."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


@pytest.fixture
def curator(db):
    user = get_user_model().objects.create_user("curator", password="pw-curator-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


class FormData(HTMLParser):
    """What a browser submits for the page's forms: inputs with their values,
    checked boxes, selected options and textareas."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str | list[str]] = {}
        self.select: str | None = None
        self.multiple = False
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio"):
                self.data[name] = attrs.get("value") or ""
            elif "checked" in attrs:
                self.data.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "select" and name:
            self.select, self.multiple = name, "multiple" in attrs
            if self.multiple:
                self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            value = attrs.get("value", "")
            if self.multiple:
                self.data[self.select].append(value)
            else:
                self.data[self.select] = value
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def form_data(html: str) -> dict:
    parser = FormData()
    parser.feed(html)
    return parser.data


def history(obj) -> list:
    """The admin history entries of one object, oldest first."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).order_by("action_time", "pk")
    )
