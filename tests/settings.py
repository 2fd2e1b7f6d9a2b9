"""The project's settings, with the facet cache in a directory of this test
run's own: a developer's running archive and the tests never share counts."""

import atexit
import shutil
import tempfile

from archive.settings import *  # noqa: F403
from archive.settings import CACHES

_cache_dir = tempfile.mkdtemp(prefix="archive-test-cache-")
atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
CACHES["default"]["LOCATION"] = _cache_dir
CACHES["throttle"]["LOCATION"] = f"{_cache_dir}/throttle"
CACHES["pages"]["LOCATION"] = f"{_cache_dir}/pages"

# The test database starts empty: tests that want the register of known
# documents load it (store.add_register_entries), as an import run does.
AGREEMENT_REGISTER_ON_MIGRATE = False
