"""Dashboard page: the table and the chart show the service's figures, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from lei_desktop.services import dashboard
from lei_desktop.ui.context import UiContext
from tests.ui.gui2_support import fresh_event_loop  # noqa: F401 - autouse fixture


def test_dashboard_shows_the_figures(qtbot, loaded_store, tmp_path):
    from lei_desktop.ui.pages.dashboard import DashboardPage

    ctx = UiContext(loaded_store, "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=20000)
    expected = dashboard.figures(loaded_store).policies[0]
    (table,) = page.tables
    assert table.item(0, 0).text().startswith("D1")
    assert table.item(0, 2).text() == ctx.fmt_money(expected.disputes[0].spent, "CNY")
    assert table.item(1, 0).text() == "Total"
    (chart,) = page.charts
    assert chart.groups == [("D1", [expected.disputes[0].spent, expected.disputes[0].covered,
                                    expected.disputes[0].claimed, expected.disputes[0].paid])]
    image = chart.grab()
    assert not image.isNull() and image.width() > 100
    assert page.gauges[0].limit == expected.aggregate_limit


def test_dashboard_lists_open_deadlines_in_the_language(qtbot, loaded_store, tmp_path):
    from lei_desktop.services.deadlines import list_deadlines
    from lei_desktop.ui.pages.dashboard import DashboardPage

    ctx = UiContext(loaded_store, "zh", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=20000)
    expected = sorted(list_deadlines(loaded_store), key=lambda d: (d.due, d.kind, d.ref))
    assert expected, "the example has open deadlines (notice, expiry)"
    table = page.deadlines_table
    assert table.rowCount() == len(expected)
    assert [table.item(i, 2).text() for i in range(table.rowCount())] == [d.to_json()["zh"] for d in expected]
