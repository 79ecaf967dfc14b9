"""The spec's trimming rules, for the Linux layout CI builds and the Windows layout users get."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_rules  # noqa: E402

LINUX = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),  # scanned receipts
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
    ("PySide6/Qt/plugins/imageformats/libqicns.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("i18n/lei_desktop_zh_CN.qm", True),  # ours, not Qt's: never filtered
    ("resources/fonts/LeiSansSC-Regular.ttf", True),
    ("lei_desktop/store/migrations/env.py", True),
]
WINDOWS = [
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6\\plugins\\imageformats\\qjpeg.dll", True),
    ("PySide6\\plugins\\imageformats\\qtiff.dll", True),
    ("PySide6\\plugins\\imageformats\\qtga.dll", False),
    ("PySide6\\plugins\\sqldrivers\\qsqlite.dll", False),
    ("PySide6\\plugins\\tls\\qschannelbackend.dll", False),
    ("PySide6\\translations\\qtbase_zh_CN.qm", True),
    ("PySide6\\translations\\qtbase_ja.qm", False),
    ("PySide6\\Qt6Widgets.dll", True),
    ("PySide6\\Qt6Quick.dll", False),
    ("PySide6\\opengl32sw.dll", False),
    ("PySide6\\d3dcompiler_47.dll", False),
    ("i18n\\lei_desktop_zh_CN.qm", True),
]


@pytest.mark.parametrize(("dest", "kept"), LINUX)
def test_linux_layout(dest, kept):
    assert bundle_rules.keep(dest, windows=False) is kept


@pytest.mark.parametrize(("dest", "kept"), WINDOWS)
def test_windows_layout(dest, kept):
    assert bundle_rules.keep(dest, windows=True) is kept


def test_excluded_qt_modules_are_not_the_ones_the_app_uses():
    used = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}
    assert used.isdisjoint(bundle_rules.QT_EXCLUDES)
    imported = set()
    for path in (ROOT / "lei_desktop").rglob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            words = line.replace(",", " ").split()
            for w in words:
                if w.startswith("PySide6.Qt"):
                    imported.add(w.split(".")[1])
    assert imported and imported.isdisjoint(bundle_rules.QT_EXCLUDES), imported & set(bundle_rules.QT_EXCLUDES)


def test_orphan_libraries_are_pruned_and_needed_ones_kept():
    deps = {
        "/x/QtGui.abi3.so": [("libQt6Gui.so.6", "/x/libQt6Gui.so.6")],
        "/x/libQt6Gui.so.6": [("libfreetype.so.6", "/x/libfreetype.so.6")],
        "/x/libfreetype.so.6": [("libz.so.1", "/x/libz.so.1")],
        "/x/libqxcb.so": [("libxcb.so.1", None)],
        "/x/libpython3.11.so.1.0": [],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/x/libfreetype.so.6", "BINARY"),
        ("libz.so.1", "/x/libz.so.1", "BINARY"),  # needed two steps away
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("libxcb.so.1", "/x/libxcb.so.1", "BINARY"),
        ("libpython3.11.so.1.0", "/x/libpython3.11.so.1.0", "BINARY"),
        ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),  # only a dropped GTK plugin wanted it
    ]
    kept, dropped = bundle_rules.prune_orphan_libraries(binaries, lambda src: deps.get(src, []))
    assert [d for d, _, _ in dropped] == ["libcairo.so.2"]
    assert len(kept) == len(binaries) - 1
