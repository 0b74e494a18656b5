"""Figures bound to data: formatted per language, strict about names, sandboxed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccdocs.errors import InputError
from ccdocs.templating import environment, render

DATA = {"workforce": {"staff": 1735, "core_share": 0.601}}


def rendered(text: str, lang: str = "en") -> str:
    return render(environment(lang), text, Path("content/report.md"), DATA)


def test_figures_are_formatted_for_the_language():
    assert rendered("{{ workforce.staff | number }} / {{ workforce.core_share | percent }}") == "1,735 / 60.1%"
    assert rendered("{{ workforce.staff | number }}", "zh") == "1,735"


def test_an_undefined_figure_names_file_line_column_and_the_near_miss():
    with pytest.raises(InputError) as caught:
        rendered("Intro.\n\nWe count {{ workforce.stafff | number }} staff.\n")
    message = str(caught.value.problems[0])
    assert message.startswith("content/report.md:3:")
    assert "`stafff` is not in the data" in message and "did you mean `staff`?" in message


def test_a_syntax_error_names_its_line():
    with pytest.raises(InputError) as caught:
        rendered("One.\n\n{{ workforce.staff | number }\n")
    assert str(caught.value.problems[0]).startswith("content/report.md:3:")


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ workforce.__class__ }}",
    "{{ range(10) }}",
])
def test_the_sandbox_refuses_escapes(attack):
    with pytest.raises(InputError):
        rendered(attack)


def test_only_our_filters_exist():
    with pytest.raises(InputError) as caught:
        rendered("{{ workforce.staff | attr('real') }}")
    assert "content/report.md:1:" in str(caught.value.problems[0])
