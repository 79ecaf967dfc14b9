"""Offer the enrolment PDF (the PDF engineer's ``services.enrolment_form``) with a save dialog.

When that service is not in this build, say so plainly instead of failing.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

CANDIDATES = ("export_enrolment", "export_enrolment_form", "export")


def exporter():
    """The function ``f(store, out_path, policy_ref=None, ...)`` writing the enrolment PDF, or None."""
    try:
        module = importlib.import_module("lei_desktop.services.enrolment_form")
    except ModuleNotFoundError:
        return None
    for name in CANDIDATES:
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    return None


def offer_enrolment_pdf(ctx, parent, policy_ref: str | None = None, path: str | None = None):
    """Ask where to save (unless ``path`` is given), then write the PDF on a worker. Returns the worker."""
    fn = exporter()
    if fn is None:
        QMessageBox.information(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"), QCoreApplication.translate("EnrolmentPdf",
            "The enrolment PDF is not part of this build yet. The enrolment itself is saved; "
            "the form can be produced later from Company & enrolment."))
        return None
    from lei_desktop.services import enrolment

    if enrolment.get_company(ctx.store) is None:
        QMessageBox.information(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"), QCoreApplication.translate("EnrolmentPdf", "Save the company profile first."))
        return None
    if path is None:
        from lei_desktop.paths import user_data_dir

        suggested = str(Path.home() / "enrolment.pdf") if Path.home().is_dir() else str(user_data_dir() / "enrolment.pdf")
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("EnrolmentPdf", "Save the enrolment PDF"), suggested, QCoreApplication.translate("EnrolmentPdf", "PDF (*.pdf)"))
        if not path:
            return None

    def done(_result) -> None:
        answer = QMessageBox.question(parent, QCoreApplication.translate("EnrolmentPdf", "Enrolment PDF"),
                                      QCoreApplication.translate("EnrolmentPdf", "Saved %1.\nOpen its folder?").replace("%1", path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    store = ctx.store
    return ctx.run_in_thread(lambda: fn(store, Path(path), policy_ref=policy_ref), done,
                             lambda exc: ctx.show_error(parent, exc))
