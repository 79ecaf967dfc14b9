"""``--screenshots DIR``: every page in Chinese and English as ``<page>-<lang>.png``, then exit."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication

from lei_desktop.ui import i18n

log = logging.getLogger(__name__)
SIZE = QSize(1440, 900)


def _settle(rounds: int = 3) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def take_screenshots(ctx, out_dir: Path, langs=("zh", "en")) -> list[Path]:
    """Render each page of a main window (plus the enrolment wizard) in each language."""
    from lei_desktop.ui.main_window import MainWindow
    from lei_desktop.ui.wizard import EnrolmentWizard

    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    original = ctx.lang
    window = MainWindow(ctx)
    window.resize(SIZE)
    window.show()
    _settle()
    try:
        for lang in langs:
            window.set_language(lang)
            _settle()
            for page_id in window.page_ids():
                window.show_page(page_id)
                ctx.wait_idle(30000)
                _settle(5)
                path = out_dir / f"{page_id}-{lang}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"could not write {path}")
                saved.append(path)
            wiz = EnrolmentWizard(ctx, window)
            wiz.resize(900, 680)
            wiz.show()
            _settle()
            for i, _page in enumerate(wiz.pageIds()):
                if i:
                    wiz.next_unchecked()
                _settle()
                path = out_dir / f"wizard{i + 1}-{lang}.png"
                wiz.grab().save(str(path))
                saved.append(path)
            wiz.discard()
            wiz.deleteLater()
    finally:
        window.set_language(original)
        window._force_close = True
        window.close()
        QApplication.processEvents()
    log.info("saved %d screenshots in %s", len(saved), out_dir)
    i18n.install(original)
    return saved
