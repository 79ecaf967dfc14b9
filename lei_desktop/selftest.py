"""``lei-cli --selftest``: prove that this build (from source or frozen) works, then exit 0 or 1.

In a temporary folder it creates a store, loads the bundled example scenario, creates and assesses
a claim, exports its PDF and checks that the bundled font is embedded and that the PDF metadata
carries the version, checks that the Chinese translations load, writes and verifies an encrypted
backup, imports every GUI module and starts Qt with the bundled font. One line per check, ✓ or ✗,
in Chinese and English. Nothing outside the temporary folder is touched (``LEI_DATA_DIR`` points
into it while the checks run), so it is safe on a user's machine.

Each step uses the documented service API; a feature missing from the build fails its step
honestly (and the steps after it that need its result are reported as not run).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lei_desktop import __version__
from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.messages import register, text
from lei_desktop.paths import resource, resource_root
from lei_desktop.selftest_qt import check_gui_modules, check_locale_data, check_qt_starts, check_translations

register(
    {
        "selftest_title": ("lei_desktop 自检 {version}", "lei_desktop self-test {version}"),
        "selftest_build": ("运行方式：{mode}；Python {python}，UTF-8 模式 {utf8}；资源目录：{root}",
                           "running {mode}; Python {python}, UTF-8 mode {utf8}; resources in {root}"),
        "selftest_mode_frozen": ("打包版本", "frozen"),
        "selftest_mode_source": ("源代码", "from source"),
        "selftest_store": ("在临时文件夹中创建数据库", "create a store in a temporary folder"),
        "selftest_scenario": ("载入示例场景", "load the example scenario"),
        "selftest_claim": ("创建并评估理赔", "create and assess a claim"),
        "selftest_pdf": ("导出理赔材料 PDF", "export the claim package PDF"),
        "selftest_font": ("PDF 内嵌随附字体", "the PDF embeds the bundled font"),
        "selftest_metadata": ("PDF 元数据含版本号", "the PDF metadata names the version"),
        "selftest_translations": ("中文翻译可以载入", "the Chinese translations load"),
        "selftest_backup": ("加密备份并校验（清单含版本号）", "an encrypted backup verifies (its manifest names the version)"),
        "selftest_gui": ("界面模块可以载入", "the GUI modules load"),
        "selftest_locale": ("中文排序、时区名称和字符编码可用", "Chinese collation, time-zone names and codecs work"),
        "selftest_qt": ("Qt 界面启动并用随附字体显示中文", "Qt starts and draws Chinese with the bundled font"),
        "selftest_skipped": ("未运行：前一步失败", "not run: an earlier step failed"),
        "selftest_missing": ("缺少：{what}", "missing: {what}"),
        "selftest_passed": ("自检通过：{n} 项全部成功", "self-test passed: all {n} checks succeeded"),
        "selftest_failed": ("自检失败：{failed}/{n} 项未通过", "self-test failed: {failed} of {n} checks did not pass"),
    }
)

class Skipped(Exception):
    """A check that could not run because an earlier one failed."""


@dataclass
class Check:
    code: str
    ok: bool
    detail: str = ""
    seconds: float = 0.0


@dataclass
class Selftest:
    """State shared by the checks: the temporary folder and what earlier checks produced."""

    folder: Path
    lang: str = "en"
    store: object = None
    dispute: str | None = None
    claim: str | None = None
    assessment: dict | None = None
    pdf: Path | None = None
    results: list[Check] = field(default_factory=list)

    def need(self, value):
        if value is None:
            raise Skipped
        return value


def _bilingual(code: str, **params) -> str:
    return f"{text(code, 'zh', **params)} / {text(code, 'en', **params)}"


def _describe(exc: BaseException, lang: str) -> str:
    if isinstance(exc, Skipped):
        return _bilingual("selftest_skipped")
    if isinstance(exc, LeiError):
        return f"{exc.zh} / {exc.en}"
    if isinstance(exc, ModuleNotFoundError):
        return _bilingual("selftest_missing", what=exc.name)
    return f"{type(exc).__name__}: {exc}"


# --- the checks -------------------------------------------------------------------------------------

def check_store(st: Selftest) -> str:
    from lei_desktop.services import Store

    st.store = Store(st.folder / "selftest.sqlite3", actor="selftest")
    from lei_desktop.store.migrate import current_revision, head_revision

    revision = current_revision(st.store.engine)
    if revision != head_revision():
        raise RuntimeError(f"schema at {revision}, expected {head_revision()}")
    return f"schema {revision}"


def check_scenario(st: Selftest) -> str:
    from lei_desktop.services import scenario

    store = st.need(st.store)
    path = resource("examples", "scenario.json")
    if not path.is_file():
        raise FileNotFoundError(str(path))
    report = scenario.load(store, path)
    raw = json.loads(path.read_text("utf-8"))
    st.dispute = raw["disputes"][0]["ref"]
    created = sum(c.get("create", 0) for c in report.counts.values() if isinstance(c, dict))
    return f"{path.name}: {created} records"


def check_claim(st: Selftest) -> str:
    claims = importlib.import_module("lei_desktop.services.claims")
    store, dispute = st.need(st.store), st.need(st.dispute)
    st.claim = claims.create_claim(store, dispute)
    assessment = claims.assess(store, st.claim)
    for key in ("lines", "payable", "payable_in_words", "payable_in_words_en"):  # the last needs num2words
        if key not in assessment:
            raise KeyError(f"assessment lacks {key!r}")
    if not assessment["lines"]:
        raise ValueError("the assessment has no lines")
    st.assessment = assessment
    return f"{st.claim}: {len(assessment['lines'])} lines, payable {assessment['payable']} CNY"


def check_pdf(st: Selftest) -> str:
    from pypdf import PdfReader

    claim_export = importlib.import_module("lei_desktop.services.claim_export")
    store, claim = st.need(st.store), st.need(st.claim)
    out = st.folder / f"{claim}.pdf"
    claim_export.export_claim(store, claim, out)
    pages = len(PdfReader(out).pages)
    if pages < 1:
        raise ValueError("the PDF has no pages")
    st.pdf = out
    return f"{pages} pages, {out.stat().st_size // 1024} KB"


def bundled_fonts() -> list[Path]:
    from lei_desktop.paths import font_files

    return font_files()


def font_postscript_name(path: Path) -> str:
    """The PostScript name ReportLab embeds the font under (``NotoSansSC-Regular``)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    name = TTFontFile(str(path)).name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def embedded_fonts(pdf: Path) -> set[str]:
    """Base names (subset prefix ``ABCDEF+`` removed) of every font embedded in ``pdf``."""
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            candidates = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            for f in candidates:
                desc = f.get("/FontDescriptor")
                if desc is None:
                    continue
                desc = desc.get_object()
                if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(f.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1])
    return names


