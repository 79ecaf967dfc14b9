"""What the bundle leaves out: the rules ``lei_desktop.spec`` applies, kept here so tests can check
them for both layouts without running PyInstaller.

PySide6 wheels lay Qt out differently: on Windows ``PySide6/plugins``, ``PySide6/translations``
and the DLLs beside the bindings; on Linux and macOS under ``PySide6/Qt/``.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

# Qt modules the app never uses (it needs QtCore, QtGui, QtWidgets; QtSvg/QtPrintSupport at most).
# QtNetwork alone brings 5 MB (Kerberos, OpenSSL glue): if the GUI ever needs it (QLocalServer), take
# it off this list -- the selftest imports every lei_desktop.ui module, so a missing one shows up.
QT_EXCLUDES = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]

PYTHON_EXCLUDES = [
    # development only
    "tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "pytest", "_pytest", "pytestqt", "hypothesis",
    "IPython", "numpy", "pandas", "matplotlib", "setuptools", "pip", "PyInstaller", "fontTools",
    "psycopg", "psycopg2",
    # optional extras of mako/alembic, and help()
    "pygments", "pydoc_data",
    # No network in this app: without ssl and _hashlib OpenSSL (5.5 MB) stays out; hashlib then uses
    # Python's own SHA-256/MD5/BLAKE2, and cryptography carries its own OpenSSL for backups.
    "ssl", "_ssl", "_hashlib", "readline",
    # the store speaks SQLite and PostgreSQL only; alembic names the other dialects for type checking
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    # test helpers of the libraries, and what only their ``if __name__ == "__main__"`` blocks import
    "sqlalchemy.testing", "mako.testing", "reportlab.lib.testutils", "reportlab.graphics.testshapes",
    "unittest", "doctest", "pydoc",
    # Pillow's AVIF codec drags in a 5 MB library; attachments are PDF, JPEG, PNG, TIFF or WebP
    "PIL.AvifImagePlugin", "PIL._avif", "PIL.ImageTk", "PIL.ImageQt",
]

EXCLUDES = [f"PySide6.{m}" for m in QT_EXCLUDES] + PYTHON_EXCLUDES

# plugin folders nothing in the app needs (QML tooling, Designer, SQL drivers, EGL device
# integrations, TLS backends, network information, virtual keyboards, input-device drivers, ...)
DROP_PLUGIN_DIRS = {
    "qmltooling", "designer", "sqldrivers", "egldeviceintegrations", "wayland-graphics-integration-server",
    "networkinformation", "tls", "virtualkeyboard", "generic", "multimedia", "position", "sensors",
    "sceneparsers", "renderers", "geometryloaders", "texttospeech", "webview", "assetimporters", "canbus",
    # Linux only (CI runs offscreen, a Linux desktop uses xcb): Wayland clients
    "wayland-decoration-client", "wayland-graphics-integration-client", "wayland-shell-integration",
}
# single plugins: the GTK3 theme pulls in GTK, Cairo and Pango; embedded-device platforms; image
# formats no receipt comes in (the expense editor previews PNG, JPEG, BMP, GIF, WebP and TIFF --
# those stay; the selftest checks Qt can read each of them)
DROP_PLUGIN_FILES = {
    "libqgtk3.so", "libqeglfs.so", "libqlinuxfb.so", "libqminimalegl.so", "libqvkkhrdisplay.so", "libqvnc.so",
    "libqwayland.so", "libqicns.so", "libqtga.so", "libqwbmp.so",
    "qicns.dll", "qtga.dll", "qwbmp.dll", "qdirect2d.dll",
}
# shared libraries that only excluded modules or dropped plugins use; on Windows also Qt's software
# OpenGL renderer (20 MB) and the Direct3D shader compiler, which only Qt Quick/OpenGL widgets load
DROP_LIB_PREFIXES = (
    "libQt6Qml", "libQt6Quick", "libQt6Designer", "libQt6EglFS", "libQt6WaylandCompositor",
    "libQt6Pdf", "libQt6Lottie", "libQt6Labs", "libQt6Sql", "libQt6Test", "libQt6Help",
    "libQt6WaylandClient", "libQt6WlShellIntegration", "libQt6EglFsKmsSupport", "libQt6Network",
    "Qt6Qml", "Qt6Quick", "Qt6Designer", "Qt6Pdf", "Qt6Sql", "Qt6Test", "Qt6Network", "Qt6Help",
    "opengl32sw", "d3dcompiler_",
)
KEEP_QT_TRANSLATIONS = {"qt_zh_CN.qm", "qtbase_zh_CN.qm", "qt_en.qm", "qtbase_en.qm"}


def qt_dir(windows: bool) -> tuple[str, ...]:
    return ("PySide6",) if windows else ("PySide6", "Qt")


def keep(dest: str, windows: bool) -> bool:
    """Whether a collected file (its path inside the bundle) stays in the bundle."""
    parts = (PureWindowsPath(dest) if windows else PurePosixPath(dest)).parts
    name = parts[-1]
    qt = qt_dir(windows)
    n = len(qt)
    inside_qt = tuple(parts[:n]) == qt and len(parts) > n + 1
    if inside_qt and parts[n] == "plugins" and len(parts) > n + 2 and parts[n + 1] in DROP_PLUGIN_DIRS:
        return False
    if name in DROP_PLUGIN_FILES:
        return False
    if inside_qt and parts[n] == "translations":
        return name in KEEP_QT_TRANSLATIONS
    if name.startswith(DROP_LIB_PREFIXES):
        return False
    return True


def prune_orphan_libraries(binaries: list, get_imports) -> tuple[list, list]:
    """Split ``binaries`` (PyInstaller TOC entries) into (kept, dropped): a shared library stays if a
    root needs it, directly or through another library. Roots are Python extensions, Qt plugins and
    the Python library. ``get_imports(path)`` gives ``(name, resolved_path_or_None)`` pairs.

    Used on Linux, where CI proves the result with the frozen selftest; a library loaded only with
    dlopen() would be lost, which is why it is not used on Windows, where nothing needs it.
    """

    def is_root(entry) -> bool:
        dest, _src, kind = entry
        parts = PurePosixPath(dest).parts
        return kind == "EXTENSION" or "plugins" in parts or parts[-1].startswith("libpython")

    needed: set[str] = set()
    queue = [src for dest, src, kind in binaries if is_root((dest, src, kind))]
    seen: set[str] = set()
    while queue:
        src = queue.pop()
        if src in seen:
            continue
        seen.add(src)
        for name, path in get_imports(src):
            needed.add(PurePosixPath(name).name)
            if path:
                queue.append(path)
    kept, dropped = [], []
    for entry in binaries:
        (kept if is_root(entry) or PurePosixPath(entry[0]).name in needed else dropped).append(entry)
    return kept, dropped
