"""The API's bound on anonymous clients: API_ANON_RATE requests per address."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """AnonRateThrottle at settings.API_ANON_RATE, read on each request (REST
    framework reads its own rates once, at import), so the environment sets
    it and a test can change it. Counted in a cache of its own."""

    cache = caches["throttle"]

    def get_rate(self) -> str:
        return settings.API_ANON_RATE
