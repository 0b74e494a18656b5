"""Number, percentage, Swiss-franc and date formats of one language, usable as Jinja2 filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from functools import cache, cached_property
from string import Formatter
from typing import Any, Callable

from babel import Locale
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_symbol,
    parse_pattern,
)

from .dates import babel_locale, format_date_range, format_day
from .language import Language, as_language

# Halves round up, as in the spreadsheets the figures come from [chosen]; babel rounds half-even
# by default and follows the decimal context's rounding.
ROUNDING = ROUND_HALF_UP
DASH = "-"
FILTERS = ("number", "decimal", "percent", "percent_value", "chf", "chf_millions", "chf_thousands", "date",
           "daterange")  # the Jinja2 filters, each a method of Formats
FIGURE_KINDS = ("integer", "decimal", "percent", "percent_value", "chf", "chf_thousands")


def to_decimal(value: Any) -> Decimal:
    """Convert an int, float, Decimal or numeric string to a finite Decimal, else raise ValueError.

    A string with an underscore is no number: Python's Decimal reads `1_000` as 1000 and `1__0` as 10 (PEP 515
    digit grouping), so a typo would print another figure; a data file writes the digits alone.

    >>> to_decimal(" 1735 "), to_decimal("0.601")
    (Decimal('1735'), Decimal('0.601'))
    >>> to_decimal("1__0")
    Traceback (most recent call last):
    ValueError: not a number: '1__0'
    """
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))  # 0.428 stays 0.428, not its binary expansion
    elif isinstance(value, str):
        if "_" in value:
            raise ValueError(f"not a number: {value!r}")
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    else:
        raise ValueError(f"not a number: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


class NotWhole(Exception):
    """A value with a fractional part given to a format that prints whole numbers (`number`): `value` is the very
    object given (for its place in the data to be found: `sources.values.Origins.number_place`), `name` the format.
    Not a ValueError: the value is a number, only not one this format prints."""

    def __init__(self, value: Any, name: str):
        super().__init__(f"`{to_decimal(value):f}` is not a whole number, which `| {name}` prints")
        self.value, self.name = value, name


CENTIMES = 2  # the decimals of an amount in francs `| chf` rounds to whole francs; more are refused


class Centimes(Exception):
    """An amount of the data written with more decimals than centimes (`12345.675`) given to `| chf`, which rounds
    francs and centimes to whole francs: three decimals or more are no amount in francs but a thousands point
    (`1.735`), a decimal comma's export or another unit, which rounding would hide (`sandbox` raises it for a value
    of the data only: an amount a figure computes, `total / 12`, is rounded). `value` is the very object given."""

    def __init__(self, value: Any):
        super().__init__(f"`{to_decimal(value):f}` has more decimals than centimes, which `| chf` rounds")
        self.value = value


def beyond_centimes(value: Any) -> bool:
    """Whether `value` is written with more than CENTIMES decimals (`12345.675`; `12345.670` too: as written).

    >>> [beyond_centimes(v) for v in (12345, 12345.67, Decimal("12345.670"), 1.735, "12.5")]
    [False, False, True, True, False]
    """
    return -to_decimal(value).as_tuple().exponent > CENTIMES


def thousands_reading(value: Decimal) -> str | None:
    """The whole number `value` (a number written with exactly three decimals, from 1 to below 1,000: `1.735`) is
    where its point is a thousands separator, as German, Italian or Spanish write one (`1735`); else None (`0.601`
    is no thousands written so: review-13 R2)."""
    if value.as_tuple().exponent != -3 or not 1 <= abs(value) < 1000:
        return None
    return str(value.scaleb(3).to_integral_value())


def places_of(value: Decimal) -> int:
    """The decimals `value` is written with, at most 6: the `places` (or `| decimal(n)`) printing it as written."""
    return min(-value.as_tuple().exponent, 6)


def whole_hint(value: Decimal, hint: str) -> str:
    """`hint` for a figure `value` that is not a whole number where one is printed, after its reading as a whole
    number written with a thousands separator where it may be one (`thousands_reading`).

    >>> whole_hint(Decimal("1.735"), "round it")
    'if the point is a thousands separator [1.735 for 1,735], write `1735`; round it'
    >>> whole_hint(Decimal("0.601"), "round it")
    'round it'
    """
    reading = thousands_reading(value)
    if reading is None:
        return hint
    return f"if the point is a thousands separator [{value:f} for {int(reading):,}], write `{reading}`; {hint}"


def _pattern(places: int, percent: bool = False, optional: bool = False) -> str:
    """Build a CLDR number pattern with grouping and `places` fixed (or optional) decimals."""
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ValueError(f"places must be a non-negative integer, got {places!r}")
    fraction = ("." + ("#" if optional else "0") * places) if places else ""
    return "#,##0" + fraction + ("%" if percent else "")


@cache
def _parsed(pattern: str) -> NumberPattern:
    """A CLDR number pattern as babel reads it, read once per process (babel would read it at every figure)."""
    return parse_pattern(pattern)


def _unsigned_zero(v: Decimal, places: int) -> Decimal:
    """`v`, or 0 when it rounds to zero at `places` decimals (so that -0.04 prints 0.0, not -0.0; -40,000 francs
    in millions 0, not -0). Every filter printing a figure rounds through it."""
    if not abs(v) < 1:   # only a fraction can round to zero (and a large figure is never quantized past precision)
        return v
    with localcontext(rounding=ROUNDING):
        return Decimal(0) if v.quantize(Decimal(1).scaleb(-places)) == 0 else v


def to_date(value: Any) -> date:
    """Accept a date, a datetime (its date) or an ISO 8601 date string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"not an ISO date: {value!r}") from None
    raise ValueError(f"not a date: {value!r}")


