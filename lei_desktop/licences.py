"""What the About dialog lists: the bundled font and libraries, with their licences.

``bundled_licences()`` returns ``(name, licence, text_or_url)`` tuples: the full licence text where
the bundle carries it (the font's OFL), otherwise where to read it. Versions are added when the
package metadata is available (from source always; in the frozen build for the packages the spec
copies metadata for). Keep ``DISTRIBUTIONS`` in step with ``[project].dependencies`` in
pyproject.toml: ``tests/packaging/test_licences.py`` checks that every runtime dependency is here.
"""

from __future__ import annotations

import sys
from importlib import metadata

from lei_desktop.paths import resource

#: distribution name -> (display name, SPDX licence, where to read it)
DISTRIBUTIONS: dict[str, tuple[str, str, str]] = {
    "PySide6-Essentials": ("Qt for Python (PySide6) / Qt 6", "LGPL-3.0-only",
                           "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    "shiboken6": ("Shiboken6", "LGPL-3.0-only", "https://code.qt.io/cgit/pyside/pyside-setup.git/tree/LICENSES"),
    "SQLAlchemy": ("SQLAlchemy", "MIT", "https://github.com/sqlalchemy/sqlalchemy/blob/main/LICENSE"),
    "alembic": ("Alembic", "MIT", "https://github.com/sqlalchemy/alembic/blob/main/LICENSE"),
    "Mako": ("Mako", "MIT", "https://github.com/sqlalchemy/mako/blob/main/LICENSE"),
    "MarkupSafe": ("MarkupSafe", "BSD-3-Clause", "https://github.com/pallets/markupsafe/blob/main/LICENSE.txt"),
    "reportlab": ("ReportLab", "BSD-3-Clause", "https://www.reportlab.com/documentation/faq/#1.1"),
    "rl-accel": ("ReportLab accelerator (rl_accel)", "BSD-3-Clause", "https://hg.reportlab.com/hg-public/rl-accel"),
    "pypdf": ("pypdf", "BSD-3-Clause", "https://github.com/py-pdf/pypdf/blob/main/LICENSE"),
    "Pillow": ("Pillow", "MIT-CMU", "https://github.com/python-pillow/Pillow/blob/main/LICENSE"),
    "openpyxl": ("openpyxl", "MIT", "https://foss.heptapod.net/openpyxl/openpyxl/-/blob/branch/3.1/LICENCE.rst"),
    "et_xmlfile": ("et_xmlfile", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile/-/blob/branch/default/LICENCE.rst"),
    "cryptography": ("cryptography (with OpenSSL)", "Apache-2.0 OR BSD-3-Clause",
                     "https://github.com/pyca/cryptography/blob/main/LICENSE"),
    "cffi": ("CFFI", "MIT-0", "https://github.com/python-cffi/cffi/blob/main/LICENSE"),
    "num2words": ("num2words", "LGPL-2.1-or-later", "https://github.com/savoirfairelinux/num2words/blob/master/COPYING"),
    "typing_extensions": ("typing_extensions", "PSF-2.0",
                          "https://github.com/python/typing_extensions/blob/main/LICENSE"),
}

PYTHON = ("Python", "PSF-2.0", "https://docs.python.org/3/license.html")
FONT_FALLBACK = ("CJK font based on Noto Sans SC, TrueType outlines", "OFL-1.1",
                 "https://openfontlicense.org/open-font-license-official-text/")


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def font_licences() -> list[tuple[str, str, str]]:
    """Every bundled font with the licence file beside it (``OFL.txt``), read in full."""
    folder = resource("fonts")
    fonts = sorted(p for p in folder.glob("*") if p.suffix.lower() in {".ttf", ".otf", ".ttc"}) if folder.is_dir() else []
    texts = sorted(folder.glob("OFL*.txt")) + sorted(folder.glob("LICEN[SC]E*")) if folder.is_dir() else []
    text = texts[0].read_text("utf-8", errors="replace") if texts else FONT_FALLBACK[2]
    licence = "OFL-1.1" if not texts or "SIL OPEN FONT LICENSE" in text.upper() else texts[0].stem
    if not fonts:
        return []
    return [(f"{p.stem}: {FONT_FALLBACK[0]}", licence, text) for p in fonts]


def bundled_licences() -> list[tuple[str, str, str]]:
    """``(name, licence, text_or_url)`` for the font, Python and every bundled library."""
    rows = font_licences()
    rows.append((f"{PYTHON[0]} {sys.version.split()[0]}", PYTHON[1], PYTHON[2]))
    for dist, (name, licence, url) in DISTRIBUTIONS.items():
        version = _version(dist)
        rows.append((f"{name} {version}" if version else name, licence, url))
    return rows


def licences_html() -> str:
    """The list as a compact HTML table for the About dialog: name and version, then the SPDX id
    linking to the licence (the font's links to the full text bundled beside it). Names and SPDX
    ids need no translation."""
    from html import escape

    folder = resource("fonts")
    font_texts = sorted(folder.glob("OFL*.txt")) if folder.is_dir() else []
    cells = []
    for name, licence, text_or_url in bundled_licences():
        if text_or_url.startswith(("http://", "https://")):
            href = text_or_url
        else:  # the full text travels with the bundle: link the file instead of pasting it
            href = font_texts[0].as_uri() if font_texts else FONT_FALLBACK[2]
        cells.append(f'<tr><td>{escape(name)}</td><td><a href="{escape(href)}">{escape(licence)}</a></td></tr>')
    return "<table cellspacing='2'>" + "".join(cells) + "</table>"
