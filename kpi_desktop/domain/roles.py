"""Who may do what. Roles are data; the services check them on every call, not only the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # cán bộ tổ chức: runs periods, the annual rating, catalogues, export
    STAFF = "staff"  # công chức/viên chức: own self-assessment only
    HEAD = "head"  # lãnh đạo: reviews, adjusts and approves within their own unit
    PROVINCE_HR = "province_hr"  # Sở Nội vụ: imports and reports across communes
    ADMIN = "admin"  # accounts, backups, settings

    @property
    def label_vi(self) -> str:
        return ROLE_LABELS_VI[self]


ROLE_LABELS_VI = {
    Role.CLERK: "Cán bộ tổ chức",
    Role.STAFF: "Công chức, viên chức",
    Role.HEAD: "Lãnh đạo đơn vị",
    Role.PROVINCE_HR: "Sở Nội vụ",
    Role.ADMIN: "Quản trị hệ thống",
}


@dataclass(frozen=True)
class Actor:
    """The account on whose behalf a service call runs.

    `person_id` links a staff or head account to its Person row; `body_id` is the body a head leads.
    `SYSTEM` is for maintenance commands run by the operator of the machine (demo build, migrations).
    """

    username: str
    role: Role
    user_id: int | None = None
    display_name: str = ""
    person_id: int | None = None
    body_id: int | None = None
    unit_code: str | None = None


SYSTEM = Actor(username="system", role=Role.ADMIN, display_name="Hệ thống")
