"""What a locked-out login sees: django-axes calls `locked_out` once a user
name or an address has failed too often (settings: AXES_*)."""

from __future__ import annotations

from http import HTTPStatus

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request: HttpRequest, response: HttpResponse | None, credentials: dict | None):
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60))
    page = render(
        request,
        "admin/locked_out.html",
        {
            **admin.site.each_context(request),
            "is_nav_sidebar_enabled": False,
            "minutes": minutes,
            "title": _("Too many failed logins"),
        },
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )
    page["Retry-After"] = str(int(cool_off.total_seconds()))
    return page
