"""Records to JSON and back, without loss.

The flat columns of the store are for querying; the ``record`` column keeps
each record whole (places with their gazetteer ids, periods with their spans,
per-field provenance) so that reading a record back gives an equal record.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import json
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


def encode(value: Any) -> Any:
    """A JSON-ready form of a record, enum, date or container of them."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    names = _field_names(type(value))
    if names is not None:
        return {n: encode(getattr(value, n)) for n in names}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def dumps(record: Any) -> str:
    return json.dumps(encode(record), ensure_ascii=False, sort_keys=True)


def loads(cls: type[T], text: str | dict) -> T:
    data = json.loads(text) if isinstance(text, str) else text
    return decode(cls, data)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(tp: Any, data: Any) -> Any:
    """The value of type ``tp`` that ``encode`` turned into ``data``."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return decode(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        args = typing.get_args(tp)
        item = args[0] if args else Any
        return tuple(decode(item, v) for v in data)
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [decode(item, v) for v in data]
    if origin is dict:
        return dict(data)
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            hints = _hints(tp)
            kw = {f.name: decode(hints[f.name], data[f.name])
                  for f in dataclasses.fields(tp) if f.name in data}
            return tp(**kw)
        if issubclass(tp, enum.Enum):
            return tp(data)
        if tp is dt.date:
            return dt.date.fromisoformat(data)
        if tp is float:
            return float(data)
    return data
