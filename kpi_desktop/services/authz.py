"""Who may do what: the role-action matrix (data) and the one check every service makes.

Every service calls `require(actor, Action.X, person_id=..., body_id=...)` before it reads or writes,
so the rules hold for the GUI, the CLI and anything else alike. The matrix says, per role and action,
how far the right reaches:

- `Scope.OWN`: only the actor's own person (a staff member's own self-assessment);
- `Scope.BODY`: the body the actor leads (a head), plus the actor's own person;
- `Scope.ALL`: everything the database holds (a clerk's commune; province HR's whole province).

A call without `person_id`/`body_id` is a listing: it passes when the role has the action at any
scope, and the service must then narrow its query with `scope_of()` (or `visible_person_filter()`).

Some actions may not be done on oneself (a head does not review or rate their own evaluation). A
locked period is read-only for everyone: pass `period_locked=True` for writes into such a period (the
store refuses them at flush time as well, see `kpi_desktop.store.audit_listener`).

`SYSTEM` (maintenance: the demo build, migrations) passes every role check; it is not an account
and cannot log in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import PermissionDenied, StateError


class Action(StrEnum):
    PERSON_VIEW = "person.view"
    PERSON_EDIT = "person.edit"
    PERSONAL_DATA_VIEW = "person.personal_data"  # citizen ID, discipline records
    DISCIPLINE_EDIT = "discipline.edit"
    ORG_EDIT = "org.edit"  # units, bodies
    CATALOG_VIEW = "catalog.view"
    CATALOG_EDIT = "catalog.edit"  # positions, job descriptions, competencies, products, rule sets
    PERIOD_VIEW = "period.view"
    PERIOD_MANAGE = "period.manage"  # create, open, lock a period; its calendar
    PERIOD_REOPEN = "period.reopen"  # needs a reason; logged
    ASSIGNMENT_VIEW = "assignment.view"
    ASSIGNMENT_EDIT = "assignment.edit"  # assign products, record completion, quality failures, delays
    SELF_ASSESSMENT_VIEW = "self_assessment.view"
    SELF_ASSESSMENT_EDIT = "self_assessment.edit"  # fill in and submit Mẫu 01
    REVIEW_EDIT = "review.edit"  # confirm or adjust, return, approve a period evaluation
    ANNUAL_VIEW = "annual.view"
    ANNUAL_PROPOSE = "annual.propose"  # HR advisory: synthesise and propose the annual level
    ANNUAL_DECIDE = "annual.decide"  # the competent head decides the annual level
    SCORE_RECOMPUTE = "score.recompute"
    REPORT_VIEW = "report.view"
    REPORT_EXPORT = "report.export"
    BUNDLE_EXPORT = "bundle.export"
    BUNDLE_IMPORT = "bundle.import"
    KEYS_MANAGE = "keys.manage"
    ACCOUNT_MANAGE = "account.manage"
    AUDIT_VIEW = "audit.view"
    AUDIT_EXPORT = "audit.export"
    BACKUP_RUN = "backup.run"
    RESTORE_RUN = "restore.run"
    SETTINGS_EDIT = "settings.edit"
    DEADLINE_MANAGE = "deadline.manage"  # set due dates, run automatic forwarding

    @property
    def label_vi(self) -> str:
        return ACTION_LABELS_VI[self]


ACTION_LABELS_VI: dict[Action, str] = {
    Action.PERSON_VIEW: "xem hồ sơ cán bộ",
    Action.PERSON_EDIT: "sửa hồ sơ cán bộ",
    Action.PERSONAL_DATA_VIEW: "xem số định danh cá nhân và kỷ luật",
    Action.DISCIPLINE_EDIT: "ghi nhận kỷ luật",
    Action.ORG_EDIT: "sửa cơ cấu tổ chức",
    Action.CATALOG_VIEW: "xem danh mục",
    Action.CATALOG_EDIT: "sửa danh mục",
    Action.PERIOD_VIEW: "xem kỳ đánh giá",
    Action.PERIOD_MANAGE: "quản lý kỳ đánh giá",
    Action.PERIOD_REOPEN: "mở lại kỳ đánh giá đã khoá",
    Action.ASSIGNMENT_VIEW: "xem nhiệm vụ được giao",
    Action.ASSIGNMENT_EDIT: "giao nhiệm vụ và ghi nhận kết quả",
    Action.SELF_ASSESSMENT_VIEW: "xem phiếu tự đánh giá",
    Action.SELF_ASSESSMENT_EDIT: "sửa phiếu tự đánh giá",
    Action.REVIEW_EDIT: "đánh giá, điều chỉnh điểm",
    Action.ANNUAL_VIEW: "xem xếp loại năm",
    Action.ANNUAL_PROPOSE: "tổng hợp, đề xuất xếp loại năm",
    Action.ANNUAL_DECIDE: "quyết định xếp loại năm",
    Action.SCORE_RECOMPUTE: "tính lại điểm",
    Action.REPORT_VIEW: "xem báo cáo",
    Action.REPORT_EXPORT: "xuất báo cáo",
    Action.BUNDLE_EXPORT: "xuất gói dữ liệu",
    Action.BUNDLE_IMPORT: "nhập gói dữ liệu",
    Action.KEYS_MANAGE: "quản lý khoá ký số",
    Action.ACCOUNT_MANAGE: "quản lý tài khoản",
    Action.AUDIT_VIEW: "xem nhật ký thay đổi",
    Action.AUDIT_EXPORT: "xuất nhật ký thay đổi",
    Action.BACKUP_RUN: "sao lưu dữ liệu",
    Action.RESTORE_RUN: "khôi phục dữ liệu",
    Action.SETTINGS_EDIT: "sửa cấu hình",
    Action.DEADLINE_MANAGE: "quản lý thời hạn",
}


class Scope(StrEnum):
    NONE = "none"
    OWN = "own"
    BODY = "body"
    ALL = "all"


_A = Action
_OWN, _BODY, _ALL = Scope.OWN, Scope.BODY, Scope.ALL

# The matrix. Anything not listed is Scope.NONE (refused).
MATRIX: dict[Role, dict[Action, Scope]] = {
    Role.STAFF: {
        _A.PERSON_VIEW: _OWN,
        _A.PERSONAL_DATA_VIEW: _OWN,
        _A.CATALOG_VIEW: _ALL,
        _A.PERIOD_VIEW: _ALL,
        _A.ASSIGNMENT_VIEW: _OWN,
        _A.SELF_ASSESSMENT_VIEW: _OWN,
        _A.SELF_ASSESSMENT_EDIT: _OWN,
        _A.ANNUAL_VIEW: _OWN,
        _A.REPORT_VIEW: _OWN,
        _A.REPORT_EXPORT: _OWN,
    },
    Role.HEAD: {
        _A.PERSON_VIEW: _BODY,
        _A.PERSONAL_DATA_VIEW: _BODY,  # the discipline veto bears on the rating they decide
        _A.CATALOG_VIEW: _ALL,
        _A.PERIOD_VIEW: _ALL,
        _A.ASSIGNMENT_VIEW: _BODY,
        _A.ASSIGNMENT_EDIT: _BODY,
        _A.SELF_ASSESSMENT_VIEW: _BODY,
        _A.SELF_ASSESSMENT_EDIT: _OWN,
        _A.REVIEW_EDIT: _BODY,
        _A.ANNUAL_VIEW: _BODY,
        _A.ANNUAL_DECIDE: _BODY,
        _A.REPORT_VIEW: _BODY,
        _A.REPORT_EXPORT: _BODY,
    },
    Role.CLERK: {
        _A.PERSON_VIEW: _ALL,
        _A.PERSON_EDIT: _ALL,
        _A.PERSONAL_DATA_VIEW: _ALL,
        _A.DISCIPLINE_EDIT: _ALL,
        _A.ORG_EDIT: _ALL,
        _A.CATALOG_VIEW: _ALL,
        _A.CATALOG_EDIT: _ALL,
        _A.PERIOD_VIEW: _ALL,
        _A.PERIOD_MANAGE: _ALL,
        _A.PERIOD_REOPEN: _ALL,
        _A.ASSIGNMENT_VIEW: _ALL,
        _A.ASSIGNMENT_EDIT: _ALL,
        _A.SELF_ASSESSMENT_VIEW: _ALL,
        _A.SELF_ASSESSMENT_EDIT: _OWN,
        _A.ANNUAL_VIEW: _ALL,
        _A.ANNUAL_PROPOSE: _ALL,
        _A.SCORE_RECOMPUTE: _ALL,
        _A.REPORT_VIEW: _ALL,
        _A.REPORT_EXPORT: _ALL,
        _A.BUNDLE_EXPORT: _ALL,
        _A.AUDIT_VIEW: _ALL,
        _A.AUDIT_EXPORT: _ALL,
        _A.BACKUP_RUN: _ALL,
        _A.DEADLINE_MANAGE: _ALL,
    },
    Role.PROVINCE_HR: {
        _A.PERSON_VIEW: _ALL,
        _A.PERSONAL_DATA_VIEW: _ALL,  # the national CBCCVC database is keyed by citizen ID
        _A.CATALOG_VIEW: _ALL,
        _A.CATALOG_EDIT: _ALL,
        _A.PERIOD_VIEW: _ALL,
        _A.ASSIGNMENT_VIEW: _ALL,
        _A.SELF_ASSESSMENT_VIEW: _ALL,
        _A.ANNUAL_VIEW: _ALL,
        _A.SCORE_RECOMPUTE: _ALL,
        _A.REPORT_VIEW: _ALL,
        _A.REPORT_EXPORT: _ALL,
        _A.BUNDLE_EXPORT: _ALL,  # catalogue packs and receipts
        _A.BUNDLE_IMPORT: _ALL,
        _A.AUDIT_VIEW: _ALL,
        _A.AUDIT_EXPORT: _ALL,
        _A.BACKUP_RUN: _ALL,
    },
    Role.ADMIN: {
        # Separation of duties: the administrator runs the machine, not the ratings.
        _A.PERSON_VIEW: _ALL,  # to link accounts to people
        _A.CATALOG_VIEW: _ALL,
        _A.PERIOD_VIEW: _ALL,
        _A.KEYS_MANAGE: _ALL,
        _A.ACCOUNT_MANAGE: _ALL,
        _A.AUDIT_VIEW: _ALL,
        _A.AUDIT_EXPORT: _ALL,
        _A.BACKUP_RUN: _ALL,
        _A.RESTORE_RUN: _ALL,
        _A.SETTINGS_EDIT: _ALL,
        _A.DEADLINE_MANAGE: _ALL,
    },
}

# Nobody judges their own case: the head's own evaluation is reviewed and decided one level up.
NOT_ON_SELF: frozenset[Action] = frozenset({Action.REVIEW_EDIT, Action.ANNUAL_DECIDE, Action.ANNUAL_PROPOSE,
                                             Action.DISCIPLINE_EDIT})

# Actions that change evaluation data; refused in a locked period.
WRITE_ACTIONS: frozenset[Action] = frozenset({
    Action.PERSON_EDIT, Action.DISCIPLINE_EDIT, Action.ORG_EDIT, Action.CATALOG_EDIT, Action.PERIOD_MANAGE,
    Action.ASSIGNMENT_EDIT, Action.SELF_ASSESSMENT_EDIT, Action.REVIEW_EDIT, Action.ANNUAL_PROPOSE,
    Action.ANNUAL_DECIDE, Action.SCORE_RECOMPUTE, Action.BUNDLE_IMPORT,
})

DENIED_HINT = "Hãy đăng nhập bằng tài khoản có quyền này, hoặc nhờ quản trị viên cấp quyền."


def is_system(actor: Actor) -> bool:
    return actor == SYSTEM


def scope_of(actor: Actor | None, action: Action) -> Scope:
    """How far `actor` may do `action` (Scope.NONE when not at all)."""
    if actor is None:
        return Scope.NONE
    if is_system(actor):
        return Scope.ALL
    return MATRIX.get(actor.role, {}).get(action, Scope.NONE)


def allowed(actor: Actor | None, action: Action, *, person_id: int | None = None,
            body_id: int | None = None) -> bool:
    try:
        require(actor, action, person_id=person_id, body_id=body_id)
    except PermissionDenied:
        return False
    return True


def require(actor: Actor | None, action: Action, *, person_id: int | None = None, body_id: int | None = None,
            period_locked: bool = False) -> None:
    """Raise `PermissionDenied` (Vietnamese) unless `actor` may do `action` on the given target.

    `person_id`: the person whose data is touched; `body_id`: the body it belongs to (pass both when
    known). `period_locked=True` for a write into a locked period raises `StateError`.
    """
    if actor is None:
        raise PermissionDenied("Bạn chưa đăng nhập.", hint="Hãy đăng nhập rồi thử lại.")
    action = Action(action)
    scope = scope_of(actor, action)
    if scope is Scope.NONE:
        raise PermissionDenied(
            f"Tài khoản «{actor.username}» ({actor.role.label_vi}) không có quyền {action.label_vi}.",
            hint=DENIED_HINT)
    own = person_id is not None and actor.person_id is not None and person_id == actor.person_id
    if own and action in NOT_ON_SELF and not is_system(actor):
        raise PermissionDenied(
            f"Không ai được tự {action.label_vi} cho chính mình.",
            hint="Việc này do cấp có thẩm quyền phía trên thực hiện.")
    if scope is Scope.OWN and person_id is not None and not own:
        raise PermissionDenied(
            f"Tài khoản «{actor.username}» chỉ được {action.label_vi} của chính mình.", hint=DENIED_HINT)
    if scope is Scope.OWN and person_id is None and body_id is not None:
        raise PermissionDenied(
            f"Tài khoản «{actor.username}» chỉ được {action.label_vi} của chính mình.", hint=DENIED_HINT)
    if scope is Scope.BODY and not own:
        if actor.body_id is None and (person_id is not None or body_id is not None):
            raise PermissionDenied(
                f"Tài khoản «{actor.username}» chưa được gắn với cơ quan, đơn vị nào.",
                hint="Quản trị viên cần gắn tài khoản với đơn vị mà người này phụ trách.")
        if body_id is not None and body_id != actor.body_id:
            raise PermissionDenied(
                f"Tài khoản «{actor.username}» chỉ được {action.label_vi} trong đơn vị mình phụ trách.",
                hint=DENIED_HINT)
        if person_id is not None and body_id is None:
            raise PermissionDenied(
                "Không xác định được đơn vị của người này nên không thể kiểm tra quyền.",
                field="body_id", hint="Dịch vụ cần truyền body_id cùng person_id.")
    if period_locked and action in WRITE_ACTIONS:
        raise StateError(
            "Kỳ đánh giá đã khoá: mọi người chỉ được xem, không được sửa.",
            hint="Cán bộ tổ chức có thể mở lại kỳ (phải ghi rõ lý do; việc mở lại được ghi nhật ký).")


def visible_person_filter(actor: Actor, action: Action) -> dict[str, int] | None:
    """For listings: the equality filter a service must apply, or None for no restriction.

    Returns {"person_id": n} for Scope.OWN, {"body_id": n} for Scope.BODY (the service should also
    include the actor's own person), None for Scope.ALL. Raises PermissionDenied for Scope.NONE.
    """
    scope = scope_of(actor, action)
    if scope is Scope.NONE:
        require(actor, action)  # raises with the standard message
    if scope is Scope.OWN:
        return {"person_id": actor.person_id if actor.person_id is not None else -1}
    if scope is Scope.BODY:
        return {"body_id": actor.body_id if actor.body_id is not None else -1}
    return None


# --- personal data ---------------------------------------------------------------------------------

PERSONAL_FIELDS: frozenset[str] = frozenset({
    "citizen_id", "national_id", "cccd", "id_number",
    "discipline", "disciplines", "discipline_records", "discipline_form", "discipline_note",
})

T = TypeVar("T")


def mask_citizen_id(value: str | None) -> str | None:
    """`012345678901` → `********8901`: enough to tell two people apart on screen, no more."""
    if not value:
        return value
    return "*" * max(len(value) - 4, 0) + value[-4:]


def can_see_personal(actor: Actor | None, *, person_id: int | None, body_id: int | None) -> bool:
    return allowed(actor, Action.PERSONAL_DATA_VIEW, person_id=person_id, body_id=body_id)


def _redacted_value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in ("citizen_id", "national_id", "cccd", "id_number") and isinstance(value, str):
        return mask_citizen_id(value)
    if isinstance(value, (list, tuple)):
        return type(value)()
    if isinstance(value, str):
        return ""
    return None


def redact_personal(actor: Actor | None, obj: T, *, person_id: int | None = None,
                    body_id: int | None = None) -> T:
    """Return `obj` (a dataclass or a mapping) with personal fields masked unless `actor` may see them.

    `person_id`/`body_id` default to the object's own `person_id`/`id` and `body_id` fields. Citizen IDs
    keep their last four digits; discipline fields are emptied.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        values = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    elif isinstance(obj, Mapping):
        values = dict(obj)
    else:
        raise TypeError(f"redact_personal: unsupported {type(obj).__name__}")
    pid = person_id if person_id is not None else values.get("person_id", values.get("id"))
    bid = body_id if body_id is not None else values.get("body_id")
    if can_see_personal(actor, person_id=pid, body_id=bid):
        return obj
    changes = {k: _redacted_value(k, v) for k, v in values.items() if k in PERSONAL_FIELDS}
    if not changes:
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    return type(obj)({**values, **changes})  # type: ignore[call-arg]
