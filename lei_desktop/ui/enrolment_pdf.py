"""Offer the enrolment PDF (the PDF engineer's ``services.enrolment_form``) with a save dialog.

When that service is not in this build, say so plainly instead of failing.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

CANDIDATES = ("export_enrolment_form", "export_enrolment", "export", "write_enrolment_form", "write")


def exporter():
    """The function ``f(store, out_path)`` writing the enrolment PDF, or None when not available."""
    try:
        module = importlib.import_module("lei_desktop.services.enrolment_form")
    except ModuleNotFoundError:
        return None
    for name in CANDIDATES:
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    return None


def offer_enrolment_pdf(ctx, parent, default_name: str = "enrolment.pdf") -> None:
    fn = exporter()
    if fn is None:
        QMessageBox.information(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"), QCoreApplication.translate("EnrolmentPdf",
            "The enrolment PDF is not part of this build yet. The enrolment itself is saved; "
            "the form can be produced later from Company & enrolment."))
        return
    from lei_desktop.services import enrolment

    if enrolment.get_company(ctx.store) is None:
        QMessageBox.information(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"), QCoreApplication.translate("EnrolmentPdf", "Save the company profile first."))
        return
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("EnrolmentPdf", "Save the enrolment PDF"), default_name, QCoreApplication.translate("EnrolmentPdf", "PDF (*.pdf)"))
    if not path:
        return

    def done(_result) -> None:
        answer = QMessageBox.question(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"),
                                      QCoreApplication.translate("EnrolmentPdf", "Saved %1.\nOpen its folder?").replace("%1", path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    ctx.run_in_thread(lambda: fn(ctx.store, Path(path)), done, lambda exc: ctx.show_error(parent, exc))
