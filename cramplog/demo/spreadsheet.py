"""A hand-kept spreadsheet of cramps, as someone might bring it from before cramplog.

For the import dialog's screenshots and screen tests: everyday words ("L calf", "walked it
off"), a row with a date only and its repeat, words the diary does not know, and one row a
person mistyped, so every part of the import preview has something to show.
"""

from __future__ import annotations

HAND_KEPT_NAME = "my cramps 2026.csv"

_HEADER = "Date,Time,Where,Side,How long (min),Pain (0-10),What helped,Triggers,Doing before,Notes"
_ROWS = (
    "2026-02-03,02:40,calf,left,2,6,stretching,long walk,asleep,woke me",
    "2026-02-05,03:15,L calf,,3,7,massage; walked it off,dehydration,asleep,",
    "2026-02-06,,calf,right,1,4,stretching,,asleep,noted in the morning",
    "2026-02-06,,calf,right,1,4,stretching,,asleep,noted in the morning",
    "2026-02-09,01:55,foot,left,4,8,stood on cold floor,late coffee,asleep,toes curled",
    "2026-02-11,04:05,thigh,right,2,5,massage,,asleep,",
    "2026-02-14,02:20,calf,both,5,9,walked it off; pickle juice,long walk,asleep,after a long day",
    "2026-02-17,23:50,calf,left,1,3,stretching,,reading in bed,",
    "2026-02-19,03:30,calf,left,abc,6,,,asleep,",
    "2026-02-22,02:10,Wadenbein,right,2,6,massage,dehydration,asleep,",
    "2026-02-25,05:00,foot,right,2,5,stretching,,asleep,",
)


def hand_kept_csv() -> str:
    """The spreadsheet's text, as a CSV file holds it."""
    return "\n".join((_HEADER, *_ROWS)) + "\n"
