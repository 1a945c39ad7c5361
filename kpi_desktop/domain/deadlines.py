"""The period calendar and automatic forwarding, after India's SPARROW (DoPT OM 09.04.2025).

Every evaluation step has a due date. On the day after it, a step nobody finished is *forwarded* to the
next step without further notice, and the miss is recorded as a default of whoever had to act
("treated as default on the part of the officer concerned"). The next step then works with what is
there: a reviewer scores without the self-assessment; the competent level decides on the self-scores
and the record.

Dates. Vietnamese law fixes only the end: the annual rating is done before 15 December (ND 90 Art 20,
ND 335 Art 21). The other offsets are parameters [S]: the unit's Quy chế sets them, and a period's own
`self_due`/`review_due` override them.

Pure logic: no database, and time only through the `today` argument.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from kpi_desktop.errors import InputError


class Step(StrEnum):
    SELF_ASSESSMENT = "self_assessment"  # the person fills in and submits Mẫu 01
    REVIEW = "review"  # the head confirms or adjusts
    ANNUAL_SELF = "annual_self"  # the person's self-proposed annual level (Mẫu 02 part II)
    ANNUAL_DECISION = "annual_decision"  # the competent level decides, before 15 December

    @property
    def label_vi(self) -> str:
        return STEP_LABELS_VI[self]


STEP_LABELS_VI = {
    Step.SELF_ASSESSMENT: "Tự đánh giá",
    Step.REVIEW: "Lãnh đạo đánh giá",
    Step.ANNUAL_SELF: "Tự xếp loại năm",
    Step.ANNUAL_DECISION: "Quyết định xếp loại năm",
}

# Who must act at each step (a Role value).
RESPONSIBLE = {
    Step.SELF_ASSESSMENT: "staff",
    Step.REVIEW: "head",
    Step.ANNUAL_SELF: "staff",
    Step.ANNUAL_DECISION: "head",
}

# Period evaluation workflow state → the step it waits for.
PERIOD_STATE_STEP = {"draft": Step.SELF_ASSESSMENT, "returned": Step.SELF_ASSESSMENT, "submitted": Step.REVIEW}
# What forwarding does: the state the evaluation moves to.
FORWARD_TO = {Step.SELF_ASSESSMENT: "submitted", Step.REVIEW: "reviewed"}

ANNUAL_DECISION_LIMIT = (12, 15)  # the rating is done *before* this day (MM, DD)


@dataclass(frozen=True)
class DeadlinePolicy:
    self_assessment_days: int = 5  # after the period's last day
    review_days: int = 10  # after the self-assessment is due
    annual_self_day: tuple[int, int] = (11, 30)  # (month, day)
    annual_decision_day: tuple[int, int] = (12, 14)

    def __post_init__(self) -> None:
        if not 0 <= self.self_assessment_days <= 90 or not 0 <= self.review_days <= 90:
            raise InputError("Số ngày của thời hạn phải từ 0 đến 90.", field="deadlines")
        for month_day in (self.annual_self_day, self.annual_decision_day):
            _check_month_day(month_day)
        if self.annual_self_day > self.annual_decision_day:
            raise InputError("Hạn tự xếp loại năm phải trước hạn quyết định xếp loại.", field="deadlines")

    @classmethod
    def from_settings(cls, values: dict[str, object]) -> DeadlinePolicy:
        def month_day(text: object, default: tuple[int, int]) -> tuple[int, int]:
            if text is None:
                return default
            try:
                month, day = (int(x) for x in str(text).split("-"))
            except ValueError as exc:
                raise InputError(f"Ngày «{text}» phải có dạng MM-DD.", field="deadlines") from exc
            return month, day

        return cls(
            self_assessment_days=int(str(values.get("deadlines.self_assessment_days", 5))),
            review_days=int(str(values.get("deadlines.review_days", 10))),
            annual_self_day=month_day(values.get("deadlines.annual_self_day"), (11, 30)),
            annual_decision_day=month_day(values.get("deadlines.annual_decision_day"), (12, 14)),
        )


def _check_month_day(month_day: tuple[int, int]) -> None:
    month, day = month_day
    try:
        dt.date(2024, month, day)  # a leap year accepts 29 February
    except ValueError as exc:
        raise InputError(f"Ngày {day:02d}/{month:02d} không tồn tại.", field="deadlines") from exc


def period_calendar(end_date: dt.date, policy: DeadlinePolicy, *, self_due: dt.date | None = None,
                    review_due: dt.date | None = None) -> dict[Step, dt.date]:
    """Due dates of a month or quarter: the period's own dates when set, else the policy's offsets."""
    self_date = self_due or end_date + dt.timedelta(days=policy.self_assessment_days)
    review_date = review_due or self_date + dt.timedelta(days=policy.review_days)
    if review_date < self_date:
        raise InputError("Hạn lãnh đạo đánh giá không được trước hạn tự đánh giá.", field="review_due")
    return {Step.SELF_ASSESSMENT: self_date, Step.REVIEW: review_date}


def annual_calendar(year: int, policy: DeadlinePolicy) -> dict[Step, dt.date]:
    return {Step.ANNUAL_SELF: dt.date(year, *policy.annual_self_day),
            Step.ANNUAL_DECISION: dt.date(year, *policy.annual_decision_day)}


def decision_is_late_by_law(year: int, policy: DeadlinePolicy) -> bool:
    """True when the configured decision date is not before 15 December (allowed only for agencies with
    a special calendar, which may finish by 15 January; the GUI warns)."""
    return dt.date(year, *policy.annual_decision_day) >= dt.date(year, *ANNUAL_DECISION_LIMIT)


def is_overdue(due: dt.date, today: dt.date) -> bool:
    """A step is overdue from the day after its due date."""
    return today > due


def days_late(due: dt.date, today: dt.date) -> int:
    return max((today - due).days, 0)


def due_soon(due: dt.date, today: dt.date, *, within_days: int = 3) -> bool:
    return today <= due <= today + dt.timedelta(days=within_days)


def pending_step(state: str) -> Step | None:
    """The step a period evaluation in `state` waits for (None: nothing pending for the deadlines)."""
    return PERIOD_STATE_STEP.get(state)


def annual_pending_step(state: str, self_proposed_level: str | None) -> Step | None:
    if state in ("decided", "published"):
        return None
    if self_proposed_level is None and state == "draft":
        return Step.ANNUAL_SELF
    return Step.ANNUAL_DECISION
