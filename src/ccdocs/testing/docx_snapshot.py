"""A DOCX as canonical text: sections with headers, paragraphs with style, shown number and marks, notes, tables."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from babel.numbers import format_decimal
from lxml import etree

from ..l10n.numerals import letters, roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"w": W, "r": R, "c": C}
PLOTS = {"barChart": "bar", "lineChart": "line", "pieChart": "pie", "doughnutChart": "doughnut"}
FORMAT_CODE = re.compile(r'(?:"([^"]*)")?([^"]*)(?:"([^"]*)")?')  # a literal before and after the number pattern
UNPACKED_LIMIT = 512 * 2**20  # bytes a DOCX may unpack to: a long paper is a few MB; a zip bomb is refused
# one part's bytes unpacked, and the parts: the largest DOCX ccdocs makes (5,000 paragraphs, 313 pages) holds
# 13 parts, its word/document.xml 2 MB; Word's own add images, charts, comments: tens of parts
PART_LIMIT = 64 * 2**20
PARTS_LIMIT = 1000
# XML elements the reader parses in all (a part read twice counts twice): the 313-page paper holds 69,000 in all
# its parts (62,700 in word/document.xml), the fixtures 1,300-5,400; Word's own markup (run properties, revision
# ids) some times more. Six bytes (`<w:p/>`) make one, so the part bound alone lets 11 million through: lxml and
# the reader's Python per element take minutes and GBs (10 million: an lxml 'unknown error' after the memory
# budget). At the bound, 1,000,000 empty paragraphs take the reader ~22 s of CPU and 160 MB on a loaded machine.
ELEMENTS_LIMIT = 1_000_000
LXML_HINT = re.compile(r",? (?:try|use) XML_PARSE_HUGE(?: option)?")  # libxml2's advice to its caller, not to a user
DEPTH_LIMIT = 256  # elements within elements: lxml's own bound without huge_tree (Word's deepest, tables in tables: ~30)


class _Survey:
    """Counts the elements of the parts a reader parses, and their depth, with expat, before lxml builds trees."""

    def __init__(self, limit: int):
        self.left = limit
        self.limit = limit
        self.depth = 0

    def survey(self, name: str, data: bytes) -> None:
        """Read `data` (part `name`) with expat, counting its elements against what is left of the limit; raises
        ValueError naming the part and its line when it is not well-formed XML, declares a DTD (`<!DOCTYPE`: Word
        refuses a package part that does, and an entity it declares would be read as nothing, what follows it in
        its text lost), holds more elements than are left or nests them deeper than DEPTH_LIMIT (expat stops at the
        first element too many: nothing beyond is read)."""
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self.depth = 0
        try:
            parser.Parse(data, True)
        except expat.ExpatError as exc:
            raise ValueError(f"its part {name} is not well-formed XML: {expat.ErrorString(exc.code)} at line "
                             f"{exc.lineno}, column {exc.offset + 1}") from None
        except _Doctype:
            raise ValueError(f"its part {name} declares a `<!DOCTYPE` at its line {parser.CurrentLineNumber}, "
                             "which Word refuses in a document's part") from None
        except _TooDeep:
            raise ValueError(f"its part {name} nests XML elements more than {DEPTH_LIMIT} deep at its line "
                             f"{parser.CurrentLineNumber}; a document nests some 30 deep") from None
        except _TooMany:
            raise ValueError(f"reading its part {name} goes past {self.limit:,} XML elements at its line "
                             f"{parser.CurrentLineNumber}, far more than a document holds: the 313-page paper "
                             "ccdocs makes holds 69,000") from None

    def _start(self, name, attributes) -> None:
        self.left -= 1
        self.depth += 1
        if self.left < 0:
            raise _TooMany
        if self.depth > DEPTH_LIMIT:
            raise _TooDeep

    def _end(self, name) -> None:
        self.depth -= 1

    @staticmethod
    def _doctype(name, system_id, public_id, has_internal_subset) -> None:
        raise _Doctype


class _TooMany(Exception):
    """Ends `_Survey.survey`'s pass at the first element beyond the limit."""


class _Doctype(Exception):
    """Ends `_Survey.survey`'s pass at a DTD."""


