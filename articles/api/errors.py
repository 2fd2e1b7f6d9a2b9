"""How the API refuses a request: bad parameters as a 400 with
{"errors": {parameter: [messages]}}, the list page's own messages; any other
refusal (404, 405, 429) as REST framework's {"detail": message}."""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler


def errors_as_json(exc: Exception, context: dict) -> Response | None:
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        detail = response.data
        response.data = {"errors": detail if isinstance(detail, dict) else {"__all__": detail}}
    return response
