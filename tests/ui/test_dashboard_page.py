"""Dashboard page: the table and the chart show the service's figures, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from lei_desktop.services import dashboard
from lei_desktop.ui.context import UiContext


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