class _TooDeep(Exception):
    """Ends `_Survey.survey`'s pass at the first element deeper than DEPTH_LIMIT."""


def _xml(name: str, data: bytes):
    """The root of part `name`'s XML `data` (surveyed first), parsed within lxml's limits (huge_tree off: a text
    node, a name or the depth beyond libxml2's bounds is refused), no entity expanded, nothing fetched from the
    network. Raises ValueError naming the part and what lxml says (libxml2's "unknown error", which it gives when
    it runs out of memory, said as such)."""
    try:
        return etree.fromstring(data, etree.XMLParser(huge_tree=False, resolve_entities=False, no_network=True))
    except etree.LxmlError as exc:
        said = LXML_HINT.sub("", getattr(exc, "msg", None) or str(exc)).strip()
        if not said or said.startswith("unknown error"):
            said = "lxml stopped without a reason, as it does when it runs out of memory"
        raise ValueError(f"its part {name} cannot be read as XML: {said}") from None


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def _val(node, path: str, default=None):
    found = node.find(path, NS) if node is not None else None
    return found.get(_q("w:val"), default) if found is not None else default


def _format(fmt: str, number: int) -> str:
    if number == 0:  # a list may start at 0 (w:start 0): Word and LibreOffice print the figure, whatever the format
        return "0"
    if fmt in ("lowerLetter", "upperLetter"):  # a..z, aa..zz, aaa.. (ECMA-376 17.18.59), as Word and LibreOffice
        return letters(number) if fmt == "lowerLetter" else letters(number).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(number).lower() if fmt == "lowerRoman" else roman(number)
    return str(number)


@dataclass
class _Numbering:
    """Computes the number Word shows for each numbered paragraph, in reading order."""

    nums: dict
    levels: dict
    counters: dict = field(default_factory=dict)

    @classmethod
    def read(cls, root) -> "_Numbering":
        """From word/numbering.xml's root element (None: a document without numbering)."""
        if root is None:
            return cls({}, {})
        levels = {}
        for abstract in root.findall("w:abstractNum", NS):
            for lvl in abstract.findall("w:lvl", NS):
                levels[(abstract.get(_q("w:abstractNumId")), lvl.get(_q("w:ilvl")))] = (
                    _val(lvl, "w:numFmt", "decimal"), _val(lvl, "w:lvlText", ""), int(_val(lvl, "w:start", "1")))
        nums = {}
        for num in root.findall("w:num", NS):
            overrides = {o.get(_q("w:ilvl")): int(_val(o, "w:startOverride", "1"))
                         for o in num.findall("w:lvlOverride", NS) if o.find("w:startOverride", NS) is not None}
            nums[num.get(_q("w:numId"))] = (_val(num, "w:abstractNumId"), overrides)
        return cls(nums, levels)

    def shown(self, num_id: str, ilvl: str) -> str:
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract, overrides = self.nums[num_id]
        fmt, text, start = self.levels.get((abstract, ilvl), ("decimal", "%1.", 1))
        key = (num_id if ilvl in overrides else abstract, ilvl)
        value = self.counters.get(key, overrides.get(ilvl, start) - 1) + 1
        self.counters[key] = value
        for deeper in [k for k in self.counters if k[0] == key[0] and int(k[1]) > int(ilvl)]:
            del self.counters[deeper]
        if fmt == "bullet":
            return text
        return re.sub(r"%(\d)", lambda m: _format(fmt, value), text)


def _printed(value: str, code: str) -> str:
    """A cached chart value as its spreadsheet format code prints it (`#,##0`, `0.0%`, `0.0"%"`, `"CHF "#,##0`):
    the number pattern by babel, the quoted literals around it as written."""
    before, pattern, after = FORMAT_CODE.fullmatch(code or "General").groups()
    number = format_decimal(float(value), format=pattern, locale="en") if pattern not in ("", "General") else value
    return f"{before or ''}{number}{after or ''}"


