"""Build the one-folder bundle for the platform this runs on: ``python packaging/build.py [--dist DIR]``.

Runs PyInstaller on ``packaging/lei_desktop.spec`` and prints where the bundle is, how big it is
unpacked and how long the build took. ``--selftest`` then runs the frozen ``lei-cli --selftest``.
On Windows the folder ``DIR/lei-desktop`` is what ``packaging/installer.iss`` packs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "lei_desktop.spec"
BUNDLE_NAME = "lei-desktop"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def folder_size(path: Path) -> int:
    """Bytes of every regular file under ``path`` (symlinks counted once, as links)."""
    total = 0
    for p in path.rglob("*"):
        if p.is_symlink():
            continue
        if p.is_file():
            total += p.stat().st_size
    return total


def largest_files(path: Path, n: int = 10) -> list[tuple[int, str]]:
    files = [(p.stat().st_size, str(p.relative_to(path))) for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(files, reverse=True)[:n]


def executable(bundle: Path, name: str) -> Path:
    return bundle / f"{name}{EXE_SUFFIX}"


def pyinstaller_requirement() -> str:
    """PyInstaller as pinned in pyproject.toml's ``test`` extra (CI and this script use the same)."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    return next(r for r in extras["test"] if r.lower().startswith("pyinstaller"))


def ensure_tools() -> None:
    """What a fresh machine may lack, installed the way ``./dev`` would, or a clear message.

    PyInstaller (pip, as pinned in pyproject.toml) and, on Linux, binutils: PyInstaller writes the
    executables with ``objcopy`` and strips them, and finds libraries with ``ldd``; ``as`` and ``ld``
    assemble the smaller ICU data library from what ICU's ``icupkg`` (icu-devtools) keeps of Qt's
    (``packaging/icu_data.py``; without icupkg the build carries Qt's full 32 MB one).
    """
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        req = pyinstaller_requirement()
        print(f"build.py: installing {req} into {sys.prefix}", file=sys.stderr)
        if subprocess.run([sys.executable, "-m", "pip", "install", "-q", req]).returncode != 0:
            sys.exit(f'build.py: PyInstaller is missing; run: python -m pip install "{req}"')
    if not sys.platform.startswith("linux"):
        return
    tools = {"objcopy": "binutils", "objdump": "binutils", "strip": "binutils", "as": "binutils",
             "ld": "binutils", "ldd": "libc-bin", "icupkg": "icu-devtools"}
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing:
        return
    packages = sorted({tools[tool] for tool in missing})
    apt = shutil.which("apt-get")
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if apt and sudo is not None:
        print(f"build.py: installing {' '.join(packages)}", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run([*sudo, apt, "update", "-qq"], env=env)
        subprocess.run([*sudo, apt, "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)
    still = [tool for tool in missing if shutil.which(tool) is None]
    if "icupkg" in still:
        print("build.py: icupkg not found (apt-get install icu-devtools): the bundle keeps Qt's full ICU data",
              file=sys.stderr)
        still.remove("icupkg")
    if still:
        sys.exit(f"build.py: {', '.join(still)} not found; install binutils (apt-get install binutils)")


def build(dist: Path, work: Path, clean: bool = False, log_level: str = "WARN") -> Path:
    """Run PyInstaller with the spec; return the bundle folder ``dist/lei-desktop``."""
    ensure_tools()
    icon = ROOT / "resources" / "icons" / "lei.ico"
    if not icon.is_file():  # the icon is committed; draw it again if someone deleted it
        subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icon.py")], check=True)
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--distpath", str(dist),
           "--workpath", str(work), "--log-level", log_level]
    if clean:
        cmd.append("--clean")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the spec puts this checkout first on the path itself
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return dist / BUNDLE_NAME


def project_version() -> str:
    import tomllib

    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def iscc_command(iscc: str, bundle: Path, out_dir: Path, version: str | None = None) -> list[str]:
    """The Inno Setup compiler call: the version comes from pyproject.toml, never from the .iss."""
    sys.path.insert(0, str(ROOT))
    from lei_desktop.version import version_tuple

    version = version or project_version()
    numeric = ".".join(str(n) for n in version_tuple(version))
    return [iscc, f"/DAppVersion={version}", f"/DAppVersionNumeric={numeric}", f"/DBundleDir={bundle}",
            f"/O{out_dir}", str(ROOT / "packaging" / "installer.iss")]


def find_iscc() -> str | None:
    """ISCC.exe on PATH or where the Inno Setup 6 installer puts it (per machine or per user)."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def build_installer(bundle: Path, out_dir: Path) -> Path:
    iscc = find_iscc()
    if iscc is None:
        sys.exit("build.py: Inno Setup 6 (ISCC.exe) not found; install it from https://jrsoftware.org/isdl.php")
    subprocess.run(iscc_command(iscc, bundle, out_dir), check=True)
    return out_dir / f"lei-desktop-{project_version()}-setup.exe"


def run_selftest(bundle: Path) -> int:
    cli = executable(bundle, "lei-cli")
    return subprocess.run([str(cli), "--selftest"]).returncode


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the lei_desktop bundle with PyInstaller.")
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle folder goes (default: ./dist)")
    p.add_argument("--work", type=Path, default=None, help="PyInstaller's work folder (default: ./build/pyinstaller)")
    p.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    p.add_argument("--selftest", action="store_true", help="run the frozen lei-cli --selftest after building")
    p.add_argument("--installer", action="store_true",
                   help="Windows: then build the installer with Inno Setup (packaging/installer.iss)")
    p.add_argument("--log-level", default="WARN", help="PyInstaller's log level (default: WARN)")
    args = p.parse_args(argv)
    dist = args.dist.resolve()
    work = (args.work or ROOT / "build" / "pyinstaller").resolve()
    t0 = time.perf_counter()
    bundle = build(dist, work, clean=args.clean, log_level=args.log_level)
    seconds = time.perf_counter() - t0
    size = folder_size(bundle)
    print(f"bundle:  {bundle}")
    print(f"size:    {size / 1e6:.1f} MB unpacked ({size} bytes)")
    print(f"built in {seconds:.0f} s")
    for nbytes, name in largest_files(bundle, 8):
        print(f"  {nbytes / 1e6:7.1f} MB  {name}")
    print(f"run:     {executable(bundle, 'lei-cli')} --selftest")
    code = 0
    if args.selftest:
        code = run_selftest(bundle)
        if code:
            return code
    if args.installer:
        if sys.platform != "win32":
            sys.exit("build.py: the installer is built on Windows (Inno Setup)")
        print(f"installer: {build_installer(bundle, dist)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
