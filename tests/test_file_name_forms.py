"""A file named in document.yaml that exists under the same name written in another Unicode form (breaks-5 #12): a
file copied from macOS may be named with decomposed accents (`cafe` + U+0301), the name typed composed (`café`);
the two look identical, and the message said "does not exist (did you mean café.md?)". The hint now says that they
differ in how their accents are written, spelling both by their code points.
"""

from __future__ import annotations

from conftest import MINIMAL, REPORT
from refusals import Case

NFD, NFC = "cafe\u0301.md", "caf\u00e9.md"


def test_a_name_differing_only_in_its_unicode_form_is_told_so(refuse):
    refuse(Case("nfd-on-disk", {"document.yaml": MINIMAL.replace("content/report.md", f"content/{NFC}"),
                                f"content/{NFD}": REPORT, "content/report.md": None},
                f"content file `content/{NFC}` does not exist (the folder holds `cafe\\u0301.md`, the name typed "
                "here being `caf\\u00e9.md`: the same letters with their accents written another way",
                "document.yaml:"))
