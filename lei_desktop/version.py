"""The one version number lives in pyproject.toml; this reads it wherever the code runs.

From a source checkout the file beside the package is read. A frozen build bundles the same
``pyproject.toml`` at the root of its resources (see ``packaging/lei_desktop.spec``), so the
same lookup through :func:`lei_desktop.paths.resource_root` finds it there.
"""

from __future__ import annotations

import re
import tomllib

from lei_desktop.paths import resource_root


def read_version() -> str:
    pyproject = resource_root() / "pyproject.toml"
    if pyproject.is_file():
        try:
            return str(tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"])
        except (tomllib.TOMLDecodeError, KeyError):
            pass
    from importlib import metadata  # only when pyproject.toml is missing: it costs 15 ms at start-up

    try:
        return metadata.version("lei-desktop")
    except metadata.PackageNotFoundError:
        return "0.0.0+unknown"


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """Four integers for the Windows version resource: ``0.1.0`` -> (0, 1, 0, 0), ``1.2rc1`` -> (1, 2, 0, 0)."""
    parts: list[int] = []
    for piece in (version or __version__).split("+")[0].split(".")[:4]:
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):  # a pre-release suffix ends the numeric part
            break
    a, b, c, d = (parts + [0, 0, 0, 0])[:4]
    return a, b, c, d


__version__ = read_version()
