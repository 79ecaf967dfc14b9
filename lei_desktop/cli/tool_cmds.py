"""uscc, amount-in-words: small checks a legal officer needs at the keyboard."""

from __future__ import annotations

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.money import parse_decimal, quantize_exact
from lei_desktop.domain.numerals import amount_in_words, amount_in_words_en
from lei_desktop.domain.uscc import check


def register(sub, common) -> None:
    p = sub.add_parser("uscc", parents=[common], help="check a 统一社会信用代码 (unified social credit code)")
    p.add_argument("code")
    p.set_defaults(func=cmd_uscc)

    p = sub.add_parser("amount-in-words", parents=[common], help="an amount as 人民币 uppercase numerals (--lang en: in English words)")
    p.add_argument("amount")
    p.set_defaults(func=cmd_words)


def cmd_uscc(ctx) -> int:
    result = check(ctx.args.code)
    if ctx.json:
        doc = {"code": result.code, "valid": result.valid}
        if not result.valid:
            doc.update(reason=result.reason, zh=result.message("zh"), en=result.message("en"), **dict(result.params))
        ctx.emit_json(doc)
        return 0 if result.valid else 1
    if result.valid:
        ctx.out("valid")
        return 0
    ctx.out(f"invalid: {result.message(ctx.lang)}")  # the answer, on stdout
    raise ValidationError(result.reason, "uscc", **dict(result.params))  # and the refusal line on stderr


def cmd_words(ctx) -> int:
    raw = ctx.args.amount.strip().lstrip("¥￥").strip()
    amount = quantize_exact(parse_decimal(raw, "amount"), 2, "CNY", "amount")  # 12.345 is refused, not rounded
    words = amount_in_words(amount)
    english = getattr(ctx.args, "lang_given", False) and ctx.lang == "en"
    if ctx.json:
        doc = {"amount": f"{amount.quantize(parse_decimal('0.01')):f}", "words": words}
        if english:
            doc["words_en"] = amount_in_words_en(amount)
        ctx.emit_json(doc)
    else:
        ctx.out(amount_in_words_en(amount) if english else words)
    return 0
