"""core schema

Revision ID: 0001_core
Revises:
Create Date: 2026-11-25 08:36:44.397833
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kpi_desktop.store.types import Dec  # stable: migrations depend on it


revision: str = '0001_core'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('competencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competencies')),
    sa.UniqueConstraint('code', name=op.f('uq_competencies_code'))
    )
    with op.batch_alter_table('competencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_competencies_kind'), ['kind'], unique=False)

    op.create_table('job_positions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('group', sa.String(length=25), nullable=False),
    sa.Column('framework_list', sa.String(length=40), nullable=False),
    sa.Column('framework_code', sa.String(length=30), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=150), nullable=True),
    sa.Column('career_step_min', sa.Integer(), nullable=True),
    sa.Column('career_step_max', sa.Integer(), nullable=True),
    sa.Column('provenance', sa.String(length=5), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('career_step_max IS NULL OR career_step_max BETWEEN 1 AND 5', name=op.f('ck_job_positions_step_max')),
    sa.CheckConstraint('career_step_min IS NULL OR career_step_min BETWEEN 1 AND 5', name=op.f('ck_job_positions_step_min')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_positions')),
    sa.UniqueConstraint('code', name=op.f('uq_job_positions_code'))
    )
    with op.batch_alter_table('job_positions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_positions_group'), ['group'], unique=False)

    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('unit_of_measure', sa.String(length=50), nullable=False),
    sa.Column('work_group', sa.String(length=10), nullable=True),
    sa.Column('complexity_group', sa.String(length=5), nullable=False),
    sa.Column('k', Dec(scale=3, precision=18), nullable=False),
    sa.Column('standard_points', Dec(scale=2, precision=18), nullable=True),
    sa.Column('standard_hours', Dec(scale=2, precision=18), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('CAST(k AS NUMERIC) > 0', name=op.f('ck_products_k_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('code', name=op.f('uq_products_code'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_products_complexity_group'), ['complexity_group'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_products_work_group'), ['work_group'], unique=False)

    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('division_type', sa.String(length=30), nullable=False),
    sa.Column('province_code', sa.String(length=5), nullable=False),
    sa.Column('province_name', sa.String(length=200), nullable=False),
    sa.Column('is_home', sa.Boolean(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_province_code'), ['province_code'], unique=False)

    op.create_table('bodies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['bodies.id'], name=op.f('fk_bodies_parent_id_bodies'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_bodies_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bodies')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_bodies_unit_id_code'))
    )
    with op.batch_alter_table('bodies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bodies_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_bodies_unit_id'), ['unit_id'], unique=False)

    op.create_table('competency_levels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('competency_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('descriptor', sa.Text(), nullable=False),
    sa.CheckConstraint('level BETWEEN 1 AND 5', name=op.f('ck_competency_levels_level_range')),
    sa.ForeignKeyConstraint(['competency_id'], ['competencies.id'], name=op.f('fk_competency_levels_competency_id_competencies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_competency_levels')),
    sa.UniqueConstraint('competency_id', 'level', name=op.f('uq_competency_levels_competency_id_level'))
    )
    op.create_table('evaluation_periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('reopen_reason', sa.Text(), nullable=True),
    sa.Column('locked_at', sa.DateTime(), nullable=True),
    sa.Column('locked_by', sa.String(length=150), nullable=True),
    sa.Column('self_due', sa.Date(), nullable=True),
    sa.Column('review_due', sa.Date(), nullable=True),
    sa.Column('ruleset_id', sa.String(length=40), nullable=True),
    sa.CheckConstraint("kind IN ('month', 'quarter', 'year')", name=op.f('ck_evaluation_periods_kind')),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_evaluation_periods_dates')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_evaluation_periods_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation_periods')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_evaluation_periods_unit_id_code'))
    )
    with op.batch_alter_table('evaluation_periods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evaluation_periods_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_periods_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evaluation_periods_year'), ['year'], unique=False)

    op.create_table('job_descriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('objective', sa.Text(), nullable=False),
    sa.Column('working_relations', sa.Text(), nullable=False),
    sa.Column('scope_of_authority', sa.Text(), nullable=False),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_job_descriptions_position_id_job_positions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_descriptions')),
    sa.UniqueConstraint('position_id', 'version', name=op.f('uq_job_descriptions_position_id_version'))
    )
    with op.batch_alter_table('job_descriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_descriptions_position_id'), ['position_id'], unique=False)

    op.create_table('job_position_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('group', sa.String(length=25), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=True),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('change_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_job_position_versions_position_id_job_positions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_position_versions')),
    sa.UniqueConstraint('position_id', 'version', name=op.f('uq_job_position_versions_position_id_version'))
    )
    with op.batch_alter_table('job_position_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_position_versions_position_id'), ['position_id'], unique=False)

    op.create_table('pay_schemes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('fund_amount', Dec(scale=2, precision=18), nullable=True),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_pay_schemes_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_schemes')),
    sa.UniqueConstraint('unit_id', 'year', 'code', name=op.f('uq_pay_schemes_unit_id_year_code'))
    )
    with op.batch_alter_table('pay_schemes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_schemes_unit_id'), ['unit_id'], unique=False)

    op.create_table('position_competencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('competency_id', sa.Integer(), nullable=False),
    sa.Column('required_level', sa.Integer(), nullable=False),
    sa.CheckConstraint('required_level BETWEEN 1 AND 5', name=op.f('ck_position_competencies_level_range')),
    sa.ForeignKeyConstraint(['competency_id'], ['competencies.id'], name=op.f('fk_position_competencies_competency_id_competencies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_position_competencies_position_id_job_positions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position_competencies')),
    sa.UniqueConstraint('position_id', 'competency_id', name=op.f('uq_position_competencies_position_id_competency_id'))
    )
    with op.batch_alter_table('position_competencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_position_competencies_competency_id'), ['competency_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_position_competencies_position_id'), ['position_id'], unique=False)

    op.create_table('product_positions',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_product_positions_position_id_job_positions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_positions_product_id_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', 'position_id', name=op.f('pk_product_positions'))
    )
    with op.batch_alter_table('product_positions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_positions_position_id'), ['position_id'], unique=False)

    op.create_table('quota_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_quota_groups_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quota_groups')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_quota_groups_unit_id_code'))
    )
    with op.batch_alter_table('quota_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quota_groups_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ruleset_id', sa.String(length=40), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('effective_to', sa.Date(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_unit_rules_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_rules')),
    sa.UniqueConstraint('unit_id', 'ruleset_id', 'effective_from', name=op.f('uq_unit_rules_unit_id_ruleset_id_effective_from'))
    )
    with op.batch_alter_table('unit_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_rules_unit_id'), ['unit_id'], unique=False)

    op.create_table('corruption_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('discovered_on', sa.Date(), nullable=True),
    sa.Column('handled_on', sa.Date(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('self_detected', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_corruption_cases_body_id_bodies'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_corruption_cases_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corruption_cases'))
    )
    with op.batch_alter_table('corruption_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corruption_cases_body_id'), ['body_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corruption_cases_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corruption_cases_year'), ['year'], unique=False)

    op.create_table('job_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('description_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('task', sa.Text(), nullable=False),
    sa.Column('output_products', sa.Text(), nullable=False),
    sa.Column('evaluation_criteria', sa.Text(), nullable=False),
    sa.Column('career_step', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['description_id'], ['job_descriptions.id'], name=op.f('fk_job_tasks_description_id_job_descriptions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_tasks')),
    sa.UniqueConstraint('description_id', 'seq', name=op.f('uq_job_tasks_description_id_seq'))
    )
    with op.batch_alter_table('job_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_tasks_description_id'), ['description_id'], unique=False)

    op.create_table('org_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('score', Dec(scale=2, precision=18), nullable=True),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('agency_excellent', sa.Boolean(), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_org_ratings_body_id_bodies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_org_ratings_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_ratings')),
    sa.UniqueConstraint('unit_id', 'body_id', 'year', name=op.f('uq_org_ratings_unit_id_body_id_year'))
    )
    with op.batch_alter_table('org_ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_ratings_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_ratings_year'), ['year'], unique=False)

    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('full_name', sa.String(length=150), nullable=False),
    sa.Column('family_name', sa.String(length=50), nullable=False),
    sa.Column('middle_name', sa.String(length=80), nullable=False),
    sa.Column('given_name', sa.String(length=50), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('party_member', sa.Boolean(), nullable=False),
    sa.Column('party_joined_on', sa.Date(), nullable=True),
    sa.Column('rank_code', sa.String(length=20), nullable=True),
    sa.Column('rank_name', sa.String(length=150), nullable=True),
    sa.Column('salary_step', sa.Integer(), nullable=True),
    sa.Column('salary_coefficient', Dec(scale=2, precision=18), nullable=True),
    sa.Column('career_step', sa.Integer(), nullable=True),
    sa.Column('citizen_id', sa.String(length=12), nullable=True),
    sa.Column('national_code', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=150), nullable=True),
    sa.Column('phone', sa.String(length=30), nullable=True),
    sa.Column('quota_group_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('citizen_id IS NULL OR length(citizen_id) = 12', name=op.f('ck_persons_citizen_id_len')),
    sa.ForeignKeyConstraint(['quota_group_id'], ['quota_groups.id'], name=op.f('fk_persons_quota_group_id_quota_groups'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_persons_unit_id_units'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('citizen_id', name=op.f('uq_persons_citizen_id')),
    sa.UniqueConstraint('national_code', name=op.f('uq_persons_national_code')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_persons_unit_id_code'))
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_quota_group_id'), ['quota_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index('ix_persons_unit_active_sort', ['unit_id', 'active', 'sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_persons_unit_id'), ['unit_id'], unique=False)

    op.create_table('annual_classifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('quota_group_code', sa.String(length=30), nullable=True),
    sa.Column('months_worked', sa.Integer(), nullable=True),
    sa.Column('maternity_leave', sa.Boolean(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=True),
    sa.Column('self_proposed_level', sa.String(length=10), nullable=True),
    sa.Column('final_level', sa.String(length=10), nullable=True),
    sa.Column('vetoes_applied', sa.JSON(), nullable=False),
    sa.Column('over_quota', sa.Boolean(), nullable=False),
    sa.Column('quota_approver', sa.String(length=150), nullable=True),
    sa.Column('quota_reason', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('proposed_action', sa.Text(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('meeting_minutes', sa.Text(), nullable=True),
    sa.Column('party_committee_opinion', sa.Text(), nullable=True),
    sa.Column('appeal', sa.Text(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('ruleset_id', sa.String(length=40), nullable=True),
    sa.Column('ruleset_sha256', sa.String(length=64), nullable=True),
    sa.Column('engine_version', sa.String(length=40), nullable=True),
    sa.Column('total', Dec(scale=2, precision=18), nullable=True),
    sa.Column('band', sa.String(length=10), nullable=True),
    sa.Column('scored_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_annual_classifications_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_annual_classifications_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_annual_classifications')),
    sa.UniqueConstraint('person_id', 'year', name=op.f('uq_annual_classifications_person_id_year'))
    )
    with op.batch_alter_table('annual_classifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_annual_classifications_final_level'), ['final_level'], unique=False)
        batch_op.create_index('ix_annual_classifications_unit_year', ['unit_id', 'year'], unique=False)

    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', Dec(scale=2, precision=18), nullable=False),
    sa.Column('k', Dec(scale=3, precision=18), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=12), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('assigned_by', sa.String(length=150), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('CAST(quantity AS NUMERIC) > 0', name=op.f('ck_assignments_quantity_positive')),
    sa.ForeignKeyConstraint(['period_id'], ['evaluation_periods.id'], name=op.f('fk_assignments_period_id_evaluation_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_assignments_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_assignments_product_id_products'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index('ix_assignments_period_person', ['period_id', 'person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_product_id'), ['product_id'], unique=False)

    op.create_table('discipline_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=15), nullable=False),
    sa.Column('form', sa.String(length=20), nullable=True),
    sa.Column('track', sa.String(length=15), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('violation_id', sa.String(length=60), nullable=True),
    sa.Column('rating_year_applied', sa.Integer(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_discipline_records_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discipline_records'))
    )
    with op.batch_alter_table('discipline_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_discipline_records_decided_on'), ['decided_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_discipline_records_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_discipline_records_violation_id'), ['violation_id'], unique=False)

    op.create_table('employment_spans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_employment_spans_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_employment_spans_unit_id_units'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment_spans'))
    )
    with op.batch_alter_table('employment_spans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_spans_person_id'), ['person_id'], unique=False)

    op.create_table('leaves',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_leaves_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leaves'))
    )
    with op.batch_alter_table('leaves', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leaves_person_id'), ['person_id'], unique=False)

    op.create_table('party_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('quarter', sa.Integer(), nullable=True),
    sa.Column('tasks_total', sa.Integer(), nullable=True),
    sa.Column('tasks_exceeded', sa.Integer(), nullable=True),
    sa.Column('proposed_level', sa.String(length=10), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('inputs', sa.JSON(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('ruleset_id', sa.String(length=40), nullable=True),
    sa.Column('ruleset_sha256', sa.String(length=64), nullable=True),
    sa.Column('engine_version', sa.String(length=40), nullable=True),
    sa.Column('total', Dec(scale=2, precision=18), nullable=True),
    sa.Column('band', sa.String(length=10), nullable=True),
    sa.Column('scored_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_party_reviews_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_reviews')),
    sa.UniqueConstraint('person_id', 'year', 'quarter', name=op.f('uq_party_reviews_person_id_year_quarter'))
    )
    with op.batch_alter_table('party_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_reviews_person_id'), ['person_id'], unique=False)

    op.create_table('pay_allocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scheme_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('period_code', sa.String(length=10), nullable=False),
    sa.Column('amount', Dec(scale=2, precision=18), nullable=False),
    sa.Column('basis', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_pay_allocations_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scheme_id'], ['pay_schemes.id'], name=op.f('fk_pay_allocations_scheme_id_pay_schemes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pay_allocations')),
    sa.UniqueConstraint('scheme_id', 'person_id', 'period_code', name=op.f('uq_pay_allocations_scheme_id_person_id_period_code'))
    )
    with op.batch_alter_table('pay_allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pay_allocations_person_id'), ['person_id'], unique=False)

    op.create_table('period_evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('leadership', sa.JSON(), nullable=True),
    sa.Column('self_total', Dec(scale=2, precision=18), nullable=True),
    sa.Column('self_band', sa.String(length=10), nullable=True),
    sa.Column('strengths', sa.Text(), nullable=True),
    sa.Column('weaknesses', sa.Text(), nullable=True),
    sa.Column('reviewer_comment', sa.Text(), nullable=True),
    sa.Column('adjust_reason', sa.Text(), nullable=True),
    sa.Column('return_reason', sa.Text(), nullable=True),
    sa.Column('reviewer_person_id', sa.Integer(), nullable=True),
    sa.Column('approver_person_id', sa.Integer(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('ruleset_id', sa.String(length=40), nullable=True),
    sa.Column('ruleset_sha256', sa.String(length=64), nullable=True),
    sa.Column('engine_version', sa.String(length=40), nullable=True),
    sa.Column('total', Dec(scale=2, precision=18), nullable=True),
    sa.Column('band', sa.String(length=10), nullable=True),
    sa.Column('scored_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['approver_person_id'], ['persons.id'], name=op.f('fk_period_evaluations_approver_person_id_persons'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_period_evaluations_body_id_bodies'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['period_id'], ['evaluation_periods.id'], name=op.f('fk_period_evaluations_period_id_evaluation_periods'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_period_evaluations_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_person_id'], ['persons.id'], name=op.f('fk_period_evaluations_reviewer_person_id_persons'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_evaluations')),
    sa.UniqueConstraint('period_id', 'person_id', name=op.f('uq_period_evaluations_period_id_person_id'))
    )
    with op.batch_alter_table('period_evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_evaluations_body_id'), ['body_id'], unique=False)
        batch_op.create_index('ix_period_evaluations_period_state', ['period_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_period_evaluations_person_id'), ['person_id'], unique=False)

    op.create_table('person_competencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('competency_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('assessed_by', sa.String(length=150), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('level BETWEEN 1 AND 5', name=op.f('ck_person_competencies_level_range')),
    sa.ForeignKeyConstraint(['competency_id'], ['competencies.id'], name=op.f('fk_person_competencies_competency_id_competencies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_competencies_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_competencies')),
    sa.UniqueConstraint('person_id', 'competency_id', 'assessed_on', name=op.f('uq_person_competencies_person_id_competency_id_assessed_on'))
    )
    with op.batch_alter_table('person_competencies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_competencies_person_id'), ['person_id'], unique=False)

    op.create_table('person_positions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_positions_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_person_positions_position_id_job_positions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_positions'))
    )
    with op.batch_alter_table('person_positions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_positions_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_positions_position_id'), ['position_id'], unique=False)

    op.create_table('responsibility_contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_responsibility_contracts_body_id_bodies'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_responsibility_contracts_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_responsibility_contracts_unit_id_units'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responsibility_contracts')),
    sa.UniqueConstraint('person_id', 'year', name=op.f('uq_responsibility_contracts_person_id_year'))
    )
    with op.batch_alter_table('responsibility_contracts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsibility_contracts_unit_id'), ['unit_id'], unique=False)

    op.create_table('role_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=True),
    sa.Column('scope', sa.String(length=300), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_role_assignments_body_id_bodies'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_role_assignments_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_assignments'))
    )
    with op.batch_alter_table('role_assignments', schema=None) as batch_op:
        batch_op.create_index('ix_role_assignments_body_role', ['body_id', 'role'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_assignments_person_id'), ['person_id'], unique=False)

    op.create_table('transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('from_unit_code', sa.String(length=10), nullable=True),
    sa.Column('from_unit_name', sa.String(length=200), nullable=True),
    sa.Column('to_unit_code', sa.String(length=10), nullable=True),
    sa.Column('to_unit_name', sa.String(length=200), nullable=True),
    sa.Column('transfer_date', sa.Date(), nullable=False),
    sa.Column('decision_no', sa.String(length=60), nullable=True),
    sa.Column('carried_scores', sa.JSON(), nullable=False),
    sa.Column('old_unit_opinion', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_transfers_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers'))
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfers_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfers_transfer_date'), ['transfer_date'], unique=False)

    op.create_table('completion_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('quantity', Dec(scale=2, precision=18), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('accepted_by', sa.String(length=150), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('CAST(quantity AS NUMERIC) >= 0', name=op.f('ck_completion_records_quantity_nonneg')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_completion_records_assignment_id_assignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_completion_records'))
    )
    with op.batch_alter_table('completion_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_completion_records_assignment_id'), ['assignment_id'], unique=False)

    op.create_table('contract_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('pillar', sa.String(length=100), nullable=True),
    sa.Column('unit_of_measure', sa.String(length=50), nullable=True),
    sa.Column('baseline', Dec(scale=4, precision=18), nullable=True),
    sa.Column('target', Dec(scale=4, precision=18), nullable=False),
    sa.Column('actual', Dec(scale=4, precision=18), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('weight', Dec(scale=4, precision=18), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['responsibility_contracts.id'], name=op.f('fk_contract_targets_contract_id_responsibility_contracts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_targets')),
    sa.UniqueConstraint('contract_id', 'seq', name=op.f('uq_contract_targets_contract_id_seq'))
    )
    op.create_table('contract_veto_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('triggered', sa.Boolean(), nullable=False),
    sa.Column('triggered_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['contract_id'], ['responsibility_contracts.id'], name=op.f('fk_contract_veto_items_contract_id_responsibility_contracts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_veto_items')),
    sa.UniqueConstraint('contract_id', 'seq', name=op.f('uq_contract_veto_items_contract_id_seq'))
    )
    op.create_table('criterion_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('evaluation_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('max_points', Dec(scale=2, precision=18), nullable=False),
    sa.Column('self_points', Dec(scale=2, precision=18), nullable=True),
    sa.Column('reviewer_points', Dec(scale=2, precision=18), nullable=True),
    sa.Column('self_comment', sa.Text(), nullable=True),
    sa.Column('reviewer_comment', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['evaluation_id'], ['period_evaluations.id'], name=op.f('fk_criterion_scores_evaluation_id_period_evaluations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_criterion_scores')),
    sa.UniqueConstraint('evaluation_id', 'code', name=op.f('uq_criterion_scores_evaluation_id_code'))
    )
    op.create_table('delay_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('exempt', sa.Boolean(), nullable=False),
    sa.Column('approver', sa.String(length=150), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.CheckConstraint('count >= 1', name=op.f('ck_delay_events_count_positive')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_delay_events_assignment_id_assignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delay_events'))
    )
    with op.batch_alter_table('delay_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delay_events_assignment_id'), ['assignment_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_evidence_assignment_id_assignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_assignment_id'), ['assignment_id'], unique=False)

    op.create_table('quality_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('exempt', sa.Boolean(), nullable=False),
    sa.Column('approver', sa.String(length=150), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.CheckConstraint('count >= 1', name=op.f('ck_quality_failures_count_positive')),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], name=op.f('fk_quality_failures_assignment_id_assignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_failures'))
    )
    with op.batch_alter_table('quality_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quality_failures_assignment_id'), ['assignment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('quality_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quality_failures_assignment_id'))

    op.drop_table('quality_failures')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_assignment_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('delay_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delay_events_assignment_id'))

    op.drop_table('delay_events')
    op.drop_table('criterion_scores')
    op.drop_table('contract_veto_items')
    op.drop_table('contract_targets')
    with op.batch_alter_table('completion_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_completion_records_assignment_id'))

    op.drop_table('completion_records')
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfers_transfer_date'))
        batch_op.drop_index(batch_op.f('ix_transfers_person_id'))

    op.drop_table('transfers')
    with op.batch_alter_table('role_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_assignments_person_id'))
        batch_op.drop_index('ix_role_assignments_body_role')

    op.drop_table('role_assignments')
    with op.batch_alter_table('responsibility_contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responsibility_contracts_unit_id'))

    op.drop_table('responsibility_contracts')
    with op.batch_alter_table('person_positions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_positions_position_id'))
        batch_op.drop_index(batch_op.f('ix_person_positions_person_id'))

    op.drop_table('person_positions')
    with op.batch_alter_table('person_competencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_competencies_person_id'))

    op.drop_table('person_competencies')
    with op.batch_alter_table('period_evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_period_evaluations_person_id'))
        batch_op.drop_index('ix_period_evaluations_period_state')
        batch_op.drop_index(batch_op.f('ix_period_evaluations_body_id'))

    op.drop_table('period_evaluations')
    with op.batch_alter_table('pay_allocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_allocations_person_id'))

    op.drop_table('pay_allocations')
    with op.batch_alter_table('party_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_reviews_person_id'))

    op.drop_table('party_reviews')
    with op.batch_alter_table('leaves', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leaves_person_id'))

    op.drop_table('leaves')
    with op.batch_alter_table('employment_spans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employment_spans_person_id'))

    op.drop_table('employment_spans')
    with op.batch_alter_table('discipline_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_discipline_records_violation_id'))
        batch_op.drop_index(batch_op.f('ix_discipline_records_person_id'))
        batch_op.drop_index(batch_op.f('ix_discipline_records_decided_on'))

    op.drop_table('discipline_records')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_product_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_person_id'))
        batch_op.drop_index('ix_assignments_period_person')

    op.drop_table('assignments')
    with op.batch_alter_table('annual_classifications', schema=None) as batch_op:
        batch_op.drop_index('ix_annual_classifications_unit_year')
        batch_op.drop_index(batch_op.f('ix_annual_classifications_final_level'))

    op.drop_table('annual_classifications')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_unit_id'))
        batch_op.drop_index('ix_persons_unit_active_sort')
        batch_op.drop_index(batch_op.f('ix_persons_sort_key'))
        batch_op.drop_index(batch_op.f('ix_persons_quota_group_id'))
        batch_op.drop_index(batch_op.f('ix_persons_category'))

    op.drop_table('persons')
    with op.batch_alter_table('org_ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_ratings_year'))
        batch_op.drop_index(batch_op.f('ix_org_ratings_unit_id'))

    op.drop_table('org_ratings')
    with op.batch_alter_table('job_tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_tasks_description_id'))

    op.drop_table('job_tasks')
    with op.batch_alter_table('corruption_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corruption_cases_year'))
        batch_op.drop_index(batch_op.f('ix_corruption_cases_unit_id'))
        batch_op.drop_index(batch_op.f('ix_corruption_cases_body_id'))

    op.drop_table('corruption_cases')
    with op.batch_alter_table('unit_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_rules_unit_id'))

    op.drop_table('unit_rules')
    with op.batch_alter_table('quota_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quota_groups_unit_id'))

    op.drop_table('quota_groups')
    with op.batch_alter_table('product_positions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_positions_position_id'))

    op.drop_table('product_positions')
    with op.batch_alter_table('position_competencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_position_competencies_position_id'))
        batch_op.drop_index(batch_op.f('ix_position_competencies_competency_id'))

    op.drop_table('position_competencies')
    with op.batch_alter_table('pay_schemes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pay_schemes_unit_id'))

    op.drop_table('pay_schemes')
    with op.batch_alter_table('job_position_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_position_versions_position_id'))

    op.drop_table('job_position_versions')
    with op.batch_alter_table('job_descriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_descriptions_position_id'))

    op.drop_table('job_descriptions')
    with op.batch_alter_table('evaluation_periods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evaluation_periods_year'))
        batch_op.drop_index(batch_op.f('ix_evaluation_periods_unit_id'))
        batch_op.drop_index(batch_op.f('ix_evaluation_periods_state'))

    op.drop_table('evaluation_periods')
    op.drop_table('competency_levels')
    with op.batch_alter_table('bodies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bodies_unit_id'))
        batch_op.drop_index(batch_op.f('ix_bodies_kind'))

    op.drop_table('bodies')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_province_code'))

    op.drop_table('units')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_products_work_group'))
        batch_op.drop_index(batch_op.f('ix_products_status'))
        batch_op.drop_index(batch_op.f('ix_products_complexity_group'))

    op.drop_table('products')
    with op.batch_alter_table('job_positions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_positions_group'))

    op.drop_table('job_positions')
    with op.batch_alter_table('competencies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_competencies_kind'))

    op.drop_table('competencies')
