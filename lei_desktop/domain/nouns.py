"""What a message's ``kind`` names, in Chinese and English.

Services raise ``NotFound("not_found", field, kind="claim", ref=...)`` (and ``duplicate_ref``,
``in_use``, ``stale``) with the kind as a code; :func:`lei_desktop.domain.messages.text` puts the
noun of the message's language in its place, so Chinese reads 找不到索赔“CL-1” rather than
找不到 claim “CL-1”. ``in_use`` counts what still refers to a record with ``count`` and
``by_kind`` (3 笔费用 / 3 expenses). Scenario sections (``policies``, ``fx_rates`` …) name the
same things. A kind not listed here is shown as given.
"""

from __future__ import annotations

from lei_desktop.domain.messages import register_nouns

#: code: (Chinese, English, Chinese measure word, English plural)
NOUNS: dict[str, tuple[str, str, str, str]] = {
    "company": ("企业", "company", "家", "companies"),
    "policy": ("保单", "policy", "份", "policies"),
    "dispute": ("纠纷", "dispute", "起", "disputes"),
    "consent": ("保险人同意函", "consent", "份", "consents"),
    "expense": ("费用", "expense", "笔", "expenses"),
    "claim": ("索赔", "claim", "项", "claims"),
    "payment": ("赔款", "payment", "笔", "payments"),
    "attachment": ("附件", "attachment", "个", "attachments"),
    "file": ("文件", "file", "个", "files"),
    "mapping": ("列映射", "column mapping", "个", "column mappings"),
    "rate": ("汇率", "exchange rate", "条", "exchange rates"),
    "invoice": ("发票", "invoice", "张", "invoices"),
}

#: scenario sections name the same things (``duplicate_ref`` in ``policies[2]``)
SECTIONS = {"policies": "policy", "disputes": "dispute", "consents": "consent", "expenses": "expense",
            "fx_rates": "rate", "rates": "rate", "claims": "claim", "payments": "payment"}

register_nouns({**NOUNS, **{section: NOUNS[code] for section, code in SECTIONS.items()}})
