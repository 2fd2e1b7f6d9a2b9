"""Settings for the archive: one module, every difference between machines
coming from the environment (DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS).

With none of them set the site runs locally on SQLite in debug mode; with
DEBUG=0 a real SECRET_KEY and ALLOWED_HOSTS are required and the secure
defaults keep `manage.py check --deploy` clean.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from archive.env import (
    cache_config,
    database_config,
    env_bool,
    env_list,
    page_cache_config,
    replica_configs,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-never-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"), base_dir=BASE_DIR)}
# Reusing connections saves a PostgreSQL handshake (several ms) on every request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
USES_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# The web server's bound on one statement (scripts/serve sets it): a request
# that would run longer fails alone instead of holding a worker.
if USES_POSTGRES and os.environ.get("STATEMENT_TIMEOUT_MS"):
    DATABASES["default"]["OPTIONS"]["options"] += (
        f" -c statement_timeout={int(os.environ['STATEMENT_TIMEOUT_MS'])}"
    )
# Streaming standbys that serve public reads (archive/routers.py); empty: none.
DATABASES |= replica_configs(env_list("DATABASE_REPLICA_URLS", []), primary=DATABASES["default"])
READ_REPLICAS = [alias for alias in DATABASES if alias != "default"]
# Behind PgBouncer's transaction pooling a server session lasts one transaction,
# so no server-side cursor may outlive it (README, "From one machine to several").
if env_bool("DATABASE_TRANSACTION_POOLING", False):
    for _config in DATABASES.values():
        _config["DISABLE_SERVER_SIDE_CURSORS"] = True
DATABASE_ROUTERS = ["archive.routers.PrimaryReplicaRouter"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.redirects",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    *(["django.contrib.postgres"] if USES_POSTGRES else []),
    "django_filters",
    # The read-only JSON API (articles/api), its OpenAPI schema and offline docs, CORS.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "axes",
    "articles",
    # migrate creates the database cache's table (archive/apps.py).
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that answers by itself (CommonMiddleware's redirects), for /api/ only.
    "corsheaders.middleware.CorsMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface's language: the reader's choice (set_language's cookie),
    # else the browser's Accept-Language; URLs carry no language prefix.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A public page a reader without a session asked for under the archive's
    # current version is answered from the cache: before the replica is
    # chosen, so such an answer costs no database at all.
    "archive.middleware.PageCacheMiddleware",
    # After authentication: a curator's requests read the primary.
    "archive.middleware.ReadDatabaseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so merged tags and agreements redirect only where nothing else answered.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Axes answers a locked-out login itself, so it wraps everything else.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The archive's readers: English, Russian, Azerbaijani (locale/, compiled by scripts/setup),
# each named in its own language for the switcher. British English keeps day-first dates.
LANGUAGES = [("en-gb", "English"), ("ru", "Русский"), ("az", "Azərbaycanca")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names need collectstatic, so only production uses them.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Guessing curators' passwords: after 5 failures for one user name, or from one
# address, logins are refused (HTTP 429) for a cool-off period; staff see the
# attempts under "Axes" in the admin and can lift a lock-out by deleting it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "archive.lockout.locked_out"
# Behind N reverse proxies that append to X-Forwarded-For (nginx's
# $proxy_add_x_forwarded_for), the client is the entry N from the right; with
# none, only the socket's address counts, so the header cannot be forged.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# The read-only JSON API (articles/api): anonymous, JSON only, throttled per
# client address, which DRF reads by the same rule as the lock-outs above
# (NUM_PROXIES entries from the right of X-Forwarded-For, else the socket's).
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["articles.api.throttling.AnonymousRateThrottle"],
    "EXCEPTION_HANDLER": "articles.api.errors.errors_as_json",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Azerbaijan–Russia news archive API",
    "DESCRIPTION": (
        "Read-only JSON over the archive's articles, sources, tags and agreements. "
        "/api/articles/ takes exactly the list page's parameters and returns the same "
        "articles in the same order."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files come from drf-spectacular-sidecar through WhiteNoise: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "ENUM_NAME_OVERRIDES": {
        "TagKindEnum": "articles.models.TagKind",
        "AgreementKindEnum": "articles.models.AgreementKind",
    },
}
# CORS for GET under /api/ only. The API's data is public and it reads no
# cookies or credentials, so a page on any origin (a notebook in a browser)
# may read it; API_CORS_ORIGINS (comma-separated https://host) narrows that.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS", [])
CORS_ALLOW_ALL_ORIGINS = not CORS_ALLOWED_ORIGINS

# The list page's facets and listing data, kept under the archive's version
# (articles/changes.py), which lives in this cache too: a change retires them
# and a long lifetime is safe. CACHE_URL chooses where (archive/env.py): files
# by default, so every worker on one machine shares one reader's counting and
# it survives a restart; db:// or redis:// when several servers share it.
CACHE_DIR = Path(os.environ.get("CACHE_DIR") or BASE_DIR / "var" / "cache")
# Archives on two databases never read each other's counts.
_CACHE_PREFIX = hashlib.sha256(str(DATABASES["default"]["NAME"]).encode()).hexdigest()[:12]
CACHES = {
    # Each entry is one page's facet counts, slug lists or spellings.
    "default": cache_config(os.environ.get("CACHE_URL"), default_dir=CACHE_DIR, max_entries=5_000)
    | {"TIMEOUT": 24 * 60 * 60, "KEY_PREFIX": _CACHE_PREFIX},
    # Rendered public pages (archive.middleware.PageCacheMiddleware), apart from the
    # counts, which many large pages would otherwise cull.
    "pages": page_cache_config(
        os.environ.get("CACHE_URL"), default_dir=CACHE_DIR, max_entries=5_000
    )
    | {"KEY_PREFIX": f"{_CACHE_PREFIX}-pages"},
    # The API's per-address request counts, apart from the counts pages share:
    # many clients' addresses must not cull the facets out of the cache.
    "throttle": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": CACHE_DIR / "throttle",
        "TIMEOUT": 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 20_000},
        "KEY_PREFIX": _CACHE_PREFIX,
    },
}
# How long a rendered page is kept. The archive's version retires it at any
# change first; this bounds what nothing moves: a deploy's new templates or code
# (empty the "pages" cache to show them at once). 0 turns the page cache off, as
# under DEBUG, where a template being edited must show at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))

# Security: secure by default once DEBUG is off; each switch can be turned off
# from the environment for a plain-HTTP benchmark on 127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "archive.log_filters.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "filters": ["without_traceback"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["one_line"], "propagate": False},
    },
}
