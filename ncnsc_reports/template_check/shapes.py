"""The shape of a template context: which attributes a value has, what a loop over it yields.

Owns `Shape` and its inference from a context's values, typed by the dataclasses' hints where a
list is empty or a value is None, so the checker knows `plan.issued` exists even in a year
whose sample has no amendments.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass

from ncnsc_reports.template_check.meanings import LOOP_ATTRIBUTES, TOP_LEVEL


@dataclass(frozen=True)
class Shape:
    """What a template can do with a value: read `attrs` (an object) or loop over it (`item`)."""

    type_name: str
    attrs: tuple[tuple[str, Shape | None], ...] | None = None
    item: Shape | None = None
    is_list: bool = False

    def attribute(self, name: str) -> Shape | None:
        return dict(self.attrs or ()).get(name)


LOOP = Shape("loop", tuple((name, None) for name in LOOP_ATTRIBUTES))


def shape_of(value, of: type | None = None) -> Shape | None:
    """Return the shape of a context value; `of` types an empty list's elements or a None."""
    if value is None:
        return class_shape(of)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return class_shape(type(value))
    if isinstance(value, dict):
        return Shape("dict", tuple((str(k), shape_of(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        shapes = [shape_of(v) for v in value] or [class_shape(of)]
        merged = shapes[0]
        for s in shapes[1:]:
            merged = merge(merged, s)
        return Shape("list", item=merged, is_list=True)
    return Shape(type(value).__name__)


def class_shape(cls, depth: int = 0) -> Shape | None:
    """Return the shape of a dataclass from its type hints (nested dataclasses and tuples too)."""
    if cls is None or depth > 4:
        return None
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        return Shape(cls.__name__, tuple((f.name, class_shape(hints.get(f.name), depth + 1))
                                         for f in dataclasses.fields(cls)))
    args = [a for a in typing.get_args(cls) if a is not type(None) and a is not Ellipsis]
    if typing.get_origin(cls) in (tuple, list) and args:
        return Shape("list", item=class_shape(args[0], depth + 1), is_list=True)
    if len(args) == 1:  # X | None
        return class_shape(args[0], depth + 1)
    return Shape(getattr(cls, "__name__", str(cls)))


def merge(a: Shape | None, b: Shape | None) -> Shape | None:
    """Merge the shapes of two list elements: an empty list in one is typed by the other."""
    if a is None or b is None or a == b:
        return a or b
    if a.is_list and b.is_list:
        return Shape("list", item=merge(a.item, b.item), is_list=True)
    if a.attrs is not None and b.attrs is not None and a.type_name == b.type_name:
        keys = dict.fromkeys([k for k, _ in a.attrs] + [k for k, _ in b.attrs])
        return Shape(a.type_name, tuple((k, merge(a.attribute(k), b.attribute(k)))
                                        for k in keys))
    return a


def shape_paths(shapes: dict, type_name: str) -> list[str]:
    """Return where values of a type are found, e.g. "plan", "indicators[…].source"."""
    found, queue = [], list(shapes.items())
    while queue:
        path, shape = queue.pop(0)
        if shape is not None and shape.type_name == type_name:
            found.append(path)
        elif shape is not None:
            queue += [(path + "[…]", shape.item)] if shape.is_list else []
            queue += [(f"{path}.{k}", child) for k, child in shape.attrs or ()]
    return found


def context_shapes(context: dict, meanings: dict | None = None) -> dict[str, Shape | None]:
    """Return the shape of every top-level name of a template context (`meanings`: the kind's
    top-level names, meanings.top_level; the yearly report's by default)."""
    meanings = TOP_LEVEL if meanings is None else meanings
    return {name: shape_of(value, meanings[name].of if name in meanings else None)
            for name, value in context.items()}
