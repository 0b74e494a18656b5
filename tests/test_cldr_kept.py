"""A locale's CLDR data, merged by babel from the locale's file and each parent's (zh_Hans_CN: four files, some 25 ms
for every process reading a Chinese profile or readying its writes), is kept merged in the per-user cache: a later
process gives babel that data (`l10n.cldr.ready`), and babel formats with it what it formats with its own.

Each case runs in a fresh interpreter (this one has babel's data read already), with its own per-user cache."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

FORMATTED = """
import json, sys
from datetime import date
from babel import localedata
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from ccdocs.l10n.language import find_language

language = find_language(sys.argv[1])  # reads the profile, which names its locale and formats dates with it
locale = language.locale
formatted = [format_date(date(2026, 11, 30), "full", locale=locale), format_decimal(1234567.891, locale=locale),
             format_currency(1500, "CHF", locale=locale), format_date(date(2027, 2, 1), "MMMM", locale=locale)]
print(json.dumps({"kept": sorted(localedata._cache), "formatted": formatted}))
"""


def formatted(lang: str, cache, environment=None) -> dict:
    """What a fresh process reading the profile of `lang` with the per-user cache in `cache` has babel hold, and
    some dates, numbers and amounts it formats in the profile's locale."""
    env = dict(environment or __import__("os").environ, CCDOCS_CACHE=str(cache))
    done = subprocess.run([sys.executable, "-c", FORMATTED, lang], capture_output=True, text=True, env=env,
                          timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("lang, locale", [("zh", "zh_Hans_CN"), ("en", "en"), ("ar", "ar")])
def test_a_later_process_gives_babel_the_merged_data_kept_and_formats_alike(tmp_path, lang, locale):
    first = formatted(lang, tmp_path / "cache")
    assert locale in first["kept"] and "root" in first["kept"]  # babel merged the files itself: the cache was empty
    later = formatted(lang, tmp_path / "cache")
    assert later["kept"] == [locale]  # handed whole from the cache: no parent's file read
    assert later["formatted"] == first["formatted"]


def test_without_the_per_user_cache_babel_reads_its_files_as_before(tmp_path):
    """A cache folder that cannot be made (a file stands at its place): babel merges the files in every process."""
    (tmp_path / "cache").write_text("not a folder")
    first = formatted("zh", tmp_path / "cache")
    later = formatted("zh", tmp_path / "cache")
    assert "root" in first["kept"] and "root" in later["kept"]
    assert later["formatted"] == first["formatted"]