def check_font(st: Selftest) -> str:
    pdf = st.need(st.pdf)
    fonts = bundled_fonts()
    if not fonts:
        raise FileNotFoundError(str(resource("fonts")))
    wanted = {font_postscript_name(p) for p in fonts}
    found = embedded_fonts(pdf)
    hits = wanted & found
    if not hits:
        raise ValueError(f"embedded {sorted(found) or 'no fonts'}; bundled {sorted(wanted)}")
    packed = [p for p in fonts if not p.is_relative_to(resource_root())]
    return ", ".join(sorted(hits)) + (" (unpacked from the bundle's .gz)" if packed else "")


def check_metadata(st: Selftest) -> str:
    from pypdf import PdfReader

    pdf = st.need(st.pdf)
    meta = PdfReader(pdf).metadata or {}
    values = {str(k): str(v) for k, v in meta.items()}
    holding = [k for k, v in values.items() if __version__ in v]
    if not holding:
        raise ValueError(f"version {__version__} not in {values}")
    return f"{holding[0]} = {values[holding[0]]}"


def check_backup(st: Selftest) -> str:
    """An encrypted backup (cryptography's AES-GCM + scrypt, a native library) written and verified."""
    backup = importlib.import_module("lei_desktop.services.backup")
    restore = importlib.import_module("lei_desktop.services.restore")
    store = st.need(st.store)
    out = st.folder / "selftest.leibackup"
    info = backup.create_backup(store, out, password=b"selftest")
    workdir = st.folder / "verify"
    workdir.mkdir()
    verified = restore.verify(out, b"selftest", workdir=workdir)
    if not verified.encrypted:
        raise ValueError("the backup was not encrypted")
    version = verified.manifest.get("app_version")
    if version != __version__:
        raise ValueError(f"manifest app_version {version!r}, expected {__version__!r}")
    return f"{info.size // 1024} KB, app_version {version}"


