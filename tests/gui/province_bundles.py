"""Real .kpib files for the province page's tests, made the way a commune makes them.

Two communes built by the demo builder (the demo commune, copied from demo_db.py's session file, and
a second ward with another seed) get the demo PKI with `exchange_settings.install_demo_pki`; their
clerk logs in and `exchange_export.export_period` writes signed, encrypted bundles for the province's
encryption certificate. The hostile files come from the same export: one byte flipped inside the
signed payload, a bundle encrypted for another province's certificate, and a file that is not a bundle
at all. In the second commune one stored Q4 total is not the engine's (an old score), so the province's
recomputation flags it. The province database is a fresh file with its own accounts (sonoivu = Sở Nội vụ) pointed at
the same demo PKI, so it holds the decryption key and has the communes' certificates registered.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from kpi_desktop.domain.roles import Role
from kpi_desktop.exchange import pki
from kpi_desktop.services import auth, exchange_export, exchange_settings
from kpi_desktop.services.auth import DEMO_PASSWORD
from kpi_desktop.store.db import Database
from kpi_desktop.store.models.evaluation import EvaluationPeriod, PeriodEvaluation
from kpi_desktop.store.models.people import Person

PROVINCE_USER = "sonoivu"
PROVINCE_PASSWORD = "Sở-Nội-vụ@2026"
GOOD_PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")
TAMPERED_PERIOD = "2026-Q4"  # exported, then one byte flipped: the province never has a valid Q4 of it
FOREIGN_PERIOD = "2026"  # the annual bundle, encrypted for another province's certificate
SECOND_WARD = "22828"  # Xã Anh Dũng, Khánh Hòa: a second demo commune (another seed), all five bundles valid
SECOND_PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026")
OLD_SCORE_PERIOD = "2026-Q4"  # in the second commune one stored total disagrees with the engine
OLD_TOTAL = "99.99"


@dataclass(frozen=True)
class Flag:
    """A score the province's recomputation disagrees with: what the clerk sees in «Cần xem lại»."""

    period: str
    person_code: str
    full_name: str
    field: str
    sent: str
    recomputed: str


@dataclass(frozen=True)
class Commune:
    unit_code: str
    good: dict[str, Path]  # period → bundle the province can import
    exported: dict[str, exchange_export.ExportResult]  # period → what the export service reported
    scores: dict[str, dict[str, tuple[str, str]]]  # period → person code → (total, band) in the commune
    flags: tuple[Flag, ...] = ()

    def flag_count(self, period: str) -> int:
        return sum(1 for f in self.flags if f.period == period)


@dataclass(frozen=True)
class ProvinceInbox:
    first: Commune  # the demo commune: Q1–Q3 valid, Q4 tampered, the annual bundle for another province
    second: Commune
    pki_dir: Path
    tampered: Path
    foreign: Path
    not_a_bundle: Path
    province_template: Path  # a closed province database file; each test works on a copy


def _commune_scores(db: Database, period: str) -> dict[str, tuple[str, str]]:
    with db.session() as s:
        rows = s.execute(select(Person.code, PeriodEvaluation.total, PeriodEvaluation.band)
                         .join(PeriodEvaluation, PeriodEvaluation.person_id == Person.id)
                         .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
                         .where(EvaluationPeriod.code == period, PeriodEvaluation.state == "approved")).all()
    return {code: (str(Decimal(total).quantize(Decimal("0.01"))), band) for code, total, band in rows}


def _other_province_certificate(folder: Path) -> Path:
    """Another province's encryption certificate (its own root); the key stays with that province."""
    root, root_key = pki.make_root("Sở Nội vụ tỉnh khác — CA gốc thử nghiệm", demo=True)
    key = pki.new_key()
    cert = pki.issue(root, root_key, key.public_key(), common_name="Sở Nội vụ tỉnh khác — mã hoá",
                     purpose="encrypt", demo=True)
    path = folder / "other-province-enc.pem"
    pki.write_public(path, pki.cert_pem(cert))
    return path


