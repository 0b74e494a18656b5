"""An SVG's `<style>` rules are bounded before any is matched: their selectors together, and first their text.

(review-14 R15: each rule is matched against every element the drawing has, by each rule check and by svglib and
CairoSVG: 1,000 rules of two selectors over 1,800 `<rect>`s took 5.8 s to read, linear in the rules, and some
300,000 fit in the 20 MB an image may hold: half an hour of `check`.) A chart writes a handful (matplotlib one rule,
Observable Plot three selectors); beyond the bound the drawing is refused at its `<style>`'s line, saying to save it
with its styles as attributes, or as PNG.
"""

from __future__ import annotations

from bounded import within
from ccdocs.sources.svg import MAX_SELECTORS, MAX_STYLE_TEXT, read_svg

HANG = 60
RECTS = "".join(f'<rect x="{i % 100}" y="{i // 100}" width="1" height="1"/>' for i in range(1_800))


def _drawing(rules: int, selectors: int = 2) -> bytes:
    """A drawing of 1,800 `<rect>`s whose `<style>` (line 3) holds `rules` rules of `selectors` selectors."""
    css = "\n".join(", ".join(f".c{i}-{k} rect" for k in range(selectors)) + " { fill: red }" for i in range(rules))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">\n<title>Many rules</title>\n'
            f'<style>\n{css}\n</style>\n<g>{RECTS}</g>\n</svg>').encode()


def test_a_drawing_within_the_selectors_bound_is_read():
    assert read_svg("a.svg", _drawing(MAX_SELECTORS // 2)) == (75.0, 45.0)      # 1.5 s


def test_rules_beyond_the_selectors_bound_are_refused_at_the_style_s_line():
    message, hint = read_svg("a.svg", _drawing(MAX_SELECTORS // 2 + 1))
    assert message.startswith(f"image `a.svg`, line 3: the drawing's `<style>` rules have more than {MAX_SELECTORS} "
                              "selectors together"), message
    assert hint == "save the drawing with its styles as attributes, or as PNG"


def test_one_rule_of_many_selectors_counts_each():
    message, _ = read_svg("a.svg", _drawing(1, MAX_SELECTORS + 1))
    assert f"more than {MAX_SELECTORS} selectors" in message, message


def test_selectors_within_is_count_each():
    body = ":is(" + ", ".join(f".c{k}" for k in range(MAX_SELECTORS + 1)) + ") rect { fill: red }"
    data = (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60"><style>{body}</style>'
            f'<g>{RECTS}</g></svg>').encode()
    message, _ = read_svg("a.svg", data)
    assert f"more than {MAX_SELECTORS} selectors" in message, message


def test_the_style_s_text_is_bounded_before_it_is_read():
    rules = MAX_STYLE_TEXT // 25
    message, hint = read_svg("a.svg", _drawing(rules, 1))
    assert message.startswith(f"image `a.svg`, line 3: the drawing's `<style>` rules have more than "
                              f"{MAX_STYLE_TEXT // 1024} KB of text together"), message
    assert hint == "save the drawing with its styles as attributes, or as PNG"


def test_the_worst_style_an_image_may_hold_is_refused_in_time():
    """Rules to the image's 20 MB bound (four `<style>`s of 150,000, each within the 10 MB of text lxml reads;
    half an hour before), over 1,800 `<rect>`s."""
    style = _drawing(150_000).decode().split("<style>")[1].split("</style>")[0]
    data = _drawing(0).replace(b"<style>", f"<style>{style}</style>".encode() * 3 + b"<style>")
    assert 18 * 2**20 < len(data) < 20 * 2**20
    message, _ = within(lambda: read_svg("a.svg", data), HANG, "a drawing of 600,000 style rules refused")
    assert message.startswith("image `a.svg`, line 3: the drawing's `<style>` rules have more than"), message


def _nested(selector: str, rules: int, depth: int = 250) -> bytes:
    """A drawing of one `<rect>` inside `depth` nested `<g>`s, its `<style>` (line 3) `rules` rules of `selector`."""
    css = "\n".join(f"{selector} {{ fill: red }}" for _ in range(rules))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">\n<title>Nested</title>\n'
            f'<style>\n{css}\n</style>\n{"<g>" * depth}<rect width="1" height="1"/>{"</g>" * depth}\n</svg>').encode()


def test_a_selector_that_backtracks_beyond_the_bound_is_refused_before_it_is_matched():
    """fixer14i's finding: cssselect2 tries every ancestor for each descendant combinator and every earlier sibling
    for a `~`: `x g g rect` over 250 nested `<g>`s (20 rules) took 10.5 s, `x rect ~ rect` over 1,800 `<rect>`s (5
    rules) 14.7 s, and each more combinator multiplies it. Refused at the `<style>`'s line, in a forked child
    bounded in time (they ran past it before)."""
    message, hint = within(lambda: read_svg("a.svg", _nested("x g g g rect", 20)), HANG, "a deep selector")
    assert message.startswith("image `a.svg`, line 4: the `<style>` selector `x g g g rect` holds 4 descendant "
                              "combinators: CairoSVG"), message
    assert hint == "save the drawing with its styles as attributes, or as PNG"
    css = "\n".join("x rect ~ rect { fill: red }" for _ in range(20))
    sibling = (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">\n<style>\n{css}\n</style>\n'
               f'<g>{RECTS}</g>\n</svg>').encode()
    message, _ = within(lambda: read_svg("a.svg", sibling), HANG, "a sibling selector")
    assert "`x rect ~ rect` holds a `~` combinator" in message, message


def test_charts_selectors_are_read():
    """Observable Plot's `:where(.plot-…) text`, child and adjacent combinators, two descendant combinators."""
    for selector in (":where(.plot-d6a7b5) text, :where(.plot-d6a7b5) tspan", "svg > g > g > rect", "g + g rect",
                     "x g rect"):
        assert read_svg("a.svg", _nested(selector, 5, 20)) == (75.0, 45.0), selector


def test_css_nested_thousands_deep_is_refused_at_its_line_not_an_internal_error():
    """review-14 R22: `:is(` 3,000 times around `rect` (15 KB, within the style bounds) ended `check` in "internal
    error: RecursionError" (tinycss2, cssselect2 and ccdocs's own token walk recurse into each level); so did a
    `style` attribute nesting a function. Refused at its element's line before any CSS reader parses it."""
    deep = ":is(" * 3_000 + "rect" + ")" * 3_000
    styled = (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">\n<style>{deep} {{ fill: red }}'
              '</style>\n<rect width="1" height="1"/>\n</svg>').encode()
    message, hint = read_svg("a.svg", styled)
    assert message == ("image `a.svg`, line 2: its CSS nests brackets more than 32 deep (3000): a drawing program "
                       "writes two or three"), message
    assert hint == "save the drawing with its styles as attributes, or as PNG"
    attribute = (f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="60">\n'
                 f'<rect width="1" height="1" style="fill: {"f(" * 3_000}red{")" * 3_000}"/>\n</svg>').encode()
    assert read_svg("a.svg", attribute)[0].startswith("image `a.svg`, line 2: its CSS nests brackets more than 32")
