"""The selftest's checks that need Qt (when it is installed): translations, GUI modules, Qt itself.

Kept apart from :mod:`lei_desktop.selftest` so that module stays about the store, the claim and
the PDF; the runner there lists these in ``CHECKS``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from lei_desktop.paths import i18n_dir, resource

if TYPE_CHECKING:
    from lei_desktop.selftest import Selftest

TRANSLATION_FILE = "lei_desktop_zh_CN.qm"


def check_translations(st: Selftest) -> str:
    qm = i18n_dir() / TRANSLATION_FILE
    if not qm.is_file():
        raise FileNotFoundError(str(qm))
    try:
        from PySide6.QtCore import QLibraryInfo, QTranslator
    except ImportError:  # a core-only install: the file must at least be a real .qm
        data = qm.read_bytes()
        if not data.startswith(bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")):
            raise ValueError(f"{qm.name} is not a Qt translation file") from None
        return f"{qm.name}: {len(data)} bytes (PySide6 not installed: file checked only)"
    ours = QTranslator()
    if not ours.load(str(qm)) or ours.isEmpty():
        raise ValueError(f"QTranslator could not load {qm}")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if not qtbase.load("qtbase_zh_CN", qt_dir):
        raise ValueError(f"Qt's own qtbase_zh_CN.qm not found in {qt_dir}")
    return f"{qm.name} + qtbase_zh_CN.qm"


def check_locale_data(st: Selftest) -> str:
    """What Qt takes from ICU (which the Linux bundle carries trimmed to Chinese and English, see
    ``packaging/icu_data.py``): Chinese collation in pinyin order, Chinese time-zone names and the
    codecs of the users' files."""
    try:
        from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
    except ImportError:
        return "PySide6 not installed: not checked"
    names = ["张三", "北京", "阿里", "王五"]
    ordered = sorted(names, key=QCollator(QLocale("zh_CN")).sortKey)
    if ordered != ["阿里", "北京", "王五", "张三"]:  # a, b, w, z in pinyin; code-point order differs
        raise ValueError(f"Chinese collation gives {ordered}")
    zone = QTimeZone(b"Asia/Shanghai")
    if zone.offsetFromUtc(QDateTime.currentDateTime()) != 8 * 3600:
        raise ValueError("Asia/Shanghai is not UTC+8")
    zone_name = zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("zh_CN"))
    codecs = ["GB18030", "GBK", "Big5", "Shift_JIS", "Windows-1252"]
    missing = [c for c in codecs if not QStringDecoder(c).isValid()]
    if missing:
        raise ValueError(f"codecs missing: {missing}")
    return f"{'<'.join(ordered)}; {zone_name}; {'/'.join(codecs)}"


def check_gui_modules(st: Selftest) -> str:
    """Import every ``lei_desktop.ui`` module: a Qt module the spec left out shows up here."""
    import pkgutil

    try:
        import PySide6  # noqa: F401
    except ImportError:
        return "PySide6 not installed: GUI not checked"
    ui = importlib.import_module("lei_desktop.ui")
    names = [info.name for info in pkgutil.walk_packages(ui.__path__, "lei_desktop.ui.")]
    for name in names:
        importlib.import_module(name)
    importlib.import_module("lei_desktop.app")
    return f"{len(names) + 1} modules"


def check_qt_starts(st: Selftest) -> str:
    """A QApplication on this machine's platform plugin (offscreen where there is no display), the
    bundled font registered with Qt, and a label drawn with it. Last of the checks: if Qt cannot
    start at all it aborts the process, and every earlier line has been printed by then."""
    try:
        from PySide6.QtGui import QFont, QFontDatabase, QIcon
        from PySide6.QtWidgets import QApplication, QLabel
    except ImportError:
        return "PySide6 not installed: GUI not checked"
    if sys.platform.startswith("linux") and not x_display_reachable(os.environ.get("DISPLAY", "")):
        # no X server to talk to (the bundle has no Wayland plugin): Qt would abort the whole process
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["lei-cli"])
    from lei_desktop.selftest import bundled_fonts

    fonts = bundled_fonts()
    if not fonts:
        raise FileNotFoundError(str(resource("fonts")))
    font_id = QFontDatabase.addApplicationFont(str(fonts[0]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise ValueError(f"Qt could not load {fonts[0].name}")
    label = QLabel("索赔申请书 Claim Form 堃昇珺 ¥1,409.50")
    label.setFont(QFont(families[0], 12))
    if label.grab().isNull():
        raise ValueError("Qt drew nothing")
    if QIcon(str(resource("icons", "lei.png"))).isNull():
        raise ValueError("the application icon does not load")
    from PySide6.QtGui import QImageReader

    readable = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    wanted = {suffix.lstrip(".") for suffix in receipt_image_suffixes()}
    if wanted - readable:
        raise ValueError(f"Qt cannot read receipt images: {sorted(wanted - readable)}")
    return f"platform {app.platformName()}, font {families[0]}, images {'/'.join(sorted(wanted))}"


def x_display_reachable(display: str) -> bool:
    """Whether an X server answers at ``display`` (``:0``, ``host:1.0``); a stale DISPLAY in a
    container or an ssh session must not make Qt abort the selftest."""
    import socket

    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    try:
        if host in ("", "unix"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(1.0)
                sock.connect(f"/tmp/.X11-unix/X{number}")
        else:
            socket.create_connection((host, 6000 + int(number)), timeout=1.0).close()
    except OSError:
        return False
    return True


def receipt_image_suffixes() -> tuple[str, ...]:
    """The image types the expense editor previews (its own list, when the GUI is there)."""
    try:
        return importlib.import_module("lei_desktop.ui.expense_editor").IMAGE_SUFFIXES
    except (ImportError, AttributeError):
        return (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp")
