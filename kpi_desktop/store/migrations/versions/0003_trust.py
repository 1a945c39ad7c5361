"""Trust: accounts, the hash-chained audit trail, settings, deadlines and their defaults.

Revision ID: 0003_trust
Revises: 0002_exchange
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_trust"
down_revision: str | Sequence[str] | None = "0002_exchange"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The trail is append-only: the application never updates or deletes an entry. Someone with the
# sqlite3 shell can drop these triggers; `kpi audit verify` then still finds the change via the chain.
SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
)
PG_TRIGGERS = (
    """CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("body_id", sa.Integer(), nullable=True),
        sa.Column("unit_code", sa.String(length=20), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("password_changed_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("role IN ('clerk', 'staff', 'head', 'province_hr', 'admin')", name=op.f("ck_users_role")),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_users_person_id_persons"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_users_body_id_bodies"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ts", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_role", sa.String(length=20), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=200), nullable=True),
        sa.Column("period_code", sa.String(length=16), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("period_prev_hash", sa.String(length=64), nullable=True),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_log_hash")),
    )
    op.create_index("ix_audit_log_period_code_seq", "audit_log", ["period_code", "seq"], unique=False)
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    op.create_table(
        "deadline_defaults",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_code", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("subject_key", sa.String(length=60), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=True),
        sa.Column("annual_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("defaulter_person_id", sa.Integer(), nullable=True),
        sa.Column("defaulter_role", sa.String(length=20), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("forwarded_at", sa.DateTime(), nullable=False),
        sa.Column("forwarded_to", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["evaluation_id"], ["period_evaluations.id"],
                                name=op.f("fk_deadline_defaults_evaluation_id_period_evaluations"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annual_id"], ["annual_classifications.id"],
                                name=op.f("fk_deadline_defaults_annual_id_annual_classifications"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_deadline_defaults_person_id_persons"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["defaulter_person_id"], ["persons.id"],
                                name=op.f("fk_deadline_defaults_defaulter_person_id_persons"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_defaults")),
        sa.UniqueConstraint("step", "subject_key", name=op.f("uq_deadline_defaults_step_subject_key")),
    )
    op.create_index(op.f("ix_deadline_defaults_evaluation_id"), "deadline_defaults", ["evaluation_id"], unique=False)
    op.create_index(op.f("ix_deadline_defaults_annual_id"), "deadline_defaults", ["annual_id"], unique=False)
    op.create_index(op.f("ix_deadline_defaults_person_id"), "deadline_defaults", ["person_id"], unique=False)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else PG_TRIGGERS if dialect == "postgresql" else ():
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_index(op.f("ix_deadline_defaults_person_id"), table_name="deadline_defaults")
    op.drop_index(op.f("ix_deadline_defaults_annual_id"), table_name="deadline_defaults")
    op.drop_index(op.f("ix_deadline_defaults_evaluation_id"), table_name="deadline_defaults")
    op.drop_table("deadline_defaults")
    op.drop_table("app_settings")
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_period_code_seq", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("users")
