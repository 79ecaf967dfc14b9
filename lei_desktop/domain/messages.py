"""One bilingual catalog: the core speaks in codes, this turns a code into Chinese and English.

Modules add their own codes with :func:`register` at import time (coverage reasons, import
errors, ...). Parameters are formatted with ``str.format`` from keyword arguments.
"""

from __future__ import annotations

from collections.abc import Mapping

_CATALOG: dict[str, tuple[str, str]] = {}
_NOUNS: dict[str, tuple[str, str, str, str]] = {}  # see domain/nouns.py


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    for code, pair in entries.items():
        if code in _CATALOG and _CATALOG[code] != pair:
            raise ValueError(f"message code {code!r} registered twice with different text")
        _CATALOG[code] = pair


def register_nouns(entries: Mapping[str, tuple[str, str, str, str]]) -> None:
    """Nouns a ``kind`` parameter may name: code -> (zh, en, zh measure word, en plural)."""
    _NOUNS.update(entries)


def noun(kind: str, lang: str = "en") -> str:
    """``claim`` -> 索赔 / claim; a kind not registered is given back as it is."""
    entry = _NOUNS.get(kind)
    if entry is None:
        return kind
    return entry[0] if lang == "zh" else entry[1]


def count_of(count: int, kind: str, lang: str = "en") -> str:
    """3 笔费用 / 3 expenses / 1 expense."""
    entry = _NOUNS.get(kind)
    if entry is None:
        return f"{count} {kind}"
    zh, en, measure, plural = entry
    if lang == "zh":
        return f"{count} {measure}{zh}"
    return f"{count} {en if count == 1 else plural}"


def _localized(params: dict, lang: str) -> dict:
    kind = params.get("kind")
    if isinstance(kind, str) and kind in _NOUNS:
        params = {**params, "kind": noun(kind, lang)}
    if "by_kind" in params and "count" in params and "by" not in params:
        params = {**params, "by": count_of(params["count"], params["by_kind"], lang)}
    return params


def has(code: str) -> bool:
    return code in _CATALOG


def text(code: str, lang: str = "en", **params: object) -> str:
    """The message for ``code`` in ``lang`` ('zh' or 'en'), with its parameters filled in."""
    pair = _CATALOG.get(code)
    if pair is None:
        return code if not params else f"{code} {params}"
    template = pair[0] if lang == "zh" else pair[1]
    try:
        return template.format(**_localized(params, lang))
    except (KeyError, IndexError, ValueError):
        return template


def both(code: str, **params: object) -> dict[str, str]:
    return {"code": code, "zh": text(code, "zh", **params), "en": text(code, "en", **params)}


