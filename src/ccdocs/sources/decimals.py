"""The digits a binary float keeps of a decimal typed in a YAML file or in a figure, both read as floats."""

from __future__ import annotations

import math
from decimal import Decimal

HINT = ("round it to 15 significant digits, or give the figure in a CSV data file, which reads decimals of up to 20 "
        "digits exactly")


def unkept(typed: str, value: float, reader: str) -> tuple[str, str] | None:
    """(message, hint) when `value`, the float the decimal `typed` was read as (underscores between its digits
    allowed), is not that number: not finite, or its repr (what a figure computes with and prints:
    `l10n.formats.to_decimal`) other digits; None when it is. `reader` names what read it in the message
    (`a YAML decimal`)."""
    if not math.isfinite(value):
        return f"`{typed}` is not a finite number", "write a figure"
    if Decimal(repr(value)) == Decimal(typed.replace("_", "")):
        return None
    kept = f"{Decimal(repr(value)):,f}"
    return (f"the decimal `{typed}` cannot be kept exactly: {reader} keeps 15 significant digits"
            + (f" (it would be read as {kept})" if len(kept) <= 40 else ""), HINT)
