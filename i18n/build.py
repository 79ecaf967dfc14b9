"""Build the Chinese catalogue: lupdate -> fill from parts -> check complete -> lrelease.

    python i18n/build.py [--check]

1. ``pyside6-lupdate`` over every ``lei_desktop/ui/**.py`` and ``lei_desktop/app.py`` into
   ``i18n/lei_desktop_zh_CN.ts`` (existing translations are kept; vanished entries are dropped).
2. Entries still unfinished are filled from ``i18n/parts/*.ts`` (same context and source text),
   which is where other branches keep the translations of their own pages.
3. ``pyside6-lrelease`` writes ``i18n/lei_desktop_zh_CN.qm`` (committed, so a fresh checkout has it).
4. Any entry left unfinished is listed and the exit status is 1.

``--check`` only reports, without running lupdate or lrelease.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "i18n"
TS = I18N / "lei_desktop_zh_CN.ts"
QM = I18N / "lei_desktop_zh_CN.qm"


def tool(name: str) -> str:
    """The PySide6 tool beside the running interpreter, else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (install PySide6)")
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "lei_desktop" / "ui").rglob("*.py"))
    files.append(ROOT / "lei_desktop" / "app.py")
    return [str(f.relative_to(ROOT)) for f in files]


def lupdate() -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(TS.relative_to(ROOT))], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    comment = message.findtext("comment") or ""
    return (context.findtext("name") or "", message.findtext("source") or "", comment)


def is_finished(message: ET.Element) -> bool:
    tr = message.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = tr.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((tr.text or "").strip())


def parts_translations() -> dict[tuple[str, str, str], ET.Element]:
    found: dict[tuple[str, str, str], ET.Element] = {}
    for part in sorted((I18N / "parts").glob("*.ts")):
        root = ET.parse(part).getroot()
        for ctx in root.iter("context"):
            for msg in ctx.iter("message"):
                if is_finished(msg):
                    found.setdefault(_key(ctx, msg), msg.find("translation"))
    return found


def fill_from_parts(tree: ET.ElementTree) -> int:
    parts = parts_translations()
    filled = 0
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            if is_finished(msg):
                continue
            src = parts.get(_key(ctx, msg))
            if src is None:
                continue
            old = msg.find("translation")
            if old is not None:
                msg.remove(old)
            new = ET.SubElement(msg, "translation")
            new.text = src.text
            for form in src.findall("numerusform"):
                ET.SubElement(new, "numerusform").text = form.text
            filled += 1
    return filled


def unfinished(tree: ET.ElementTree) -> list[tuple[str, str]]:
    out = []
    for ctx in tree.getroot().iter("context"):
        for msg in ctx.iter("message"):
            if not is_finished(msg):
                out.append((ctx.findtext("name") or "", msg.findtext("source") or ""))
    return out


def write_ts(tree: ET.ElementTree) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    tmp = TS.with_suffix(".ts.tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    tmp.replace(TS)


def lrelease() -> None:
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check_only = "--check" in argv
    if not check_only:
        lupdate()
    tree = ET.parse(TS)
    if not check_only:
        filled = fill_from_parts(tree)
        write_ts(tree)
        if filled:
            print(f"filled {filled} entries from i18n/parts")
    missing = unfinished(tree)
    total = sum(1 for _ in tree.getroot().iter("message"))
    if not check_only:
        lrelease()  # unfinished entries fall back to English in the app; the exit status still fails
    if missing:
        for ctx, src in missing:
            print(f"unfinished: [{ctx}] {src!r}", file=sys.stderr)
        print(f"{len(missing)} of {total} entries unfinished", file=sys.stderr)
        return 1
    print(f"{total} entries, all translated" + ("" if check_only else f" -> {QM.relative_to(ROOT)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
