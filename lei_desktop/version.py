"""The one version number lives in pyproject.toml; this reads it wherever the code runs."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path


def _read_version() -> str:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():  # running from a source checkout: the file is the truth
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
        if match:
            return match.group(1)
    try:
        return metadata.version("lei-desktop")
    except metadata.PackageNotFoundError:
        return "0.0.0+unknown"


__version__ = _read_version()
