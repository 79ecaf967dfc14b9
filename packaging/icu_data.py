"""A smaller ICU data library for the Linux bundle (Qt's ``libicudata.so.NN`` is 32 MB).

PySide6's Linux wheels carry ICU; ``libicudata.so.NN`` holds one read-only symbol, ``icudtNN_dat``:
ICU's *common data* (a table of contents and ~3,900 items: locale data for 800 locales, 190
character-set converters, collation, break rules, transliteration). Qt uses ICU for collation
(``QCollator``), named codecs (``QStringDecoder("GB18030")``), locale-specific case mapping and time
zone names. lei_desktop speaks Chinese and English, so the bundle keeps:

- every item that is not locale data (normalisation, Unicode properties, IDNA, time zones, plurals,
  character names, the converter alias table), so nothing structural is missing;
- locale data for ``root``, ``en*`` and ``zh*`` in every tree (names, currencies, units, collation,
  number spelling), and whatever those depend on;
- the converters for the codecs the users' files come in: GB18030, GBK, GB2312, Big5 and Big5-HKSCS,
  Shift_JIS, Windows-1250/1252;
- no transliteration rules.

The items are chosen with ICU's own ``icupkg`` (Debian: ``icu-devtools``), which also refuses a
package whose items depend on a removed one -- those are put back and it is asked again. The new
data is assembled into a shared library with the same soname and symbol using ``as`` and ``ld``
(binutils, which PyInstaller needs on Linux anyway). Anything missing or failing leaves Qt's library
as it is, with a message: a bigger bundle, never a broken one. The frozen ``lei-cli --selftest``
proves the result (Chinese collation, the GB18030 codec, Chinese text drawn by Qt).

Windows builds of Qt use the system's ICU, so there is nothing to do there.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

KEEP_LANGUAGES = {"en", "zh"}
KEEP_CONVERTERS = {
    "gb18030.cnv",  # GB18030
    "windows-936-2000.cnv",  # GBK
    "ibm-1383_P110-1999.cnv",  # GB2312 (EUC-CN)
    "windows-950-2000.cnv",  # Big5
    "ibm-5471_P100-2006.cnv",  # Big5-HKSCS
    "ibm-943_P15A-2003.cnv",  # Shift_JIS
    "ibm-5348_P100-1997.cnv",  # Windows-1252
    "ibm-5346_P100-1998.cnv",  # Windows-1250
}
DROP_TREES = {"translit"}
# a locale ID: language, then _Script / _REGION / _VARIANT parts ("en", "zh_Hans_CN", "en_US_POSIX");
# data items such as res_index, supplementalData, zoneinfo64 or pool do not have this shape
LOCALE_ID = re.compile(r"[a-z]{2,3}(_[A-Z0-9][A-Za-z0-9]*)*")
LIBRARY = re.compile(r"libicudata\.so\.(\d+)$")


class Skip(Exception):
    """Why the library is left as it is."""


def items_to_drop(items: list[str]) -> list[str]:
    """The package items (``tree/name.ext`` or ``name.ext``) the bundle does without."""
    drop = []
    for item in items:
        parts = item.split("/")
        name = parts[-1]
        stem, _, ext = name.rpartition(".")
        tree = parts[0] if len(parts) > 1 else ""
        if tree in DROP_TREES:
            drop.append(item)
        elif ext == "cnv" and name not in KEEP_CONVERTERS:
            drop.append(item)
        elif ext == "res" and LOCALE_ID.fullmatch(stem) and stem.split("_")[0] not in KEEP_LANGUAGES:
            drop.append(item)
    return drop


def _run(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True)


def _symbol(lib: Path, name: str) -> tuple[int, int]:
    """File offset and size of a dynamic symbol in a shared library (via nm and readelf)."""
    nm = _run(["nm", "-D", "-S", str(lib)])
    for line in nm.stdout.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == name:
            address, size = int(fields[0], 16), int(fields[1], 16)
            break
    else:
        raise Skip(f"{lib.name} has no symbol {name}")
    sections = _run(["readelf", "-S", "-W", str(lib)]).stdout
    for match in re.finditer(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", sections):
        start, offset, length = (int(match.group(i), 16) for i in (2, 3, 4))
        if start <= address < start + length:
            return address - start + offset, size
    raise Skip(f"no section of {lib.name} holds {name}")


def _repackage(dat: Path, out: Path, work: Path) -> tuple[int, int]:
    """``icupkg -r`` the unwanted items; items others depend on are put back. Returns (kept, dropped)."""
    listed = _run(["icupkg", "-l", str(dat)])
    if listed.returncode != 0:
        raise Skip(f"icupkg cannot read the data: {listed.stderr.strip()[:200]}")
    items = listed.stdout.split()
    drop = items_to_drop(items)
    for _attempt in range(10):
        (work / "drop.txt").write_text("\n".join(drop) + "\n", "ascii")
        out.unlink(missing_ok=True)
        result = _run(["icupkg", "-r", str(work / "drop.txt"), str(dat), str(out)])
        needed = set(re.findall(r"depends on missing item (\S+)", result.stdout + result.stderr))
        if not needed:
            if result.returncode != 0 or not out.exists():
                raise Skip(f"icupkg failed: {(result.stderr or result.stdout).strip()[:200]}")
            return len(items) - len(drop), len(drop)
        drop = [item for item in drop if item not in needed]
    raise Skip("icupkg kept reporting missing dependencies")


def trimmed_library(lib: Path, work: Path) -> Path:
    """A copy of ``lib`` with less data, built under ``work`` (reused while ``lib`` is unchanged)."""
    match = LIBRARY.match(lib.name)
    if not match:
        raise Skip(f"{lib.name} is not an ICU data library")
    major = match.group(1)
    for tool in ("icupkg", "nm", "readelf", "as", "ld"):
        if shutil.which(tool) is None:
            raise Skip(f"{tool} not found ({'icu-devtools' if tool == 'icupkg' else 'binutils'})")
    blob = lib.read_bytes()
    digest = hashlib.sha256(blob).hexdigest()[:16]
    work = work / f"icu-{digest}"
    result = work / lib.name
    if result.exists():
        print(f"icu_data: {lib.name} {len(blob) / 1e6:.1f} MB -> {result.stat().st_size / 1e6:.1f} MB (made before)")
        return result
    work.mkdir(parents=True, exist_ok=True)
    offset, size = _symbol(lib, f"icudt{major}_dat")
    data = blob[offset : offset + size]
    # common data starts with its header length, the magic bytes 0xda 0x27, then a UDataInfo whose
    # data format is "CmnD" (a table of contents); anything else is not what this code understands
    if len(data) < 32 or data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise Skip(f"icudt{major}_dat in {lib.name} is not ICU common data")
    endian = "l" if data[8] == 0 else "b"
    name = f"icudt{major}{endian}.dat"
    (work / "full").mkdir(exist_ok=True)
    (work / "full" / name).write_bytes(data)
    kept, dropped = _repackage(work / "full" / name, work / name, work)
    (work / "icudata.S").write_text(
        "    .section .rodata\n"
        f"    .globl icudt{major}_dat\n"
        f"    .type icudt{major}_dat, @object\n"
        "    .balign 16\n"
        f"icudt{major}_dat:\n"
        f'    .incbin "{name}"\n'
        f"    .size icudt{major}_dat, . - icudt{major}_dat\n"
        '    .section .note.GNU-stack,"",@progbits\n',
        "ascii",
    )
    for args in (["as", "-o", "icudata.o", "icudata.S"],
                 ["ld", "-shared", "-soname", lib.name, "-o", f"{lib.name}.tmp", "icudata.o"]):
        step = _run(args, cwd=work)
        if step.returncode != 0:
            raise Skip(f"{args[0]} failed: {step.stderr.strip()[:200]}")
    (work / f"{lib.name}.tmp").replace(result)
    print(f"icu_data: {lib.name} {len(blob) / 1e6:.1f} MB -> {result.stat().st_size / 1e6:.1f} MB "
          f"({kept} items kept, {dropped} dropped)")
    return result


def replace_in(binaries: list, work: Path) -> list:
    """PyInstaller TOC entries with Qt's ICU data library swapped for the trimmed one, when possible."""
    out = []
    for dest, src, kind in binaries:
        if LIBRARY.match(Path(dest).name):
            try:
                src = str(trimmed_library(Path(src), work))
            except (Skip, OSError) as why:
                print(f"icu_data: keeping the full {Path(dest).name}: {why}")
        out.append((dest, src, kind))
    return out