register(
    {
        # generic field validation
        "required": ("必填项不能为空", "is required"),
        "too_long": ("不能超过 {max} 个字符", "must be at most {max} characters"),
        "not_a_date": ("日期格式应为 YYYY-MM-DD，收到 “{value}”", "must be a date YYYY-MM-DD, got '{value}'"),
        "not_a_decimal": ("应为十进制数字，收到 “{value}”", "must be a decimal number, got '{value}'"),
        "not_an_integer": ("应为整数，收到 “{value}”", "must be a whole number, got '{value}'"),
        "not_a_bool": ("应为 true 或 false", "must be true or false"),
        "not_a_list": ("应为列表", "must be a list"),
        "not_an_object": ("应为对象", "must be an object"),
        "not_a_string": ("应为文本", "must be text"),
        "float_money": ("金额不能以浮点数给出，请写成字符串，如 \"12.50\"", "amounts must not be floats; write them as strings like \"12.50\""),
        "negative": ("不能为负数", "must not be negative"),
        "not_positive": ("必须大于零", "must be greater than zero"),
        "out_of_range": ("应在 {low} 与 {high} 之间", "must be between {low} and {high}"),
        "bad_choice": ("“{value}” 无效，可选：{choices}", "'{value}' is not one of {choices}"),
        "date_order": ("{later} 不能早于 {earlier}", "{later} must not be before {earlier}"),
        "bad_ref": ("编号 “{value}” 不能包含空格或逗号", "reference '{value}' must not contain spaces or commas"),
        "unknown_field": ("未知字段 “{name}”", "unknown field '{name}'"),
        "bad_email": ("电子邮件地址无效", "is not a valid e-mail address"),
        "bad_country": ("“{value}” 不是 ISO 3166-1 两位国家代码", "'{value}' is not an ISO 3166-1 alpha-2 country code"),
        # money and currencies
        "unknown_currency": ("“{value}” 不是 ISO 4217 货币代码", "'{value}' is not an ISO 4217 currency code"),
        "money_precision": (
            "{currency} 最多 {digits} 位小数，收到 {value}（不做舍入）",
            "{currency} allows at most {digits} decimal places, got {value} (not rounded)",
        ),
        "currency_mismatch": ("不能混合计算 {a} 与 {b}", "cannot combine {a} with {b}"),
        "rate_per": ("汇率单位只能是每 1 或每 100 单位外币，收到 {value}", "a rate is quoted per 1 or per 100 units, got {value}"),
        "rate_precision": ("汇率最多 6 位小数，收到 {value}", "a rate has at most 6 decimal places, got {value}"),
        # USCC
        "uscc_length": ("统一社会信用代码应为 18 位，实际 {length} 位", "a unified social credit code has 18 characters, got {length}"),
        "uscc_charset": (
            "第 {position} 位字符 “{char}” 不允许（只能是数字和除 I、O、Z、S、V 外的大写字母）",
            "character '{char}' at position {position} is not allowed (digits and capitals except I, O, Z, S, V)",
        ),
        "uscc_check": (
            "校验码错误：第 18 位应为 “{expected}”，实际为 “{actual}”",
            "wrong check character: position 18 should be '{expected}', got '{actual}'",
        ),
        "uscc_override_needed": (
            "统一社会信用代码未通过校验（{reason}）；如确认无误，请填写例外说明",
            "the unified social credit code fails its check ({reason}); give an override reason if it is right",
        ),
        "valid": ("有效", "valid"),
        # references and store
        "not_found": ("找不到{kind}“{ref}”", "no {kind} '{ref}'"),
        "duplicate_ref": ("{kind}“{ref}”已存在", "{kind} '{ref}' already exists"),
        "in_use": ("{kind}“{ref}”仍被 {by} 引用，不能删除", "{kind} '{ref}' is still used by {by} and cannot be deleted"),
        "frozen": (
            "费用 “{ref}” 已随索赔 {claim} 提交，不能修改或删除",
            "expense '{ref}' was submitted in claim {claim} and cannot be changed or deleted",
        ),
        "stale": (
            "{kind}“{ref}”已被他人修改，请重新载入后再保存",
            "{kind} '{ref}' was changed by someone else; reload it before saving",
        ),
        "no_company": ("尚未登记企业信息", "no company has been enrolled yet"),
        # scenario files
        "bad_json": ("JSON 格式错误（第 {line} 行第 {column} 列）：{detail}", "invalid JSON (line {line}, column {column}): {detail}"),
        "bad_format_tag": ("文件格式应为 “{expected}”，收到 “{value}”", "the file format must be '{expected}', got '{value}'"),
        "file_missing": ("找不到文件 “{path}”", "file '{path}' does not exist"),
        "file_unreadable": ("无法读取文件 “{path}”：{detail}", "cannot read file '{path}': {detail}"),
        "hash_mismatch": ("文件 “{path}” 的 SHA-256 与记录不符", "the SHA-256 of file '{path}' does not match the record"),
        "attachment_kind": ("附件类型 “{value}” 无效，可选：{choices}", "attachment kind '{value}' is not one of {choices}"),
    }
)


# the nouns a ``kind`` names (kept in their own module; imported last, as it registers here)
from lei_desktop.domain import nouns as _nouns  # noqa: E402, F401
