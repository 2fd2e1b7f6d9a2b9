"""Settings for benchmarks and the load test: the production settings, with
static files collected and facet counts cached under bench/data/ instead of
the project's STATIC_ROOT and var/cache (a cold run empties its cache).

DEBUG, SECRET_KEY, ALLOWED_HOSTS and the rest still come from the environment,
set by bench/run.py and bench/loadtest.py the way an operator would.
"""

from archive.settings import *  # noqa: F403
from archive.settings import BASE_DIR, CACHES

STATIC_ROOT = BASE_DIR / "bench" / "data" / "static"
# Only the file cache moves: CACHE_URL=db://… (bench/loadtest.py --servers 2) names a table.
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["default"]["LOCATION"] = BASE_DIR / "bench" / "data" / "cache"
    CACHES["pages"]["LOCATION"] = BASE_DIR / "bench" / "data" / "cache" / "pages"
