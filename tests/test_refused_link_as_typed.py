"""A link a paper refuses is told with its address as typed, at the link (breaks-8 #12, 'Also'): a link typed
`[the share](\\\\evil\\share)` (a network share) was told as `%5Cevil%5Cshare`, markdown-it's %-encoded form of
the address it reads, at column 1."""

from __future__ import annotations

from conftest import MINIMAL, REPORT, ccdocs_here


def test_a_refused_link_is_told_as_typed_at_its_place(make_doc):
    report = REPORT.replace("Second paragraph.", "See [the share](\\\\evil\\share), [a](https://www.wipo.int) and "
                            "[b](ftp://x.org/a).")
    folder = make_doc({"document.yaml": MINIMAL.replace("languages: [en, zh]", "languages: [en]"),
                       "content/report.md": report})
    told = [line.split("/doc/", 1)[1] for line in ccdocs_here("check", folder).stderr.splitlines()
            if ": error: " in line]
    assert told == [
        "content/report.md:5:17: error: a link to `\\evil\\share`: a link in a paper goes to an http(s) or mailto "
        "address (write the full address: `https://…`)",
        "content/report.md:5:66: error: a link to `ftp://x.org/a`: a link in a paper goes to an http(s) or mailto "
        "address (write the full address: `https://…`)"], told
