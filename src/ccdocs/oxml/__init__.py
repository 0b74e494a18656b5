"""Thin wrappers for the WordprocessingML that python-docx lacks, one module per feature."""

from .fields import add_field, add_hyperlink, field_runs
from .footnotes import FootnotesPart, add_footnotes_part, mark_run, reference_run
from .numbering import add_sequence, number_paragraph
from .sections import continue_page_numbers, restart_page_numbers
from .tables import cant_split, cell_margins, cell_width, centred, fixed_layout, fixed_table, repeat_header
from .text import set_borders, set_caps, set_east_asian_spacing, set_fonts, set_lang, set_shading
from .xml import add_block, clark, element, place, place_block, props, put, qn, sub, twips

__all__ = ["add_field", "add_hyperlink", "field_runs", "FootnotesPart", "add_footnotes_part", "mark_run",
           "reference_run", "add_sequence", "number_paragraph", "continue_page_numbers", "restart_page_numbers",
           "cant_split", "cell_margins", "cell_width", "centred", "fixed_layout", "fixed_table", "repeat_header",
           "set_borders", "set_caps", "set_east_asian_spacing", "set_fonts", "set_lang", "set_shading", "add_block",
           "clark", "element", "place", "place_block", "props", "put", "qn", "sub", "twips"]
