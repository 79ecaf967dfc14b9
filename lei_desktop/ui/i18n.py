"""Languages: Qt translators (ours + Qt's own), a live switch, and locale-aware formatting.

The app's catalogue is ``i18n/lei_desktop_zh_CN.qm`` (built by ``i18n/build.py``); Qt's own dialogs use
``qtbase_zh_CN.qm`` from PySide6. English is the source language, so English needs no translator.
Switching installs/removes translators; Qt then sends ``QEvent.LanguageChange`` to every widget, and
each page answers by calling its ``retranslate()``.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from lei_desktop.domain.money import minor_units
from lei_desktop.paths import i18n_dir

log = logging.getLogger(__name__)

LANGS = ("zh", "en")
SETTINGS_KEY = "ui/language"
QM_NAME = "lei_desktop_zh_CN.qm"

_installed: list[QTranslator] = []
_current = "en"


def system_lang() -> str:
    """'zh' when the system locale is Chinese, else 'en'."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def initial_lang(settings: QSettings | None, requested: str | None = None) -> str:
    """--lang wins, then the remembered choice, then the system locale."""
    if requested in LANGS:
        return requested
    if settings is not None:
        saved = settings.value(SETTINGS_KEY)
        if saved in LANGS:
            return str(saved)
    return system_lang()


def remember(settings: QSettings, lang: str) -> None:
    settings.setValue(SETTINGS_KEY, lang)
    settings.sync()


def app_qm_path() -> Path:
    return i18n_dir() / QM_NAME


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def qt_catalogue_dirs() -> list[str]:
    """Where Qt's own Chinese catalogue may be: Qt's translations path, then (frozen builds) the
    bundle's PySide6 folder and our i18n folder."""
    from lei_desktop.paths import resource_root

    root = resource_root()
    return [qt_translations_dir(), str(root / "PySide6" / "Qt" / "translations"),
            str(root / "PySide6" / "translations"), str(i18n_dir())]


def load_qt_catalogue(app) -> QTranslator | None:
    for folder in qt_catalogue_dirs():
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            qt = QTranslator(app)
            if qt.load(name, folder):
                return qt
    log.warning("Qt's own Chinese catalogue not found; Qt's dialogs stay in English")
    return None


def current() -> str:
    return _current


def install(lang: str) -> bool:
    """Make ``lang`` the running language. Returns False if the app catalogue was missing (still switches)."""
    global _current
    app = QCoreApplication.instance()
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    ok = True
    if lang == "zh":
        ours = QTranslator(app)
        if ours.load(str(app_qm_path())):
            _installed.append(ours)
        else:
            ok = False
            log.warning("translation catalogue missing: %s", app_qm_path())
        qt = load_qt_catalogue(app)
        if qt is not None:
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _current = lang
    for tr in _installed:
        app.installTranslator(tr)
    # deliver the LanguageChange events now, so every widget has retranslated when this returns
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return ok


# -- formatting ---------------------------------------------------------------------------------
ZH_CURRENCY = {"CNY": "人民币", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元",
               "KRW": "韩元", "CHF": "瑞士法郎", "AUD": "澳元", "CAD": "加元", "SGD": "新加坡元"}


def fmt_number(value: Decimal | int | None, lang: str = "en", decimals: int | None = None) -> str:
    """Grouped digits, exact (no float). Both zh_CN and English group by thousands with ',' and '.'."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimals is None:
        return f"{value:,}" if value == value.to_integral_value() else f"{value.normalize():,f}"
    return f"{value:,.{decimals}f}"


def fmt_money(value: Decimal | None, currency: str = "CNY", lang: str = "en") -> str:
    """``¥1,234.56`` / ``USD 1,234.56`` in English; ``¥1,234.56`` / ``1,234.56 美元`` in Chinese."""
    if value is None:
        return ""
    try:
        digits = minor_units(currency)
    except Exception:
        digits = 2
    body = fmt_number(Decimal(value), lang, digits)
    if currency == "CNY":
        return f"-¥{body[1:]}" if body.startswith("-") else f"¥{body}"
    if lang == "zh":
        return f"{body} {ZH_CURRENCY.get(currency, currency)}"
    return f"{currency} {body}"


EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fmt_date(value: date | datetime | None, lang: str = "en") -> str:
    """``2026年3月5日`` / ``5 Mar 2026``; datetimes add the time (local)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        d = value.astimezone() if value.tzinfo else value
        if lang == "zh":
            return f"{d.year}年{d.month}月{d.day}日 {d:%H:%M}"
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year} {d:%H:%M}"
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
