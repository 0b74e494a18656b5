"""`SOURCE_DATE_EPOCH`: the time a reproducible build stamps into its outputs instead of the clock's.

As https://reproducible-builds.org/specs/source-date-epoch/ specifies, the value is an ASCII integer, the
seconds since 1970-01-01 00:00 UTC as `date +%s` prints them, and a malformed value makes the build fail
rather than be ignored. A malformed one (`yesterday`, `1.5`, `-1`, or past the year 9999, which no document
date can show) is a usage error naming the variable (exit 2); an empty one counts as unset.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from .errors import UsageError

VARIABLE = "SOURCE_DATE_EPOCH"
LATEST = 253402300799  # 9999-12-31 23:59:59 UTC, the last second a four-digit year can show


def source_date(environ=os.environ) -> datetime | None:
    """`SOURCE_DATE_EPOCH` as a UTC time, None when unset or empty; a UsageError when it is malformed."""
    value = environ.get(VARIABLE, "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(LATEST)) or int(value) > LATEST:
        raise UsageError(f"{VARIABLE}={value[:40]!r} is not a time: it must be a whole number of seconds since "
                         f"1970-01-01 00:00 UTC, from 0 to {LATEST}, as `date +%s` prints it "
                         f"(set it so, or unset it)")
    return datetime.fromtimestamp(int(value), timezone.utc)