def chart_lines(space) -> list[str]:
    """A chart part's `c:chartSpace` as lines: kind (bar direction, grouping), the categories, then each series'
    label and its cached values as their format code prints them, as drawn (a bar chart's from the top: a category
    axis running upwards, `minMax`, lists its last category and series first); then its value axis' scale (`auto`
    for an end or step the part leaves to Word)."""
    lines = []
    area = space.find("c:chart/c:plotArea", NS)
    upwards = _val_c(area, "c:catAx/c:scaling/c:orientation") == "minMax"
    for plot in area:
        kind = PLOTS.get(etree.QName(plot).localname)
        if kind is None:
            continue
        if kind == "bar":
            kind = {"col": "column", "bar": "bar"}[_val_c(plot, "c:barDir")]
        grouping = _val_c(plot, "c:grouping")
        lines.append(f"[chart] {kind}" + (f" {grouping}" if grouping and kind in ("column", "bar") else ""))
        drawn = (lambda items: items[::-1]) if kind == "bar" and upwards else list
        for index, ser in enumerate(drawn(plot.findall("c:ser", NS))):
            if index == 0:
                lines.append("  categories: " + " | ".join(drawn([v.text or "" for v in ser.iterfind("c:cat//c:pt/c:v",
                                                                                                   NS)])))
            label = "".join(v.text or "" for v in ser.iterfind("c:tx//c:v", NS))
            code = ser.findtext("c:val//c:formatCode", namespaces=NS)
            points = {pt.get("idx"): pt.findtext("c:v", namespaces=NS) for pt in ser.iterfind("c:val//c:pt", NS)}
            count = int(_val_c(ser.find("c:val//c:numCache", NS), "c:ptCount") or 0)
            values = [_printed(points[str(i)], code) if str(i) in points else "" for i in range(count)]
            lines.append(f"  {label}: " + " | ".join(drawn(values)))
    axis = area.find("c:valAx", NS)
    if axis is not None:
        code = (axis.find("c:numFmt", NS).get("formatCode") if axis.find("c:numFmt", NS) is not None else None)
        low, high, step = (_val_c(axis, path) for path in ("c:scaling/c:min", "c:scaling/c:max", "c:majorUnit"))
        lines.append("  value axis: " + " to ".join(_printed(v, code) if v else "auto" for v in (low, high))
                     + " by " + (_printed(step, code) if step else "auto"))
    return lines


def _val_c(node, path: str):
    found = node.find(path, NS) if node is not None else None
    return found.get("val") if found is not None else None


def _styles(root) -> dict:
    """style id -> (name, numPr (numId, ilvl) or None, basedOn), from word/styles.xml's root element (or None)."""
    if root is None:
        return {}
    result = {}
    for style in root.findall("w:style", NS):
        num = style.find("w:pPr/w:numPr", NS)
        numpr = (_val(num, "w:numId"), _val(num, "w:ilvl", "0")) if num is not None else None
        result[style.get(_q("w:styleId"))] = (_val(style, "w:name", style.get(_q("w:styleId"))), numpr,
                                              _val(style, "w:basedOn"))
    return result


def _run_text(run, marks: list) -> str:
    props = run.find("w:rPr", NS)
    ref = run.find("w:footnoteReference", NS)
    if ref is not None:
        return f"^[{marks.pop(0)}]" if marks else "^[?]"
    text = ""
    for child in run:
        if child.tag == _q("w:t"):
            text += child.text or ""
        elif child.tag == _q("w:tab"):
            text += "\t"
        elif child.tag == _q("w:br"):
            text += "\n"
    if not text.strip():
        return text

    def on(tag):
        node = props.find(tag, NS) if props is not None else None
        return node is not None and node.get(_q("w:val"), "1") not in ("0", "false")

    if on("w:b"):
        text = f"**{text}**"
    if on("w:i"):
        text = f"*{text}*"
    if _val(props, "w:vertAlign") == "superscript":
        text = f"^{text}"
    return text


