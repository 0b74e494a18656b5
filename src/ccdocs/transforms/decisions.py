"""The proposed decision of a decision paper: where it may stand, and how it prints.

A decision paper (`kind: decision`) ends its cover note or its report with one `::: decision` container. It prints
as the toolkit's lead-in ("The following decision paragraph is proposed." / "提议决定段落措辞如下："), a numbered
paragraph, then the decision's paragraphs numbered in the same sequence, with their sub-items (i), (ii), all
indented to about the middle of the column (the theme's `decision.indent`; the writers read the role `decision`).
"""

from __future__ import annotations

from ..errors import Problem
from ..l10n.catalog import Catalog
from ..model import Decision, Document, ListBlock, Para, Text
from .walk import map_parts, rebuild, replace

ROLE = "decision"
LEAD_IN = ("The following decision paragraph is proposed.", "The following decision paragraphs are proposed.")
WHERE = ("cover-note", "report")  # the parts a decision may end


def _where(decision: Decision) -> str:
    return f"{decision.source.file}:{decision.source.line}" if decision.source else "above"


def decision_problems(parts, kind: str, spec, complete: bool = True) -> list[Problem]:
    """What is wrong with the proposed decisions of `parts` (model Parts, as parsed) in a paper of `kind`; `spec`
    (sources.spec.DocumentSpec) locates a problem of document.yaml; `complete` says every content file was read (a
    decision missing from a file that could not be read is not reported). Each problem is at the input's line:

    - a `::: decision` in a paper that is not `kind: decision`;
    - a second one (a paper proposes one decision; it may hold several paragraphs);
    - one in an annex, or followed by other text of its part (the decision ends the body);
    - a `kind: decision` paper without one (at `kind:` in document.yaml).
    """
    problems, first = [], None
    for part in parts:
        for index, block in enumerate(part.blocks):
            if not isinstance(block, Decision):
                continue
            line = block.source.line if block.source else None
            path = block.source.file if block.source else str(spec.yaml.path)
            if kind != ROLE:
                problems.append(Problem(path, line, None, f"a proposed decision (`::: decision`) in a paper of kind "
                                        f"`{kind}`", "set `kind: decision` in document.yaml, or write the text as "
                                        "paragraphs"))
            elif first is not None:
                problems.append(Problem(path, line, None, f"a second proposed decision (the first is at "
                                        f"{_where(first)})", "a paper proposes one decision: put all its paragraphs "
                                        "in one `::: decision`"))
            elif part.kind not in WHERE:
                problems.append(Problem(path, line, None, f"a proposed decision in the {part.kind}",
                                        "it ends the cover note or the report: move it there"))
            elif any(not isinstance(after, Decision) for after in part.blocks[index + 1:]):
                after = next(after for after in part.blocks[index + 1:] if not isinstance(after, Decision))
                where = getattr(after, "source", None)
                problems.append(Problem(where.file if where else path, where.line if where else line, None,
                                        f"text after the proposed decision (at {_where(block)}) in the {part.kind}",
                                        "the decision ends its part: move this text before `::: decision`"))
            first = first or block
    if kind == ROLE and first is None and complete:
        problems.append(spec.yaml.problem(("kind",), "a decision paper (`kind: decision`) proposes no decision",
                                          "end the report (or the cover note) with the decision: `::: decision`, "
                                          "its paragraph, `:::`; or set `kind: information`"))
    return problems


def place_decisions(doc: Document, catalog: Catalog) -> Document:
    """Each Decision replaced by the lead-in (a numbered paragraph, singular or plural as the decision's paragraphs
    are) and the blocks it holds, given the role `decision` (its paragraphs numbered, its lists at every level)."""

    def place(part):
        blocks = []
        for block in part.blocks:
            if not isinstance(block, Decision):
                blocks.append(block)
                continue
            paragraphs = sum(isinstance(b, Para) for b in block.blocks)
            lead_in = catalog.gettext(LEAD_IN[paragraphs > 1])
            blocks.append(Para((Text(lead_in),), True, None, block.source))
            blocks += [replace(b, numbered=True, role=ROLE) if isinstance(b, Para)
                       else rebuild(b, _sub_items, ListBlock) for b in block.blocks]
        return replace(part, blocks=tuple(blocks))

    return map_parts(doc, place)


def _sub_items(node):
    """A list of the decision (its sub-items, and lists within them) given the role `decision`."""
    return replace(node, role=ROLE)
