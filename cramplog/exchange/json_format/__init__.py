"""JSON: the whole diary in a versioned format (docs/formats.md), written and read back."""

from cramplog.exchange.json_format.reader import parse
from cramplog.exchange.json_format.versions import FIRST_VERSION, FORMAT, VERSION
from cramplog.exchange.json_format.writer import (
    Contents,
    day_record,
    episode_record,
    medication_record,
    span_record,
    vocabulary_record,
    write,
)

__all__ = [
    "FIRST_VERSION",
    "FORMAT",
    "VERSION",
    "Contents",
    "day_record",
    "episode_record",
    "medication_record",
    "parse",
    "span_record",
    "vocabulary_record",
    "write",
]
