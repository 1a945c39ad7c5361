"""The role-action matrix, checked one cell at a time through `require()`."""

from __future__ import annotations

import dataclasses

import pytest

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import PermissionDenied, StateError
from kpi_desktop.services.authz import (
    MATRIX,
    Action,
    Scope,
    allowed,
    mask_citizen_id,
    redact_personal,
    require,
    scope_of,
    visible_person_filter,
)

STAFF = Actor("an", Role.STAFF, user_id=1, person_id=10, body_id=100)
HEAD = Actor("binh", Role.HEAD, user_id=2, person_id=20, body_id=100)
CLERK = Actor("chi", Role.CLERK, user_id=3, person_id=30, body_id=200)
PROVINCE = Actor("dung", Role.PROVINCE_HR, user_id=4)
ADMIN = Actor("em", Role.ADMIN, user_id=5)
ACTORS = {Role.STAFF: STAFF, Role.HEAD: HEAD, Role.CLERK: CLERK, Role.PROVINCE_HR: PROVINCE, Role.ADMIN: ADMIN}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_every_cell_of_the_matrix(role: Role, action: Action) -> None:
    actor = ACTORS[role]
    scope = MATRIX[role].get(action, Scope.NONE)
    if scope is Scope.NONE:
        with pytest.raises(PermissionDenied) as exc:
            require(actor, action, person_id=99, body_id=999)
        assert actor.username in exc.value.message
        assert action.label_vi in exc.value.message
        assert not allowed(actor, action)
    else:
        require(actor, action)  # a listing passes; the service narrows it with scope_of()
        assert scope_of(actor, action) is scope


def test_staff_only_their_own_self_assessment() -> None:
    require(STAFF, Action.SELF_ASSESSMENT_EDIT, person_id=10, body_id=100)
    with pytest.raises(PermissionDenied, match="của chính mình"):
        require(STAFF, Action.SELF_ASSESSMENT_EDIT, person_id=11, body_id=100)
    with pytest.raises(PermissionDenied):
        require(STAFF, Action.SELF_ASSESSMENT_VIEW, person_id=11, body_id=100)
    with pytest.raises(PermissionDenied):
        require(STAFF, Action.REVIEW_EDIT, person_id=10, body_id=100)


def test_head_only_their_own_body() -> None:
    require(HEAD, Action.REVIEW_EDIT, person_id=11, body_id=100)
    with pytest.raises(PermissionDenied, match="đơn vị mình phụ trách"):
        require(HEAD, Action.REVIEW_EDIT, person_id=12, body_id=101)
    with pytest.raises(PermissionDenied, match="chính mình"):
        require(HEAD, Action.REVIEW_EDIT, person_id=20, body_id=100)  # nobody reviews themselves
    with pytest.raises(PermissionDenied):
        require(HEAD, Action.REVIEW_EDIT, person_id=11)  # body unknown: fail closed
    require(HEAD, Action.SELF_ASSESSMENT_EDIT, person_id=20, body_id=100)
    with pytest.raises(PermissionDenied):
        require(HEAD, Action.SELF_ASSESSMENT_EDIT, person_id=11, body_id=100)


def test_head_without_body_is_refused() -> None:
    lone = Actor("x", Role.HEAD, person_id=1)
    with pytest.raises(PermissionDenied, match="chưa được gắn"):
        require(lone, Action.REVIEW_EDIT, person_id=2, body_id=100)


def test_locked_period_is_read_only_for_everyone() -> None:
    for actor, action in [(STAFF, Action.SELF_ASSESSMENT_EDIT), (HEAD, Action.REVIEW_EDIT),
                          (CLERK, Action.ASSIGNMENT_EDIT), (SYSTEM, Action.REVIEW_EDIT)]:
        pid = actor.person_id if action is Action.SELF_ASSESSMENT_EDIT else 11
        with pytest.raises(StateError, match="đã khoá"):
            require(actor, action, person_id=pid, body_id=100, period_locked=True)
    require(STAFF, Action.SELF_ASSESSMENT_VIEW, person_id=10, body_id=100, period_locked=True)


def test_not_logged_in() -> None:
    with pytest.raises(PermissionDenied, match="chưa đăng nhập"):
        require(None, Action.PERIOD_VIEW)


def test_system_passes_role_checks() -> None:
    for action in Action:
        require(SYSTEM, action, person_id=1, body_id=2)


def test_visible_filter() -> None:
    assert visible_person_filter(STAFF, Action.SELF_ASSESSMENT_VIEW) == {"person_id": 10}
    assert visible_person_filter(HEAD, Action.SELF_ASSESSMENT_VIEW) == {"body_id": 100}
    assert visible_person_filter(CLERK, Action.SELF_ASSESSMENT_VIEW) is None
    with pytest.raises(PermissionDenied):
        visible_person_filter(ADMIN, Action.SELF_ASSESSMENT_VIEW)


@dataclasses.dataclass(frozen=True)
class PersonDto:
    id: int
    full_name: str
    body_id: int
    citizen_id: str
    disciplines: tuple[str, ...]


def test_redaction_of_personal_data() -> None:
    dto = PersonDto(11, "Nguyễn Văn An", 100, "001099012345", ("Khiển trách 2026",))
    assert redact_personal(CLERK, dto) == dto
    assert redact_personal(HEAD, dto) == dto  # own body
    other = dataclasses.replace(dto, body_id=101)
    hidden = redact_personal(HEAD, other)
    assert hidden.citizen_id == "********2345"
    assert hidden.disciplines == ()
    assert redact_personal(ADMIN, dto).citizen_id == "********2345"
    assert redact_personal(STAFF, dto).disciplines == ()
    own = dataclasses.replace(dto, id=10)
    assert redact_personal(STAFF, own) == own
    as_dict = redact_personal(STAFF, {"person_id": 11, "body_id": 100, "citizen_id": "001099012345"})
    assert as_dict["citizen_id"] == "********2345"
    assert mask_citizen_id(None) is None
