"""A received DOCX whose part declares a DTD is not read as a Word document (breaks-7 #8).

Word refuses a package part holding a `<!DOCTYPE`; read anyway, an entity the DTD declares is read as nothing and
the rest of its text node with it, so `snapshot` printed, and `diff` compared, less than the file holds (the cell
`A. &xxe;PERS` read as `A.`). Such a file is refused as not a readable DOCX, naming the part and its line, exit 2,
as other unreadable received files are; no entity is resolved, no file read.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from refusals import Case

DOCUMENT = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b"<w:p><w:r><w:t>A. &xxe;PERS</w:t></w:r></w:p></w:body></w:document>")


def with_dtd(folder, out) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", DOCUMENT)
    (out / "dtd.docx").write_bytes(buffer.getvalue())


@pytest.mark.parametrize("command", [("snapshot", "{out}/dtd.docx"), ("diff", "{out}/dtd.docx", "{out}/dtd.docx")])
def test_a_docx_part_declaring_a_dtd_is_refused(refuse, command):
    printed = refuse(Case(f"{command[0]}-dtd", {}, "dtd.docx is not a readable DOCX (its part word/document.xml "
                          "declares a `<!DOCTYPE` at its line 2, which Word refuses in a document's part)",
                          "dtd.docx", code=2, setup=with_dtd, command=command))
    assert "PERS" not in printed
