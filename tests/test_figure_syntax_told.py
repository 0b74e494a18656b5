"""A figure that does not parse is told in ccdocs's words at its place, as a figure that parses but is refused:
`{{ a if }}` and `{{ a if b else }}` as `{{ a if b }}` (newcomer #6: told as Jinja2's 'unexpected 'end of
template''), an expression ending too soon or holding a stray token without Jinja2's wording."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, ccdocs_here

IF_REFUSED = "error: not allowed in a document: `if … else` may not stand in a figure"


COUNTRIES = {"data/countries.csv": "id,label,applied\nin,India,1200\nis,Iceland,30\nor,Oregon,5\nnot,Nothing,1\n"}


def _told(make_doc, figure: str, files: dict | None = None) -> list[str]:
    """The errors check tells for a report whose third line holds `figure` (the paper in English alone), the data
    files `files` added under `data:` by their names."""
    report = f"# Introduction\n\nWe count {figure} staff.\n"
    spec = MINIMAL.split("tables:\n")[0].replace("languages: [en, zh]", "languages: [en]")
    for path in files or {}:
        spec = spec.replace("data:\n", f"data:\n  {path.split('/')[-1].split('.')[0]}: {path}\n")
    folder = make_doc({"content/report.md": report, "document.yaml": spec, **(files or {})})
    result = ccdocs_here("check", folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if ": error: " in line]


@pytest.mark.parametrize("figure, col", [
    ("{{ workforce.staff if workforce.staff }}", 10),  # parses: refused as a conditional, at the `{{`
    ("{{ workforce.staff if }}", 29),  # does not parse: the same refusal, at the `if`
    ("{{ workforce.staff if workforce.staff else }}", 29),
])
def test_each_malformed_if_is_told_as_the_conditional_it_is(make_doc, figure, col):
    told = _told(make_doc, figure)
    assert len(told) == 1 and told[0].split(": error: ")[0].endswith(f"report.md:3:{col}"), told
    assert IF_REFUSED in told[0] and "end of template" not in told[0]


@pytest.mark.parametrize("figure, said, col", [
    ("{{ workforce.staff + }}", "the figure ends where a name or a value is expected", 10),
    ("{{ workforce.staff | }}", "the figure ends where a name or a value is expected", 10),
    ("{{ workforce.staff ) }}", "an unexpected `)` in the figure", 29),
])
def test_a_figure_that_does_not_parse_is_told_in_ccdocs_words(make_doc, figure, said, col):
    told = _told(make_doc, figure)
    assert len(told) == 1 and told[0].split(": error: ")[0].endswith(f"report.md:3:{col}"), told
    assert f"template syntax error: {said}" in told[0] and "end of template" not in told[0], told


@pytest.mark.parametrize("figure, said, col", [
    # `in`, `is`, `or`, `not` after a `.` are keys of the data (ISO codes: India, Iceland), not constructs
    ("{{ countries.in.applied | percent(1 }}", "the figure ends before its `(` is closed: a `)` is expected", 10),
    ("{{ (countries.in.applied / countries.is.applied | number }}",
     "the figure ends before its `(` is closed: a `)` is expected", 10),
    ("{{ countries.or.applied ) }}", "an unexpected `)` in the figure", 34),
    ("{{ countries.not.applied ) }}", "an unexpected `)` in the figure", 35),
    ("{{ countries.in[1 }}", "the figure ends before its `[` is closed: a `]` is expected", 10),
])
def test_a_key_spelled_as_a_keyword_is_a_name_and_the_slip_is_told(make_doc, figure, said, col):
    told = _told(make_doc, figure, COUNTRIES)
    assert len(told) == 1 and told[0].split(": error: ")[0].endswith(f"report.md:3:{col}"), told
    assert f"error: template syntax error: {said}" in told[0], told


def test_a_key_spelled_as_a_keyword_prints_and_a_keyword_after_it_is_still_the_construct(make_doc):
    told = _told(make_doc, "{{ countries.in.applied | number }} {{ countries.is.applied }} {{ x", COUNTRIES)
    assert len(told) == 1 and "report.md:3:73: error: template syntax error: `{{` has no closing" in told[0], told
    told = _told(make_doc, "{{ countries.in.applied if }}", COUNTRIES)
    assert len(told) == 1 and told[0].split(": error: ")[0].endswith("report.md:3:34"), told
    assert IF_REFUSED in told[0]
