"""Local accounts: argon2id passwords, lock-out after repeated failures, the first administrator.

`login()` answers every failure with one and the same message, so that it never tells whether an
account exists, is locked or is disabled. The lock-out policy (failures, minutes) is a setting.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpi_desktop.domain.roles import SYSTEM, Actor, Role
from kpi_desktop.errors import InputError, NotFoundError, PermissionDenied, StateError
from kpi_desktop.services.app_settings import get_setting
from kpi_desktop.services.authz import Action, require
from kpi_desktop.store.audit_listener import record_event
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.trust import User

MIN_PASSWORD_LENGTH = 8
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
RESERVED_USERNAMES = frozenset({"system", "root", "(không rõ)"})

LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khoá."
LOGIN_FAILED_HINT = ("Kiểm tra lại bộ gõ và phím Caps Lock. Nhập sai nhiều lần liên tiếp sẽ tạm khoá tài khoản; "
                     "quản trị viên có thể mở khoá.")

# OWASP's argon2id minimum (19 MiB, t=2): strong, and quick enough on an old commune PC.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


clock: Callable[[], dt.datetime] = _utc_now
"""Naive UTC now; tests replace it (lock-out expiry)."""


@cache
def _dummy_hash() -> str:
    return _hasher.hash("không-phải-mật-khẩu-của-ai")


def _norm_password(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def hash_password(password: str) -> str:
    return _hasher.hash(_norm_password(password))


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, _norm_password(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class UserDto:
    id: int
    username: str
    display_name: str
    role: Role
    person_id: int | None
    body_id: int | None
    unit_code: str | None
    active: bool
    locked: bool
    must_change_password: bool
    last_login_at: dt.datetime | None


def _dto(user: User, now: dt.datetime) -> UserDto:
    return UserDto(id=user.id, username=user.username, display_name=user.display_name, role=Role(user.role),
                   person_id=user.person_id, body_id=user.body_id, unit_code=user.unit_code, active=user.active,
                   locked=user.locked_until is not None and user.locked_until > now,
                   must_change_password=user.must_change_password, last_login_at=user.last_login_at)


def actor_of(user: User) -> Actor:
    return Actor(username=user.username, role=Role(user.role), user_id=user.id, display_name=user.display_name,
                 person_id=user.person_id, body_id=user.body_id, unit_code=user.unit_code)


def normalize_username(username: str) -> str:
    return unicodedata.normalize("NFC", username).strip().lower()


def _check_username(username: str) -> str:
    name = normalize_username(username)
    if name in RESERVED_USERNAMES or not USERNAME_RE.match(name):
        raise InputError(f"Tên đăng nhập «{username}» không hợp lệ.", field="username",
                         hint="Dùng 3–64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới; "
                              "không dùng «system».")
    return name


def check_password_policy(password: str, username: str) -> None:
    pw = _norm_password(password)
    if len(pw) < MIN_PASSWORD_LENGTH:
        raise InputError(f"Mật khẩu phải dài ít nhất {MIN_PASSWORD_LENGTH} ký tự.", field="password")
    if username and username.lower() in pw.lower():
        raise InputError("Mật khẩu không được chứa tên đăng nhập.", field="password")
    if pw.strip() != pw or not pw.strip():
        raise InputError("Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.", field="password")


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError as exc:
        raise InputError(f"Vai trò «{value}» không tồn tại.", field="role",
                         hint="Chọn một trong: " + ", ".join(r.value for r in Role)) from exc


def has_users(db: Database) -> bool:
    with db.session() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def _get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == normalize_username(username)))
    if user is None:
        raise NotFoundError(f"Không có tài khoản «{username}».", field="username")
    return user


def _validate_links(role: Role, person_id: int | None, body_id: int | None,
                    session: Session | None = None) -> None:
    if role is Role.HEAD and body_id is None:
        raise InputError("Tài khoản lãnh đạo phải gắn với đơn vị mình phụ trách.", field="body_id")
    if role in (Role.STAFF, Role.HEAD) and person_id is None:
        raise InputError("Tài khoản công chức, viên chức và lãnh đạo phải gắn với hồ sơ cán bộ.", field="person_id")
    if session is not None:
        from kpi_desktop.store.models.core import Body
        from kpi_desktop.store.models.people import Person

        if person_id is not None and session.get(Person, person_id) is None:
            raise NotFoundError(f"Không có hồ sơ cán bộ mã {person_id}.", field="person_id")
        if body_id is not None and session.get(Body, body_id) is None:
            raise NotFoundError(f"Không có cơ quan, đơn vị mã {body_id}.", field="body_id")


def _new_user(session: Session, *, username: str, password: str, role: Role, display_name: str,
              person_id: int | None, body_id: int | None, unit_code: str | None,
              must_change_password: bool) -> User:
    name = _check_username(username)
    check_password_policy(password, name)
    _validate_links(role, person_id, body_id, session)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise InputError(f"Tên đăng nhập «{name}» đã có.", field="username", hint="Chọn tên khác.")
    user = User(username=name, display_name=unicodedata.normalize("NFC", display_name.strip()),
                password_hash=hash_password(password), role=role.value, person_id=person_id, body_id=body_id,
                unit_code=unit_code, active=True, failed_attempts=0, must_change_password=must_change_password,
                created_at=clock(), password_changed_at=clock())
    session.add(user)
    session.flush()
    return user


def create_first_admin(db: Database, username: str, password: str, display_name: str = "Quản trị hệ thống") -> Actor:
    """The administrator created on first run (the GUI's set-up wizard, `kpi account add` on an empty
    database, `kpi demo`). Refused once any account exists."""
    with db.session(SYSTEM) as session:
        session.execute(select(User.id).limit(1))  # SQLite: take the read snapshot before checking
        if session.scalar(select(func.count()).select_from(User)):
            raise StateError("Đã có tài khoản trong cơ sở dữ liệu này; không tạo lại quản trị viên đầu tiên.",
                             hint="Hãy đăng nhập bằng tài khoản quản trị hiện có.")
        user = _new_user(session, username=username, password=password, role=Role.ADMIN,
                         display_name=display_name, person_id=None, body_id=None, unit_code=None,
                         must_change_password=False)
        return actor_of(user)


def create_user(db: Database, actor: Actor, username: str, password: str, role: Role | str, *,
                display_name: str = "", person_id: int | None = None, body_id: int | None = None,
                unit_code: str | None = None, must_change_password: bool = True) -> UserDto:
    require(actor, Action.ACCOUNT_MANAGE)
    with db.session(actor) as session:
        user = _new_user(session, username=username, password=password, role=_role(role),
                         display_name=display_name or username, person_id=person_id, body_id=body_id,
                         unit_code=unit_code or actor.unit_code, must_change_password=must_change_password)
        return _dto(user, clock())


def list_users(db: Database, actor: Actor) -> list[UserDto]:
    require(actor, Action.ACCOUNT_MANAGE)
    now = clock()
    with db.session(actor) as session:
        return [_dto(u, now) for u in session.scalars(select(User).order_by(User.username)).all()]


def login(db: Database, username: str, password: str) -> Actor:
    """The Actor of a valid, active, unlocked account, or PermissionDenied with one generic message."""
    now = clock()
    name = normalize_username(username)
    ok = False
    actor: Actor | None = None
    with db.session() as session:
        user = session.scalar(select(User).where(User.username == name))
        if user is None:
            _verify(_dummy_hash(), password)  # same work as for a real account
        else:
            session.info["actor"] = actor_of(user)
            locked = user.locked_until is not None and user.locked_until > now
            if not user.active or locked:
                _verify(_dummy_hash(), password)
            elif _verify(user.password_hash, password):
                ok = True
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                user.failed_attempts = 0
                user.locked_until = None
                user.last_login_at = now
                record_event(session, "login", "users", str(user.id))
                actor = actor_of(user)
            else:
                user.failed_attempts = (user.failed_attempts or 0) + 1
                if user.failed_attempts >= int(get_setting(session, "auth.max_failures")):
                    user.locked_until = now + dt.timedelta(minutes=int(get_setting(session, "auth.lockout_minutes")))
                    user.failed_attempts = 0
                    record_event(session, "lockout", "users", str(user.id),
                                 details={"locked_until": user.locked_until})
    if not ok or actor is None:
        raise PermissionDenied(LOGIN_FAILED, hint=LOGIN_FAILED_HINT)
    return actor


def must_change_password(db: Database, actor: Actor) -> bool:
    with db.session() as session:
        user = session.get(User, actor.user_id) if actor.user_id is not None else None
        return bool(user and user.must_change_password)


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    """The account holder changes their own password (the old one is checked again)."""
    if actor.user_id is None:
        raise PermissionDenied("Tài khoản hệ thống không có mật khẩu.")
    with db.session(actor) as session:
        user = session.get(User, actor.user_id)
        if user is None or not _verify(user.password_hash, old_password):
            raise PermissionDenied("Mật khẩu hiện tại không đúng.", field="old_password")
        check_password_policy(new_password, user.username)
        if _verify(user.password_hash, new_password):
            raise InputError("Mật khẩu mới phải khác mật khẩu cũ.", field="password")
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        user.password_changed_at = clock()


def reset_password(db: Database, actor: Actor, username: str, new_password: str) -> None:
    """An administrator sets a temporary password; the holder must change it at next login."""
    require(actor, Action.ACCOUNT_MANAGE)
    with db.session(actor) as session:
        user = _get_user(session, username)
        check_password_policy(new_password, user.username)
        user.password_hash = hash_password(new_password)
        user.must_change_password = user.id != actor.user_id
        user.password_changed_at = clock()
        user.failed_attempts = 0
        user.locked_until = None


def unlock(db: Database, actor: Actor, username: str) -> None:
    require(actor, Action.ACCOUNT_MANAGE)
    with db.session(actor) as session:
        user = _get_user(session, username)
        user.failed_attempts = 0
        user.locked_until = None


def set_active(db: Database, actor: Actor, username: str, active: bool) -> None:
    require(actor, Action.ACCOUNT_MANAGE)
    with db.session(actor) as session:
        user = _get_user(session, username)
        if not active and user.id == actor.user_id:
            raise StateError("Không thể tự khoá tài khoản của chính mình.")
        if not active and user.role == Role.ADMIN.value:
            others = session.scalar(select(func.count()).select_from(User).where(
                User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id))
            if not others:
                raise StateError("Không thể khoá quản trị viên cuối cùng.")
        user.active = active


def update_user(db: Database, actor: Actor, username: str, *, role: Role | str | None = None,
                display_name: str | None = None, person_id: int | None = None, body_id: int | None = None,
                unit_code: str | None = None) -> UserDto:
    require(actor, Action.ACCOUNT_MANAGE)
    with db.session(actor) as session:
        user = _get_user(session, username)
        new_role = _role(role) if role is not None else Role(user.role)
        if user.role == Role.ADMIN.value and new_role is not Role.ADMIN:
            others = session.scalar(select(func.count()).select_from(User).where(
                User.role == Role.ADMIN.value, User.active.is_(True), User.id != user.id))
            if not others:
                raise StateError("Không thể bỏ vai trò của quản trị viên cuối cùng.")
        new_person = person_id if person_id is not None else user.person_id
        new_body = body_id if body_id is not None else user.body_id
        _validate_links(new_role, new_person, new_body, session)
        user.role = new_role.value
        user.person_id, user.body_id = new_person, new_body
        if display_name is not None:
            user.display_name = unicodedata.normalize("NFC", display_name.strip())
        if unit_code is not None:
            user.unit_code = unit_code
        session.flush()
        return _dto(user, clock())


# --- demo ----------------------------------------------------------------------------------------------

DEMO_PASSWORD = "Demo@2026"
"""The one password of every demo account (documented in README; for the demo database only)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: Role
    display_name: str
    person_id: int | None
    body_id: int | None