def _inline_text(node, rels: dict, marks: list | None = None) -> str:
    """A paragraph's text with inline marks: **bold**, *italic*, [link](target), [words](#bookmark) for a link in
    the document, ^[N] for footnote marks, [12](REF _Ref_x \\n \\h) for a cross-reference field and its result,
    {#_Ref_x} where a cross-reference's bookmark starts."""
    marks = list(marks or [])
    out = []
    reference = None  # the instruction of a REF or NOTEREF field whose result comes next
    for child in node.iter(_q("w:r"), _q("w:hyperlink"), _q("w:bookmarkStart")):
        if child.tag == _q("w:bookmarkStart"):
            name = child.get(_q("w:name"), "")
            out.append(f"{{#{name}}}" if name.startswith("_Ref") else "")
        elif child.tag == _q("w:hyperlink"):
            anchor = child.get(_q("w:anchor"))
            target = rels.get(child.get(_q("r:id")), f"#{anchor}" if anchor else "")
            inner = "".join(_run_text(r, marks) for r in child.findall("w:r", NS))
            out.append(f"[{inner}]({target})")
        elif child.getparent().tag != _q("w:hyperlink"):
            instruction = "".join(t.text or "" for t in child.findall("w:instrText", NS)).strip()
            if instruction.split(" ")[0] in ("REF", "NOTEREF"):
                reference = instruction
            text = _run_text(child, marks)
            if reference and text:
                text, reference = f"[{text}]({reference})", None
            out.append(text)
    return re.sub(r"\*\*\*\*", "", "".join(out))