def _keep_an_old_score(db: Database, period: str) -> Flag:
    """One approved evaluation whose stored total is not what the engine computes (as if scored by an
    older engine, or edited outside the application): the export sends it as stored."""
    with db.session() as s:
        ev, code, name = s.execute(
            select(PeriodEvaluation, Person.code, Person.full_name)
            .join(Person, Person.id == PeriodEvaluation.person_id)
            .join(EvaluationPeriod, EvaluationPeriod.id == PeriodEvaluation.period_id)
            .where(EvaluationPeriod.code == period, PeriodEvaluation.state == "approved")
            .order_by(Person.code)).first()
        engine_total = str(ev.result["total"])
        assert engine_total != OLD_TOTAL
        ev.result = dict(ev.result, total=OLD_TOTAL)
    return Flag(period, code, name, "total", OLD_TOTAL, engine_total)


def _export(db: Database, pki_dir: Path, outbox: Path, periods: tuple[str, ...],
            flags: tuple[Flag, ...] = ()) -> Commune:
    """The commune's clerk exports `periods` with the real export service, as `kpi bundle export` does."""
    exchange_settings.install_demo_pki(db, pki_dir)  # issues the commune's demo signing certificate
    clerk = auth.login(db, "tochuc", DEMO_PASSWORD)
    exported: dict[str, exchange_export.ExportResult] = {}
    for period in periods:
        exported[period] = exchange_export.export_period(db, clerk, period, outbox / f"{period}.kpib")
    unit_code = next(iter(exported.values())).unit_code
    for period, result in exported.items():  # the name a clerk gives the file on the USB stick
        exported[period] = replace(result, path=result.path.rename(outbox / f"Kết quả {unit_code} {period}.kpib"))
    return Commune(unit_code, {p: r.path for p, r in exported.items()}, exported,
                   {p: _commune_scores(db, p) for p in periods}, flags)


def build(demo_file: Path, folder: Path) -> ProvinceInbox:
    folder.mkdir(parents=True, exist_ok=True)
    pki_dir = folder / "pki-demo"
    outbox = folder / "usb"
    outbox.mkdir()

    commune_path = folder / "xa.db"
    shutil.copyfile(demo_file, commune_path)
    commune = Database.open(str(commune_path))
    try:
        first = _export(commune, pki_dir, outbox, GOOD_PERIODS)
        clerk = auth.login(commune, "tochuc", DEMO_PASSWORD)
        # One byte flipped in the middle of the file. The middle lies inside the encrypted payload.zip
        # (nine tenths of the file), so CBC garbles signed bytes and the signature no longer matches.
        # (A flip inside the unsigned copy of the root certificate near the end would change nothing
        # the province uses: the root is pinned and the signed content is intact.)
        q4 = exchange_export.export_period(commune, clerk, TAMPERED_PERIOD, outbox / "q4-goc.kpib")
        data = bytearray(q4.path.read_bytes())
        data[len(data) // 2] ^= 0x01
        tampered = outbox / f"Kết quả {first.unit_code} {TAMPERED_PERIOD} (bị sửa).kpib"
        tampered.write_bytes(bytes(data))
        q4.path.unlink()
        other = pki.load_cert(_other_province_certificate(folder))
        foreign = exchange_export.export_period(commune, clerk, FOREIGN_PERIOD,
                                                outbox / f"Kết quả {first.unit_code} {FOREIGN_PERIOD} (tỉnh khác).kpib",
                                                recipients=[other]).path
    finally:
        commune.close()

    second_db = Database.open(str(folder / "xa-2.db"))
    try:
        from kpi_desktop.services.demo import build_demo

        build_demo(second_db, ward_code=SECOND_WARD, seed=7)
        flag = _keep_an_old_score(second_db, OLD_SCORE_PERIOD)
        second = _export(second_db, pki_dir, outbox, SECOND_PERIODS, (flag,))
    finally:
        second_db.close()

    not_a_bundle = outbox / "Ghi chú gửi Sở.kpib"
    not_a_bundle.write_text("Danh sách cán bộ gửi kèm — không phải gói dữ liệu.\n", encoding="utf-8")

    template = folder / "so-noi-vu.db"
    province = Database.open(str(template))
    try:
        admin = auth.create_first_admin(province, "quantri", PROVINCE_PASSWORD)
        auth.create_user(province, admin, PROVINCE_USER, PROVINCE_PASSWORD, Role.PROVINCE_HR,
                         display_name="Sở Nội vụ", must_change_password=False)
        exchange_settings.install_demo_pki(province, pki_dir)  # decryption key, the communes' certificates
    finally:
        province.close()
    return ProvinceInbox(first=first, second=second, pki_dir=pki_dir, tampered=tampered, foreign=foreign,
                         not_a_bundle=not_a_bundle, province_template=template)
