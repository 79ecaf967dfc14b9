"""Main-window pages. Each is ``XxxPage(QWidget)`` with ``page_id``, ``retranslate()`` and ``refresh()``."""