class _Reader:
    """Walks the body of a DOCX and writes its canonical lines."""

    def __init__(self, data: bytes):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        names = set(self.zip.namelist())
        if "word/document.xml" not in names:
            raise ValueError("a zip without word/document.xml: not a Word document")
        unpacked = sum(info.file_size for info in self.zip.infolist())
        if unpacked > UNPACKED_LIMIT:
            raise ValueError(f"it would unpack to {unpacked // 2**20} MB, more than the "
                             f"{UNPACKED_LIMIT // 2**20} MB a document can hold")
        if len(self.zip.infolist()) > PARTS_LIMIT:
            raise ValueError(f"it holds {len(self.zip.infolist())} parts, more than the {PARTS_LIMIT} a document has")
        self.part = lambda name: self._read(name) if name in names else None
        self.survey = _Survey(ELEMENTS_LIMIT)
        self.styles = _styles(self.tree("word/styles.xml"))
        self.numbering = _Numbering.read(self.tree("word/numbering.xml"))
        self.rels = self._rels("word/_rels/document.xml.rels")
        self.note_numbers: dict[str, str] = {}
        self.next_note = 0

    def _read(self, name: str) -> bytes:
        """A part's bytes, never more than PART_LIMIT unpacked: the size the zip declares is checked first, then
        the bytes are read with that cap (a forged declared size is no way round it)."""
        too_big = ValueError(f"its part {name} unpacks to more than the {PART_LIMIT // 2**20} MB a part of a "
                             "document holds")
        if self.zip.getinfo(name).file_size > PART_LIMIT:
            raise too_big
        with self.zip.open(name) as part:
            data = part.read(PART_LIMIT + 1)
        if len(data) > PART_LIMIT:
            raise too_big
        return data

    def tree(self, name: str):
        """Part `name`'s root element (None when the package has no such part): its bytes read with a cap
        (`_read`), its elements counted by expat against what the reader may still parse (`_Survey`), then lxml."""
        data = self.part(name)
        if data is None:
            return None
        self.survey.survey(name, data)
        return _xml(name, data)

    def _rels(self, name: str) -> dict:
        root = self.tree(name)
        if root is None:
            return {}
        return {rel.get("Id"): rel.get("Target") for rel in root}

    def _numpr(self, p) -> tuple | None:
        num = p.find("w:pPr/w:numPr", NS)
        if num is not None:
            return _val(num, "w:numId"), _val(num, "w:ilvl", "0")
        style = _val(p, "w:pPr/w:pStyle")
        while style in self.styles:
            name, numpr, based = self.styles[style]
            if numpr:
                return numpr
            style = based
        return None

    def _marks(self, p) -> list:
        marks = []
        for ref in p.iter(_q("w:footnoteReference")):
            if ref.get(_q("w:customMarkFollows")) in ("1", "true"):
                run = ref.getparent()
                mark = "".join(t.text or "" for t in run.findall("w:t", NS))
            else:
                self.next_note += 1
                mark = str(self.next_note)
            self.note_numbers[ref.get(_q("w:id"))] = mark
            marks.append(mark)
        return marks

    def paragraph(self, p) -> str:
        style_id = _val(p, "w:pPr/w:pStyle", "Normal")
        style = self.styles.get(style_id, (style_id,))[0]
        numpr = self._numpr(p)
        number = self.numbering.shown(*numpr) if numpr else ""
        text = _inline_text(p, self.rels, self._marks(p)).strip()
        if not text and not number:
            return ""
        return f"[{style}] " + (f"{number}\t" if number else "") + text

    def charts(self, p) -> list[str]:
        """The lines of each chart drawn in paragraph `p` (`chart_lines` of the part its `c:chart` names)."""
        lines = []
        for chart in p.iter(_q("c:chart")):
            space = self.tree("word/" + self.rels.get(chart.get(_q("r:id")), ""))
            lines += chart_lines(space) if space is not None else ["[chart] (missing part)"]
        return lines

    def table(self, tbl) -> list[str]:
        """A table's rows, a cell's paragraphs joined by ` / `; a footnote mark in a cell (a key-figures panel, a
        box) numbered in document order with the body's, as Word numbers it."""
        lines = ["[table]"]
        for tr in tbl.findall("w:tr", NS):
            header = tr.find("w:trPr/w:tblHeader", NS) is not None
            cells = [" / ".join(filter(None, (_inline_text(p, self.rels, self._marks(p)).strip()
                                              for p in tc.iter(_q("w:p")))))
                     for tc in tr.findall("w:tc", NS)]
            lines.append(("  H| " if header else "  | ") + " | ".join(cells))
        return lines

    def headers(self, sect) -> list[str]:
        lines = []
        for ref in sect.findall("w:headerReference", NS):
            target = self.rels.get(ref.get(_q("r:id")))  # a relationship id: r:id, as every reference
            root = self.tree(f"word/{target}") if target else None
            if root is None:
                continue
            texts = []
            for p in root.iter(_q("w:p")):
                text = _inline_text(p, {}).strip()
                if any(instr.text and "PAGE" in instr.text for instr in p.iter(_q("w:instrText"))) or \
                        p.find(".//w:fldSimple", NS) is not None:
                    text += " {PAGE}" if not text.endswith("{PAGE}") else ""
                texts.append(text.replace("  ", " "))
            lines.append(f"  header {ref.get(_q('w:type'))}: " + " / ".join(t for t in texts if t))
        start = sect.find("w:pgNumType", NS)
        if start is not None and start.get(_q("w:start")):
            lines.append(f"  page numbers restart at {start.get(_q('w:start'))}")
        if sect.find("w:titlePg", NS) is not None:
            lines.append("  different first page")
        return lines

    def footnotes(self) -> list[str]:
        root = self.tree("word/footnotes.xml")
        if root is None:
            return []
        lines = ["", "== footnotes"]
        rels = self._rels("word/_rels/footnotes.xml.rels")
        for note in root.findall("w:footnote", NS):
            if note.get(_q("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            mark = self.note_numbers.get(note.get(_q("w:id")), "?")
            text = " ".join(_inline_text(p, rels).strip() for p in note.findall("w:p", NS)).strip()
            lines.append(f"{mark}\t{text}")
        return lines

    def lines(self) -> list[str]:
        body = self.tree("word/document.xml").find("w:body", NS)
        if body is None:
            raise ValueError("its part word/document.xml holds no w:body: no text of a document")
        section, out = 1, ["== section 1"]
        pending = []
        for child in body:
            if child.tag == _q("w:p"):
                line = self.paragraph(child)
                if line:
                    out.append(line)
                out.extend(self.charts(child))
                sect = child.find("w:pPr/w:sectPr", NS)
                if sect is not None:
                    out[out.index(f"== section {section}") + 1:out.index(f"== section {section}") + 1] = \
                        self.headers(sect)
                    section += 1
                    out.append(f"== section {section}")
            elif child.tag == _q("w:tbl"):
                out.extend(self.table(child))
            elif child.tag == _q("w:sectPr"):
                pending = self.headers(child)
        marker = out.index(f"== section {section}")
        out[marker + 1:marker + 1] = pending
        return out + self.footnotes()


def docx_snapshot(data: bytes) -> str:
    """The canonical text of a DOCX file's bytes."""
    return "\n".join(_Reader(data).lines()) + "\n"
