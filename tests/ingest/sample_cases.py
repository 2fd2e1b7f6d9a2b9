"""The hand-written sample articles and what a careful reader finds in them."""

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"


def expected_samples() -> list[dict]:
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["samples"]
