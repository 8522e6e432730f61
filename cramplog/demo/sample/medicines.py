"""The medicines the sample person takes, and when (counted back from the sample's end)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cramplog.core.records import TakenFor


@dataclass(frozen=True)
class Course:
    """A medicine the person takes, when (days before the sample's end), and its effect."""

    name: str
    dose: str
    med_class: str | None
    taken_for: TakenFor
    started_days_before_end: int
    stopped_days_before_end: int | None
    # Multiplies the cramp rate while taken (after a fortnight to settle in).
    cramp_effect: float
    notes: str = ""


COURSES = (
    Course(
        "Atorvastatin", "20 mg", "medication_class.cholesterol", TakenFor.OTHER, 213, None, 1.25
    ),
    Course(
        "Magnesium citrate",
        "300 mg",
        "medication_class.magnesium_supplement",
        TakenFor.CRAMPS,
        91,
        None,
        0.8,
        "Bought over the counter after reading it might help with the night cramps.",
    ),
    Course("Ramipril", "5 mg", "medication_class.blood_pressure", TakenFor.OTHER, 905, None, 1.0),
    Course(
        "Bendroflumethiazide",
        "2.5 mg",
        "medication_class.diuretic",
        TakenFor.OTHER,
        520,
        430,
        1.2,
        "Stopped by the GP.",
    ),
    Course(
        "Salbutamol inhaler",
        "100 micrograms, as needed",
        "medication_class.beta_agonist_inhaler",
        TakenFor.OTHER,
        300,
        None,
        1.05,
    ),
    Course("Vitamin D3", "1000 IU", None, TakenFor.OTHER, 400, None, 1.0),
    Course(
        "Quinine sulfate",
        "200 mg at bedtime",
        "medication_class.quinine",
        TakenFor.CRAMPS,
        640,
        612,
        0.85,
        "Stopped at the four-week review; little difference.",
    ),
    Course(
        "Amlodipine",
        "5 mg",
        "medication_class.calcium_channel_blocker",
        TakenFor.OTHER,
        1100,
        905,
        1.15,
        "Swapped for ramipril because of ankle swelling.",
    ),
    Course("Omeprazole", "20 mg", None, TakenFor.OTHER, 1500, None, 1.0),
    Course(
        "Naproxen",
        "250 mg, as needed",
        "medication_class.naproxen",
        TakenFor.OTHER,
        200,
        186,
        1.1,
        "Two weeks for a sore knee.",
    ),
)


def courses(count: int) -> list[Course]:
    """`count` courses; beyond the list, earlier courses of the same medicines."""
    chosen: list[Course] = []
    for index in range(count):
        course = COURSES[index % len(COURSES)]
        years_earlier = index // len(COURSES)
        if years_earlier:
            shift = 365 * years_earlier + course.started_days_before_end
            length = (course.stopped_days_before_end or 0) - course.started_days_before_end
            course = replace(
                course,
                started_days_before_end=shift,
                stopped_days_before_end=shift - max(28, -length),
                notes="An earlier course.",
            )
        chosen.append(course)
    return chosen
