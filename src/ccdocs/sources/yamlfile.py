"""YAML read with the line and column of every mapping key and value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import InputError, problem


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so impossible dates are ours to report."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlFile:
    """A parsed YAML file and where each value stands in it."""

    path: Path
    data: object
    positions: dict

    def where(self, *keys) -> tuple[int, int]:
        """1-based line and column of the value at `keys`, or of its nearest located parent."""
        keys = tuple(keys)
        while keys not in self.positions and keys:
            keys = keys[:-1]
        return self.positions.get(keys, (1, 1))

    def problem(self, keys: tuple, message: str, hint: str | None = None):
        """A Problem located at the value under `keys`."""
        line, col = self.where(*keys)
        return problem(self.path, line, message, hint, col)


def _walk(node, path: tuple, positions: dict) -> None:
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, path + (key.value,), positions)
            positions[path + (key.value, "<key>")] = (key.start_mark.line + 1, key.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), positions)


def read_yaml(path: Path, text: str | None = None) -> YamlFile:
    """Parse `path`; a syntax error becomes an InputError at its line."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        message = f"this is not valid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != mark.line:
            message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise InputError([problem(path, line, message, "check the indentation and quotes on this line", col)])
    finally:
        loader.dispose()
    positions: dict = {}
    if node is not None:
        _walk(node, (), positions)
    return YamlFile(path, data, positions)
