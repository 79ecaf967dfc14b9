"""One resource lookup (source and frozen), one version number, the Windows version resource."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import lei_desktop
from lei_desktop import paths, version

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import versioninfo  # noqa: E402


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_resources_from_source_are_the_checkout():
    assert paths.resource_root() == ROOT
    assert paths.resource("icons", "lei.ico") == ROOT / "resources" / "icons" / "lei.ico"
    assert paths.i18n_dir() == ROOT / "i18n"


def test_resources_when_frozen_come_from_the_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.resource_root() == tmp_path
    assert paths.resource("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
    assert paths.i18n_dir() == tmp_path / "i18n"


def test_bundled_example_is_the_shared_example(example_path):
    """resources/examples/scenario.json is a copy for the frozen selftest: it must not go stale."""
    bundled = paths.resource("examples", "scenario.json")
    assert bundled.read_bytes() == example_path.read_bytes()


def test_icon_files_hold_the_sizes_windows_uses():
    from PIL import Image

    ico = Image.open(paths.resource("icons", "lei.ico"))
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    png = Image.open(paths.resource("icons", "lei.png"))
    assert png.size == (256, 256) and png.mode == "RGBA"


def test_version_is_pyproject_version():
    assert lei_desktop.__version__ == version.__version__ == pyproject_version()


def test_frozen_version_reads_the_bundled_pyproject(monkeypatch, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "lei-desktop"\nversion = "9.8.7"\n', "utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert version.read_version() == "9.8.7"


def test_cli_version_flag(capsys):
    from lei_desktop.cli import main

    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"lei-cli {pyproject_version()}"


def test_version_tuple():
    assert version.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version.version_tuple("1.2") == (1, 2, 0, 0)
    assert version.version_tuple("1.2rc1") == (1, 2, 0, 0)
    assert version.version_tuple("2.3.4.5.6+local") == (2, 3, 4, 5)


def _call_args(node: ast.Call) -> dict:
    return {kw.arg: kw.value for kw in node.keywords}


def test_windows_version_resource_carries_the_version(tmp_path):
    v = pyproject_version()
    path = versioninfo.write_version_file(tmp_path / "v.txt", v, "lei-cli", "命令行 / command line")
    tree = ast.parse(path.read_text("utf-8"), mode="eval")
    root = tree.body
    assert isinstance(root, ast.Call) and root.func.id == "VSVersionInfo"
    ffi = _call_args(root)["ffi"]
    assert ast.literal_eval(_call_args(ffi)["filevers"]) == version.version_tuple(v)
    assert ast.literal_eval(_call_args(ffi)["prodvers"]) == version.version_tuple(v)
    strings = {
        ast.literal_eval(n.args[0]): ast.literal_eval(n.args[1])
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "StringStruct"
    }
    assert strings["FileVersion"] == strings["ProductVersion"] == v
    assert strings["OriginalFilename"] == "lei-cli.exe"


def test_installer_is_per_user_keeps_data_and_takes_the_version_from_pyproject(tmp_path):
    import build

    iss = (ROOT / "packaging" / "installer.iss").read_text("utf-8-sig")
    settings = dict(
        line.split("=", 1) for line in iss.splitlines() if "=" in line and not line.startswith((";", "#", "Name:"))
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{localappdata}\\Programs\\")
    assert settings["AppVersion"] == "{#AppVersion}"  # no number written in the script
    assert "{group}" in iss and "lei-desktop.exe" in iss  # Start-menu entry
    uninstall = iss.split("[UninstallDelete]", 1)[1]
    entries = [line for line in uninstall.splitlines() if line.startswith("Type:")]
    cache = 'Name: "{localappdata}\\lei_desktop\\cache"'  # the unpacked font, made again when needed
    assert entries and all("{app}" in line or line.endswith(cache) for line in entries)
    rest = "\n".join(line for line in entries if not line.endswith(cache))
    assert "{localappdata}\\lei_desktop" not in rest.lower().replace("{app}", "")  # never the data folder
    cmd = build.iscc_command("ISCC.exe", tmp_path / "lei-desktop", tmp_path)
    v = pyproject_version()
    assert f"/DAppVersion={v}" in cmd
    assert f"/DAppVersionNumeric={'.'.join(map(str, version.version_tuple(v)))}" in cmd
    assert cmd[-1].endswith("installer.iss")


def test_app_sets_the_bundled_window_icon(qapp):
    from PySide6.QtGui import QIcon

    from lei_desktop.app import set_window_icon

    qapp.setWindowIcon(QIcon())
    set_window_icon(qapp)
    assert not qapp.windowIcon().isNull()
    assert 256 in [s.width() for s in qapp.windowIcon().availableSizes()]


def test_build_script_says_clearly_what_a_fresh_linux_machine_lacks(monkeypatch):
    import build
    import pytest

    monkeypatch.setattr(build.sys, "platform", "linux")
    monkeypatch.setattr(build.shutil, "which", lambda tool: None)  # no binutils, no apt-get
    with pytest.raises(SystemExit) as exc:
        build.ensure_tools()
    assert "binutils" in str(exc.value) and "objcopy" in str(exc.value)
    assert build.pyinstaller_requirement().startswith("pyinstaller>=")


def test_version_resource_matches_pyinstallers_classes(tmp_path):
    """Evaluate the version file against stand-ins with the exact signatures of PyInstaller's
    versioninfo classes (read from its source: the module itself imports only on Windows)."""
    from importlib.util import find_spec

    source = Path(find_spec("PyInstaller").origin).parent / "utils" / "win32" / "versioninfo.py"
    tree = ast.parse(source.read_text("utf-8"))
    namespace: dict = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
        if init is None:
            continue
        stub = ast.Module(body=[ast.FunctionDef(name="make", args=init.args, body=[ast.Return(
            ast.Call(ast.Name("locals", ast.Load()), [], []))], decorator_list=[], returns=None,
            type_params=[])], type_ignores=[])
        code: dict = {}
        exec(compile(ast.fix_missing_locations(stub), "stub", "exec"), code)  # noqa: S102 - our own AST
        make = code["make"]
        namespace[cls.name] = lambda *a, _make=make, _name=cls.name, **k: (_name, _make(None, *a, **k))
    assert {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"} <= set(namespace)
    text = versioninfo.version_file_text(pyproject_version(), "lei-desktop", "桌面 / desktop")
    name, args = eval(text, namespace)  # noqa: S307 - the file PyInstaller itself eval()s
    assert name == "VSVersionInfo"
    assert args["ffi"][0] == "FixedFileInfo" and args["ffi"][1]["filevers"] == version.version_tuple()


def test_installer_compiles_without_the_chinese_wizard_file():
    """Chinese wizard text is used only when Inno Setup has ChineseSimplified.isl: every ``zh``
    entry sits inside ``#ifdef HaveChinese`` (an unknown language name stops ISCC)."""
    inside = False
    for line in (ROOT / "packaging" / "installer.iss").read_text("utf-8-sig").splitlines():
        if line.startswith("#ifdef HaveChinese"):
            inside = True
        elif line.startswith("#endif"):
            inside = False
        elif line.startswith(("zh.", 'Name: "zh"')):
            assert inside, line
