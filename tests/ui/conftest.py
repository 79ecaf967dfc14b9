"""GUI fixtures: a UiContext over a fresh or loaded store; the language reset after each test."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, store):
    from lei_desktop.ui import i18n
    from lei_desktop.ui.context import UiContext, make_settings

    i18n.install("en")
    c = UiContext(store, "en", make_settings())
    yield c
    c.wait_idle()
    i18n.install("en")


@pytest.fixture
def loaded_ctx(qapp, loaded_store):
    from lei_desktop.ui import i18n
    from lei_desktop.ui.context import UiContext, make_settings

    i18n.install("en")
    c = UiContext(loaded_store, "en", make_settings())
    yield c
    c.wait_idle()
    i18n.install("en")


@pytest.fixture
def expenses_page(qtbot, loaded_ctx):
    """The Expenses page over the example scenario, shown at a desktop size."""
    from lei_desktop.ui.pages.expenses import ExpensesPage

    p = ExpensesPage(loaded_ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    return p


@pytest.fixture
def window(qtbot, loaded_ctx):
    from lei_desktop.ui.main_window import MainWindow

    w = MainWindow(loaded_ctx)
    qtbot.addWidget(w)
    w._force_close = True
    return w
