"""UiContext's worker helper, the fonts, the language choice."""

from __future__ import annotations

import threading

from lei_desktop.domain.errors import ValidationError


def test_run_in_thread_returns_on_the_gui_thread_with_progress(qtbot, ctx):
    gui = threading.get_ident()
    seen: dict = {"progress": []}

    def work(progress):
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress(i)
        return 42

    def done(value):
        seen["done"] = (value, threading.get_ident())

    ctx.run_in_thread(work, done, None, lambda v: seen["progress"].append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: "done" in seen)
    assert seen["worker"] != gui
    assert seen["done"] == (42, gui)
    assert [v for v, _ in seen["progress"]] == [0, 1, 2]
    assert all(t == gui for _, t in seen["progress"])


def test_run_in_thread_hands_refusals_to_on_error(qtbot, ctx):
    got = []

    def work():
        raise ValidationError("required", "amount")

    ctx.run_in_thread(work, lambda v: got.append(("done", v)), lambda exc: got.append(("error", exc)))
    qtbot.waitUntil(lambda: bool(got))
    kind, exc = got[0]
    assert kind == "error" and exc.code == "required"
    ctx.lang = "zh"
    assert ctx.error_text(exc) == "amount: " + exc.zh


def test_a_cjk_font_is_registered_and_covers_rare_characters(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from lei_desktop.app import register_fonts

    family = register_fonts(qapp)
    assert family, "neither the bundled font nor a system CJK font was found"
    metrics = QFontMetrics(QFont(family))
    for ch in "堃昇珺北京¥":
        assert metrics.inFontUcs4(ord(ch)), (family, ch)


def test_language_defaults_to_the_system_locale(qapp, ctx, monkeypatch):
    from PySide6.QtCore import QLocale

    from lei_desktop.ui import i18n

    ctx.settings.remove(i18n.SETTINGS_KEY)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese,
                                                                        QLocale.Country.China)))
    assert i18n.initial_lang(ctx.settings, None) == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German,
                                                                        QLocale.Country.Germany)))
    assert i18n.initial_lang(ctx.settings, None) == "en"
    i18n.remember(ctx.settings, "zh")
    assert i18n.initial_lang(ctx.settings, None) == "zh"