def create_demo_accounts(db: Database) -> list[DemoAccount]:
    """Accounts for the demo database: an administrator, a clerk, a head with one of their staff, and
    province HR, all with the password `DEMO_PASSWORD`. Existing usernames are left as they are, so
    running it twice is harmless. `kpi demo` calls it once the demo data is committed."""
    with db.session(SYSTEM) as session:
        return demo_accounts_in(session)


def demo_accounts_in(session: Session) -> list[DemoAccount]:
    """`create_demo_accounts` inside the caller's transaction. The head and the staff member are linked
    to people of the demo commune: the first body, in display order, that has a head and staff."""
    from kpi_desktop.store.models.core import Body
    from kpi_desktop.store.models.people import Person, RoleAssignment

    session.flush()
    created: list[DemoAccount] = []
    head_person: Person | None = None
    staff_person: Person | None = None
    body: Body | None = None
    for candidate in session.scalars(select(Body).order_by(Body.sort_order, Body.id)).all():
        heads = session.scalars(
            select(Person).join(RoleAssignment, RoleAssignment.person_id == Person.id)
            .where(RoleAssignment.body_id == candidate.id, RoleAssignment.role == "head",
                   RoleAssignment.end_date.is_(None))
            .order_by(Person.sort_key)).all()
        staff = session.scalars(
            select(Person).join(RoleAssignment, RoleAssignment.person_id == Person.id)
            .where(RoleAssignment.body_id == candidate.id, RoleAssignment.role == "staff",
                   RoleAssignment.end_date.is_(None), Person.active.is_(True))
            .order_by(Person.sort_key)).all()
        if heads and staff:
            head_person, staff_person, body = heads[0], staff[0], candidate
            break
    plan: list[tuple[str, Role, str, int | None, int | None]] = [
        ("quantri", Role.ADMIN, "Quản trị hệ thống (demo)", None, None),
        ("tochuc", Role.CLERK, "Cán bộ tổ chức (demo)", None, None),
    ]
    if head_person is not None and staff_person is not None and body is not None:
        plan.append(("lanhdao", Role.HEAD, f"{head_person.full_name} (demo)", head_person.id, body.id))
        plan.append(("nhanvien", Role.STAFF, f"{staff_person.full_name} (demo)", staff_person.id, body.id))
    plan.append(("sonoivu", Role.PROVINCE_HR, "Sở Nội vụ (demo)", None, None))
    for username, role, name, person_id, body_id in plan:
        if session.scalar(select(User.id).where(User.username == username)) is not None:
            continue
        _new_user(session, username=username, password=DEMO_PASSWORD, role=role, display_name=name,
                  person_id=person_id, body_id=body_id, unit_code=None, must_change_password=False)
        created.append(DemoAccount(username, DEMO_PASSWORD, role, name, person_id, body_id))
    return created

