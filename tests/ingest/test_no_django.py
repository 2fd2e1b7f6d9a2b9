"""The ingest stages are pure: importing them must not import Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("read", "parse", "language", "extract", "pipeline")


def test_imports_no_django_when_ingest_stages_are_loaded():
    imports = "; ".join(f"import articles.ingest.{module}" for module in MODULES)
    code = f"import sys; {imports}; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
