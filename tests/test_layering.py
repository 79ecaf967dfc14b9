"""The core knows no screen: every core package imports with PySide6 blocked."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import lei_desktop

ROOT = Path(__file__).resolve().parents[1]
CORE = ("domain", "store", "services", "formats", "reports", "cli")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(lei_desktop.__path__, "lei_desktop."):
        parts = info.name.split(".")
        if len(parts) > 1 and parts[1] in CORE and "migrations" not in parts and parts[-1] != "__main__":
            names.append(info.name)
    return names


def test_core_imports_without_qt():
    modules = core_modules()
    assert "lei_desktop.domain.money" in modules and "lei_desktop.services.store" in modules
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6') and sys.modules[k] for k in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_domain_imports_nothing_else_of_the_project():
    for path in (ROOT / "lei_desktop" / "domain").glob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith(("import lei_desktop", "from lei_desktop")):
                assert line.split()[1].startswith("lei_desktop.domain"), f"{path.name}: {line}"


def test_store_never_imports_services_or_ui():
    for path in (ROOT / "lei_desktop" / "store").rglob("*.py"):
        text = path.read_text("utf-8")
        assert "lei_desktop.services" not in text and "lei_desktop.ui" not in text, path