CHECKS: list[tuple[str, Callable[[Selftest], str]]] = [
    ("selftest_store", check_store),
    ("selftest_scenario", check_scenario),
    ("selftest_claim", check_claim),
    ("selftest_pdf", check_pdf),
    ("selftest_font", check_font),
    ("selftest_metadata", check_metadata),
    ("selftest_translations", check_translations),
    ("selftest_backup", check_backup),
    ("selftest_gui", check_gui_modules),
    ("selftest_locale", check_locale_data),
    ("selftest_qt", check_qt_starts),
]


def run_checks(folder: Path, lang: str = "en", out=None) -> list[Check]:
    """Run every check in ``folder``; print one line per check to ``out`` as it finishes."""
    st = Selftest(folder=folder, lang=lang)
    try:
        for code, fn in CHECKS:
            t0 = time.perf_counter()
            try:
                detail, ok = fn(st), True
            except Exception as exc:  # every failure is reported, none stops the others
                detail, ok = _describe(exc, lang), False
                if os.environ.get("LEI_DEBUG") and not isinstance(exc, Skipped):
                    traceback.print_exc()
            check = Check(code, ok, detail, time.perf_counter() - t0)
            st.results.append(check)
            if out is not None:
                mark = "✓" if ok else "✗"
                print(f"{mark} {_bilingual(code)} ({check.seconds:.2f} s) — {detail}", file=out, flush=True)
    finally:
        if st.store is not None:
            st.store.close()
    return st.results


def run(ctx) -> int:
    """Entry point of ``lei-cli --selftest [--json]``: 0 when every check passed, 1 otherwise."""
    out = sys.stdout
    if hasattr(out, "reconfigure"):  # a GBK console must not turn a ✓ into a crash
        out.reconfigure(errors="replace")
    as_json = bool(getattr(ctx, "json", False))
    lang = getattr(ctx, "lang", "en")
    frozen = bool(getattr(sys, "frozen", False))
    mode = "selftest_mode_frozen" if frozen else "selftest_mode_source"
    build = {"root": resource_root(), "python": sys.version.split()[0], "utf8": sys.flags.utf8_mode}
    if not as_json:
        print(_bilingual("selftest_title", version=__version__), file=out)
        print(f"{text('selftest_build', 'zh', mode=text(mode, 'zh'), **build)} / "
              f"{text('selftest_build', 'en', mode=text(mode, 'en'), **build)}", file=out)
    saved = os.environ.get("LEI_DATA_DIR")
    # ignore_cleanup_errors: on Windows a file another library still holds open must not turn a
    # passed selftest into a crash while the temporary folder is removed
    with tempfile.TemporaryDirectory(prefix="lei-selftest-", ignore_cleanup_errors=True) as tmp:
        os.environ["LEI_DATA_DIR"] = str(Path(tmp) / "data")  # automatic backups etc. stay in here
        try:
            results = run_checks(Path(tmp), lang, None if as_json else out)
        finally:
            if saved is None:
                os.environ.pop("LEI_DATA_DIR", None)
            else:
                os.environ["LEI_DATA_DIR"] = saved
    failed = sum(not r.ok for r in results)
    if as_json:
        ctx.emit_json({
            "version": __version__, "frozen": frozen, "python": build["python"], "utf8_mode": build["utf8"],
            "resources": str(build["root"]), "ok": failed == 0,
            "checks": [{"code": r.code.removeprefix("selftest_"), "ok": r.ok, "zh": text(r.code, "zh"),
                        "en": text(r.code, "en"), "detail": r.detail, "seconds": round(r.seconds, 3)}
                       for r in results],
        })
        return 1 if failed else 0
    if failed:
        print(_bilingual("selftest_failed", failed=failed, n=len(results)), file=out)
        return 1
    print(_bilingual("selftest_passed", n=len(results)), file=out)
    return 0