@dataclass(frozen=True)
class Formats:
    """The formats of one document language, its profile or its code (looked up: `l10n.language.as_language`);
    `filters()` gives them to Jinja2."""

    language: Language | str

    def __post_init__(self) -> None:
        """Hold the profile (InputError when a code names none)."""
        object.__setattr__(self, "language", as_language(self.language))

    @property
    def lang(self) -> str:
        """The language's code."""
        return self.language.code

    @cached_property
    def locale(self) -> Locale:
        """The babel locale of the profile: en, or zh_Hans_CN for zh (parsed once: every figure asks)."""
        return babel_locale(self.language)

    @property
    def digits(self) -> str:
        """The CLDR numbering system of the profile's figures (`latn`)."""
        return self.language.script.digits

    def _decimal(self, value, pattern: str | None = None) -> str:
        return format_decimal(value, pattern and _parsed(pattern), locale=self.locale, numbering_system=self.digits)

    def _currency(self, form: str, **values: str) -> str:
        """A currency form of the profile filled with CHF's CLDR symbol and name."""
        return form.format(symbol=get_currency_symbol("CHF", locale=self.locale),
                           name=get_currency_name("CHF", locale=self.locale), **values)

    def number(self, v: Any) -> str:
        """A count with thousands separators: 13930 → '13,930'. A value with a fractional part is refused
        (NotWhole), never rounded nor printed with its decimals: `decimal(n)` prints decimals, `decimal(0)` rounds."""
        value = to_decimal(v)
        if value != value.to_integral_value():
            raise NotWhole(v, "number")
        return self._decimal(value.to_integral_value() + 0)

    def decimal(self, v: Any, places: int = 1) -> str:
        """A number with exactly `places` decimals: 4.66 → '4.7'."""
        pattern = _pattern(places)
        with localcontext(rounding=ROUNDING):
            return self._decimal(_unsigned_zero(to_decimal(v), places), pattern)

    def percent(self, v: Any, places: int = 1) -> str:
        """A fraction as a percentage: 0.428 → '42.8%' (both languages)."""
        pattern = _pattern(places, percent=True)
        with localcontext(rounding=ROUNDING):
            value = to_decimal(v)
            if _unsigned_zero(value * 100, places) == 0:
                value = Decimal(0)
            return format_percent(value, _parsed(pattern), locale=self.locale, numbering_system=self.digits)

    def percent_value(self, v: Any, places: int = 1) -> str:
        """A value already in percent: 42.8 → '42.8%'."""
        return self.percent(to_decimal(v) / 100, places)

    def chf(self, v: Any) -> str:
        """Whole Swiss francs, centimes rounded half up: en 'CHF 857,300'; zh '857,300瑞士法郎'. A figure refuses
        an amount of the data written with more decimals (`Centimes`); this rounds whatever it is given."""
        with localcontext(rounding=ROUNDING):
            amount = self._decimal(_unsigned_zero(to_decimal(v), 0), _pattern(0))
        return self._currency(self.language.currency["amount"], amount=amount)

    def francs_code(self) -> str:
        """The profile's `currency.amount` form as a spreadsheet number format (charts' caches and workbooks):
        `"CHF "#,##0`, `#,##0"瑞士法郎"`."""
        out, literal = [], ""
        for text, name, _, _ in Formatter().parse(self.language.currency["amount"]):
            literal += text
            if name == "amount":
                out += [f'"{literal}"' if literal else "", "#,##0"]
                literal = ""
            elif name:
                literal += self._currency("{" + name + "}")
        return "".join(out) + (f'"{literal}"' if literal else "")

    def chf_millions(self, v: Any, places: int = 1) -> str:
        """Francs (v) rounded to `places` decimals of a million, in the profile's `currency.millions` form:
        en 'CHF 4.7 million'; zh '470万瑞士法郎'.

        `{millions}` counts in millions (trailing zeros dropped: 'CHF 4 million'); `{compact}` writes the same
        rounded amount in CLDR's short compact units, as Chinese 万 / 亿 (4,700,000 → 470万, 1.2e9 → 12亿).
        """
        _pattern(places)
        form = self.language.currency["millions"]
        with localcontext(rounding=ROUNDING):
            millions = _unsigned_zero((to_decimal(v) / 1_000_000).quantize(Decimal(1).scaleb(-places)), places)
            values = {}
            if "{millions}" in form:
                values["millions"] = self._decimal(millions, _pattern(places, optional=True))
            if "{compact}" in form:
                values["compact"] = format_compact_decimal(millions.scaleb(6), locale=self.locale,
                                                           fraction_digits=places + 2, numbering_system=self.digits)
            return self._currency(form, **values)

    def chf_thousands(self, v: Any) -> str:
        """Francs counted in whole thousands, as under a unit line: 58488300 → '58,488' (both languages)."""
        return self.decimal(to_decimal(v) / 1000, 0)

    def figure(self, v: Any, kind: str = "integer", places: int = 0, *, parentheses: bool = False,
               dash_zero: bool = False) -> str:
        """A table cell of column type `kind`: with `dash_zero` 0 → '-'; with `parentheses` -811 → '(811)'.

        `integer` rounds to whole units, `decimal`, `percent` (a fraction) and `percent_value` (a value
        already in percent) to `places` decimals; `chf` prints francs, `chf_thousands` francs in thousands.
        """
        if kind not in FIGURE_KINDS:
            raise ValueError(f"unknown figure kind {kind!r}; expected one of {FIGURE_KINDS}")
        value = to_decimal(v)
        if dash_zero and value == 0:
            return DASH
        text = {
            "integer": lambda: self.decimal(value, 0), "decimal": lambda: self.decimal(value, places),
            "percent": lambda: self.percent(value, places), "percent_value": lambda: self.percent_value(value, places),
            "chf": lambda: self.chf(value), "chf_thousands": lambda: self.chf_thousands(value),
        }[kind]()
        return self.in_parentheses(text) if parentheses else text

    @staticmethod
    def in_parentheses(text: str) -> str:
        """A formatted negative figure written the accountants' way: '-811' → '(811)'; others unchanged."""
        return f"({text[1:]})" if text.startswith("-") and text[1:2].isdigit() else text

    def date(self, v: Any) -> str:
        """A date (or ISO string): en 'May 21, 2026'; zh '2026年5月21日'."""
        return format_day(to_date(v), self.language)

    def daterange(self, first: Any, last: Any) -> str:
        """Days from `first` to `last` in running text, after the sentence's opening word (the profile's
        `dates.prose_to`): en 'July 7 to 15, 2026'; zh '2026年7月7日至15日'; fr '1er janvier au 31 décembre 2024'."""
        return format_date_range(to_date(first), to_date(last), self.language, prose=True)

    def filters(self) -> dict[str, Callable[..., str]]:
        """The Jinja2 filters, by name (a new dict on each call)."""
        return {name: getattr(self, name) for name in FILTERS}
