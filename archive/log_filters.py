"""Logging filters for the settings' LOGGING.

A request with a Host header outside ALLOWED_HOSTS is noise from scanners:
Django logs it with a full traceback, dozens of lines per request, which
buries everything else. `WithoutTraceback` keeps it to one line.
"""

from __future__ import annotations

import logging
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class WithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        # The header's value is the client's: it must not start lines of its own.
        record.msg = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", record.getMessage())
        record.args = ()
        return True
