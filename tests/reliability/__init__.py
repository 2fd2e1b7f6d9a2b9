"""The reliability suite (pytest -m reliability): hostile files, kills and other drills."""
