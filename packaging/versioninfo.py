"""The Windows version resource (VERSIONINFO) generated from pyproject.toml's one version number.

PyInstaller reads this text (``EXE(version=...)``) only when it builds on Windows; the same text is
written on every platform so a test can check it. Format: the one ``pyi-grab_version`` prints.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from lei_desktop.version import version_tuple

ROOT = Path(__file__).resolve().parent.parent
COMPANY = "lei_desktop"
PRODUCT = "lei_desktop 海外知识产权法律费用保险理赔 / Overseas IP legal-expenses insurance claims"


def project_version(root: Path = ROOT) -> str:
    return str(tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def version_file_text(version: str, exe_name: str, description: str) -> str:
    nums = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "lei_desktop authors",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0804 = Simplified Chinese (PRC), 1200 = Unicode; the strings themselves are bilingual
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404B0',
        [
{table}
        ])
      ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(out: Path, version: str, exe_name: str, description: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(version_file_text(version, exe_name, description), encoding="utf-8")
    return out
