"""Gunicorn's settings for serving the archive (scripts/serve reads them).

Threaded workers wait for a request's first bytes in a poller and give each
request a thread of its own, so a few clients that trickle their headers
hold a thread each, not a whole worker: pages stay up. Many such clients are
a front's job: put nginx (or any buffering proxy) before this in production
(README, "Serving").
"""

import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "8"))
# A request still running after this long gets its worker restarted.
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Requests larger than a real reader's are refused before Django sees them.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
