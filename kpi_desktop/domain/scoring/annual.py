"""Annual classification: the mean of the periods worked, then the caps and vetoes; or, under the
legacy ND 90/2020 + ND 48/2023 rule set, the conditions table.

The level is the lowest of: the band of the mean (or the legacy table's level) and every cap that
applies (QĐ 366 conditions, a local "a KHT period bars HTXS", a head never above the unit, the legacy
3–<6-month absence cap, each veto forcing KHT). Each cap that is below the band adds a plain
Vietnamese sentence to `reasons`; `reasons` is empty exactly when the level equals the band.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from kpi_desktop.domain.scoring._common import Person, document, header, person_of, ruleset_for
from kpi_desktop.domain.scoring._input import (
    LEVEL_NAMES_VI,
    LEVEL_RANK,
    LEVELS,
    as_mapping,
    check_keys,
    fail,
    get_bool,
    get_date,
    get_list,
    get_number,
    get_text,
    get_year,
    join,
    opt_number,
    parse_period,
    require,
    text,
)
from kpi_desktop.domain.scoring._numbers import fmt2, fmt_plain, fmt_vi, round2
from kpi_desktop.domain.scoring._params import Params, effective_params
from kpi_desktop.domain.scoring.period import apply_conditions
from kpi_desktop.errors import InputError

TOP_KEYS = (
    "ruleset", "person", "year", "periods", "months_worked", "maternity_leave", "absence_months",
    "vetoes", "unit_level", "local", "meta",
    "criteria_1_4", "tasks_total", "tasks_completed", "tasks_on_time_with_quality", "tasks_exceeded",
    "unit_targets_met_share", "unit_targets_exceeded_share", "unit_targets_on_time_share", "subunit_levels",
)
PERIOD_KEYS = ("period", "total", "unit", "level")
VETO_KEYS = ("kind", "form", "date", "source", "violation_id", "already_counted_year", "mitigated", "note")
VETO_KINDS = ("discipline", "degeneration", "unit_corruption")
FORMS_VI = {
    "khien_trach": "khiển trách",
    "canh_cao": "cảnh cáo",
    "cach_chuc": "cách chức",
    "buoc_thoi_viec": "buộc thôi việc",
    "party": "kỷ luật Đảng",
}
CRITERIA = ("well", "met", "not_met")
ZERO = Fraction(0)
ONE = Fraction(1)


@dataclass
class AnnualComputation:
    result: dict[str, Any]
    steps: list[str]


@dataclass
class _Caps:
    band: str
    caps: list[tuple[str, str]] = field(default_factory=list)  # (level cap, reason sentence)

    def add(self, cap: str, reason: str) -> None:
        self.caps.append((cap, reason))

    def level(self) -> str:
        return min([self.band, *(c for c, _ in self.caps)], key=lambda lvl: LEVEL_RANK[lvl])

    def reasons(self) -> list[str]:
        return [r for c, r in self.caps if LEVEL_RANK[c] < LEVEL_RANK[self.band]]


def _dmy(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def compute_annual(doc_: Any) -> AnnualComputation:
    doc = document(doc_)
    check_keys(doc, "", TOP_KEYS)
    rs = ruleset_for(doc, "annual")
    params = effective_params(rs, doc.get("local"))
    person = person_of(doc, rs)
    year = get_year(doc, "year", "")
    steps = [f"Bộ quy tắc {rs.id}: {rs.title} (sha256 {rs.sha256[:12]}…).",
             f"Xếp loại năm {year} của {person.code}."]
    notes: list[str] = []
    months = get_number(doc, "months_worked", "", minimum=0, maximum=12)
    maternity = get_bool(doc, "maternity_leave", "", default=False)
    absence = get_number(doc, "absence_months", "", minimum=0, maximum=12, default=ZERO)
    unit_level = None
    if doc.get("unit_level") is not None:
        unit_level = get_text(doc, "unit_level", "", choices=LEVELS)

    periods, mean = _periods_and_mean(doc, year, params, steps, notes)
    vetoes = _vetoes(doc, year, person, params)

    not_rated = months < params.min_months_worked and not (maternity and params.maternity_exempt)
    if maternity and months < params.min_months_worked:
        notes.append("Nghỉ thai sản: được xếp loại theo kết quả các kỳ thực tế làm việc, không áp dụng điều "
                     f"kiện tối thiểu {fmt_plain(params.min_months_worked)} tháng.")

    legacy_level: str | None = None
    if params.legacy_table is not None:
        band: str | None = None
        if not not_rated:  # a person not rated needs no conditions table
            legacy_level, why = _legacy_table(doc, person, params)
            steps.extend(why)
            band = legacy_level
    else:
        if mean is None and not not_rated:
            raise InputError(
                f"Không có điểm kỳ nào trong năm {year} (periods rỗng): không đủ dữ liệu để xếp loại.",
                field="periods", hint="Nhập điểm các kỳ thực tế làm việc (kể cả ở đơn vị cũ khi điều động).")
        band = None if mean is None else params.band(Fraction(round2(mean)))
        if band is not None:
            steps.append(f"Mức theo điểm trung bình {fmt_vi(mean or ZERO)}: {band} — {LEVEL_NAMES_VI[band]}.")

    if not_rated:
        reason = (f"Chỉ làm việc {fmt_plain(months)} tháng trong năm {year} (dưới "
                  f"{fmt_plain(params.min_months_worked)} tháng) và không nghỉ thai sản nên không xếp loại "
                  "chất lượng; vẫn phải tự kiểm điểm, đánh giá.")
        steps.append(reason)
        result = header(rs)
        result.update({"person": person.code, "year": year, "mean": fmt2(mean), "band": band,
                       "level": "NOT_RATED", "reasons": [reason], "notes": notes,
                       "months_worked": fmt2(months), "periods_used": [p for p, _ in periods]})
        return AnnualComputation(result, steps)

    assert band is not None
    caps = _Caps(band)
    if params.conditions:
        shares = _condition_shares(doc, band)
        if shares is not None:
            lvl, reasons = apply_conditions(params, band, shares)
            if reasons:
                caps.add(lvl, " ".join(reasons))
    if params.kht_period_bars_htxs and params.legacy_table is None:
        kht = [p for p, total in periods if params.band(Fraction(round2(total))) == "KHT"]
        if kht:
            caps.add("HTT", f"Có kỳ xếp mức KHT ({', '.join(kht)}) nên theo quy chế của đơn vị không được "
                            "xếp HTXS cả năm.")
    if person.role == "head":
        if unit_level is not None and params.head_capped_by_unit_level:
            caps.add(unit_level, f"Là người đứng đầu nên mức xếp loại không cao hơn mức của cơ quan, đơn vị "
                                 f"({unit_level} — {LEVEL_NAMES_VI[unit_level]}).")
        elif unit_level is None and params.head_capped_by_unit_level:
            notes.append("Chưa có mức xếp loại của cơ quan, đơn vị (unit_level): mức của người đứng đầu chưa được "
                         "đối chiếu với mức của đơn vị; cần chấm lại khi có kết quả của đơn vị.")
    cap_rule = params.legacy_absence_cap
    if cap_rule is not None and absence > 0:
        low = Fraction(str(cap_rule["min_months"]))
        high = Fraction(str(cap_rule["max_months"]))
        if low <= absence < high:
            cap = str(cap_rule["cap"])
            caps.add(cap, f"Vắng mặt có lý do {fmt_plain(absence)} tháng (từ {fmt_plain(low)} đến dưới "
                          f"{fmt_plain(high)} tháng) nên không được xếp cao hơn mức {cap}.")
    for veto_reason in vetoes.applied:
        caps.add("KHT", veto_reason)
    notes.extend(vetoes.skipped)
    level = caps.level()
    reasons = caps.reasons()
    steps.extend(reasons)
    steps.extend(notes)
    steps.append(f"Mức xếp loại: {level} — {LEVEL_NAMES_VI[level]}.")
    result = header(rs)
    result.update({"person": person.code, "year": year, "mean": fmt2(mean), "band": band, "level": level,
                   "reasons": reasons, "notes": notes, "months_worked": fmt2(months),
                   "periods_used": [p for p, _ in periods]})
    return AnnualComputation(result, steps)


def _periods_and_mean(doc: Mapping[str, Any], year: int, params: Params, steps: list[str],
                      notes: list[str]) -> tuple[list[tuple[str, Fraction]], Fraction | None]:
    raw = get_list(doc, "periods", "", required=params.legacy_table is None)
    seen: dict[int, str] = {}
    periods: list[tuple[str, Fraction]] = []
    weighted = ZERO
    months = 0
    units: set[str] = set()
    for i, item in enumerate(raw):
        path = f"periods[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, PERIOD_KEYS)
        pid = parse_period(require(m, "period", path), join(path, "period"))
        if pid.year != year:
            raise fail(join(path, "period"), f"«{pid.text}» không thuộc năm đánh giá {year}.")
        for month in range(pid.first_month, pid.last_month + 1):
            if month in seen:
                raise fail(join(path, "period"), f"«{pid.text}» trùng thời gian với kỳ «{seen[month]}».")
            seen[month] = pid.text
        total = get_number(m, "total", path, minimum=0, maximum=100)
        if m.get("unit") is not None:
            units.add(text(m["unit"], join(path, "unit")))
        periods.append((pid.text, total))
        weighted += total * pid.months
        months += pid.months
    if not periods:
        return periods, None
    mean = weighted / months
    kinds = {parse_period(p, "period").kind for p, _ in periods}
    listing = "; ".join(f"{p}: {fmt_plain(t)}" for p, t in periods)
    if len(kinds) == 1:
        steps.append(f"Điểm các kỳ thực tế làm việc: {listing}. Điểm trung bình = tổng / {len(periods)} = "
                     f"{fmt_plain(mean)}, làm tròn {fmt_vi(mean)}.")
    else:
        steps.append(f"Điểm các kỳ thực tế làm việc (có cả kỳ tháng và kỳ quý, nên bình quân theo số tháng của "
                     f"mỗi kỳ): {listing}. Điểm trung bình = {fmt_plain(mean)}, làm tròn {fmt_vi(mean)}.")
    if len(units) > 1:
        notes.append("Có điểm các kỳ ở nhiều đơn vị (" + ", ".join(sorted(units)) + "): điểm các kỳ ở đơn vị cũ "
                     "được dùng để tính điểm trung bình cuối năm (điều động, luân chuyển).")
    return periods, mean


@dataclass
class _Vetoes:
    applied: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _vetoes(doc: Mapping[str, Any], year: int, person: Person, params: Params) -> _Vetoes:
    out = _Vetoes()
    forms = list(params.veto_discipline_forms)
    for i, item in enumerate(get_list(doc, "vetoes", "", required=False)):
        path = f"vetoes[{i}]"
        m = as_mapping(item, path)
        check_keys(m, path, VETO_KEYS)
        kind = get_text(m, "kind", path, choices=VETO_KINDS)
        when = get_date(m, "date", path, required=kind == "discipline")
        counted = opt_number(m, "already_counted_year", path, integer=True, minimum=2000, maximum=2100)
        if counted is not None and int(counted) != year:
            out.skipped.append(f"Vi phạm ở {path} đã được dùng để xếp loại năm {int(counted)} nên không tính lại "
                               f"trong năm {year}.")
            continue
        if kind == "discipline":
            form = get_text(m, "form", path, choices=forms)
            assert when is not None
            if when.year != year:
                out.skipped.append(f"Kỷ luật {FORMS_VI[form]} ngày {_dmy(when)} không thuộc năm đánh giá {year} "
                                   "nên không tính.")
                continue
            out.applied.append(f"Bị kỷ luật {FORMS_VI[form]} ngày {_dmy(when)} trong năm đánh giá nên xếp loại "
                               "không hoàn thành nhiệm vụ.")
        elif kind == "degeneration":
            if when is not None and when.year != year:
                out.skipped.append(f"Kết luận suy thoái ngày {_dmy(when)} không thuộc năm đánh giá {year} nên "
                                   "không tính.")
                continue
            out.applied.append("Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
                               "«tự diễn biến», «tự chuyển hoá» nên xếp loại không hoàn thành nhiệm vụ.")
        else:
            if not person.is_leader:
                out.skipped.append("Vụ việc tham nhũng, lãng phí ở đơn vị chỉ là căn cứ xếp KHT đối với người lãnh "
                                   "đạo (cấp trưởng, cấp phó) nên không áp dụng cho người này.")
                continue
            if when is not None and when.year != year:
                out.skipped.append(f"Vụ việc tham nhũng, lãng phí ngày {_dmy(when)} không thuộc năm đánh giá {year} "
                                   "nên không tính.")
                continue
            if get_bool(m, "mitigated", path, default=False):
                if params.unit_corruption_mitigation:
                    out.skipped.append("Người lãnh đạo đã chủ động phát hiện, báo cáo và khắc phục vụ việc tham "
                                       "nhũng, lãng phí ở đơn vị nên không áp dụng căn cứ xếp KHT (được cấp có "
                                       "thẩm quyền xem xét).")
                    continue
                out.skipped.append(f"Bộ quy tắc {params.ruleset.id} không có quy định miễn cho người lãnh đạo đã "
                                   "khắc phục vụ việc; đánh dấu mitigated không được áp dụng.")
            out.applied.append("Cơ quan, đơn vị trực tiếp quản lý để xảy ra tham nhũng, lãng phí và đã bị xử lý "
                               "theo quy định nên người lãnh đạo xếp loại không hoàn thành nhiệm vụ.")
    return out


def _task_counts(doc: Mapping[str, Any]) -> tuple[Fraction, Fraction | None, Fraction, Fraction]:
    total = get_number(doc, "tasks_total", "", integer=True, positive=True)
    completed = opt_number(doc, "tasks_completed", "", integer=True, minimum=0, maximum=total)
    on_time = get_number(doc, "tasks_on_time_with_quality", "", integer=True, minimum=0, maximum=total)
    exceeded = get_number(doc, "tasks_exceeded", "", integer=True, minimum=0, maximum=total)
    if completed is not None and on_time > completed:
        raise fail("tasks_on_time_with_quality", f"({on_time}) không được lớn hơn số nhiệm vụ hoàn thành "
                                                 f"({completed}).")
    return total, completed, on_time, exceeded


def _condition_shares(doc: Mapping[str, Any], band: str) -> dict[str, Fraction] | None:
    if band == "KHT":
        return None
    if doc.get("tasks_total") is None:
        raise fail("tasks_total", "bị thiếu: bộ quy tắc này xét thêm điều kiện về tỷ lệ nhiệm vụ đúng hạn, vượt "
                                  "yêu cầu, nên cần tasks_total, tasks_on_time_with_quality, tasks_exceeded "
                                  "(và tasks_completed).")
    total, completed, on_time, exceeded = _task_counts(doc)
    done = completed if completed is not None else total
    return {"on_time": on_time / total, "done": done / total, "late": (done - on_time) / total,
            "exceeded": exceeded / total}


def _legacy_table(doc: Mapping[str, Any], person: Person, params: Params) -> tuple[str, list[str]]:
    """ND 90/2020 Art 8–15 (as amended by ND 48/2023): the highest level whose conditions all hold."""
    t = params.legacy_table
    assert t is not None
    criteria = get_text(doc, "criteria_1_4", "", choices=CRITERIA)
    total, completed, on_time, exceeded = _task_counts(doc)
    lacking = (total - on_time) / total
    exceeded_share = exceeded / total
    all_done = completed is None or completed == total
    steps = [f"Tiêu chí 1–4: {_criteria_vi(criteria)}; {on_time}/{total} nhiệm vụ đúng hạn, bảo đảm chất lượng "
             f"({fmt_vi(lacking * 100)}% chưa bảo đảm); {exceeded} nhiệm vụ vượt mức "
             f"({fmt_vi(exceeded_share * 100)}%)."]
    checks: dict[str, list[str]] = {lvl: [] for lvl in ("HTXS", "HTT", "HT")}
    if criteria != "well":
        checks["HTXS"].append("tiêu chí 1–4 chưa được đánh giá là thực hiện tốt")
    if criteria == "not_met":
        checks["HTT"].append("tiêu chí 1–4 chưa đạt")
        checks["HT"].append("tiêu chí 1–4 chưa đạt")
    if person.is_leader:
        met = get_number(doc, "unit_targets_met_share", "", minimum=0, maximum=1)
        exc = get_number(doc, "unit_targets_exceeded_share", "", minimum=0, maximum=1)
        ontime = get_number(doc, "unit_targets_on_time_share", "", minimum=0, maximum=1)
        subs = [text(v, f"subunit_levels[{i}]", choices=LEVELS)
                for i, v in enumerate(get_list(doc, "subunit_levels", "", required=False))]
        n = len(subs)
        at_least_ht = sum(1 for s in subs if s != "KHT")
        htt_plus = sum(1 for s in subs if s in ("HTT", "HTXS"))
        sub_top = n == 0 or (Fraction(at_least_ht, n) >= t["leader_subunits_at_least_ht_share_top"]
                             and Fraction(htt_plus, n) >= t["leader_subunits_htt_share_top"])
        sub_ht = n == 0 or Fraction(at_least_ht, n) >= t["leader_ht_subunits_at_least_ht_share"]
        steps.append(f"Đơn vị: hoàn thành {fmt_vi(met * 100)}% chỉ tiêu, vượt {fmt_vi(exc * 100)}%, đúng hạn "
                     f"{fmt_vi(ontime * 100)}%; {n} đơn vị trực thuộc, {at_least_ht} từ HT trở lên, {htt_plus} "
                     "HTT/HTXS.")
        if on_time < total:
            checks["HTXS"].append("chưa 100% nhiệm vụ đúng hạn, chất lượng")
        if met < 1:
            checks["HTXS"].append("đơn vị chưa hoàn thành 100% chỉ tiêu")
            checks["HTT"].append("đơn vị chưa hoàn thành 100% chỉ tiêu")
        if exc < t["leader_htxs_unit_exceeded_share"]:
            checks["HTXS"].append(f"đơn vị vượt dưới {fmt_vi(t['leader_htxs_unit_exceeded_share'] * 100)}% chỉ tiêu")
        if ontime < t["leader_htt_unit_on_time_share"]:
            checks["HTT"].append(f"đơn vị đúng hạn dưới {fmt_vi(t['leader_htt_unit_on_time_share'] * 100)}% chỉ tiêu")
        if not sub_top:
            msg = "đơn vị trực thuộc chưa đủ 100% từ HT và 70% HTT/HTXS"
            checks["HTXS"].append(msg)
            checks["HTT"].append(msg)
        if not met > t["leader_ht_unit_met_over"]:
            checks["HT"].append(f"đơn vị hoàn thành không quá {fmt_vi(t['leader_ht_unit_met_over'] * 100)}% chỉ tiêu")
        if not sub_ht:
            checks["HT"].append("dưới 70% đơn vị trực thuộc từ HT trở lên")
        if met < t["leader_kht_unit_met_below"]:
            steps.append("Đơn vị hoàn thành dưới 50% chỉ tiêu: thuộc trường hợp không hoàn thành nhiệm vụ.")
    else:
        if on_time < total:
            checks["HTXS"].append("chưa 100% nhiệm vụ đúng hạn, chất lượng")
            checks["HTT"].append("chưa 100% nhiệm vụ đúng hạn, chất lượng")
        if exceeded_share < t["htxs_min_exceeded_share"]:
            checks["HTXS"].append(f"vượt mức dưới {fmt_vi(t['htxs_min_exceeded_share'] * 100)}% nhiệm vụ")
        if not all_done:
            checks["HT"].append("chưa hoàn thành hết nhiệm vụ")
        if lacking > t["ht_max_lacking_share"]:
            checks["HT"].append(f"quá {fmt_vi(t['ht_max_lacking_share'] * 100)}% tiêu chí chưa bảo đảm chất lượng, "
                                "tiến độ")
        if lacking > t["kht_over_lacking_share"]:
            steps.append("Quá 50% tiêu chí chưa bảo đảm chất lượng, tiến độ: thuộc trường hợp không hoàn thành "
                         "nhiệm vụ.")
    for lvl in ("HTXS", "HTT", "HT"):
        if not checks[lvl]:
            steps.append(f"Đạt đủ điều kiện mức {lvl} theo bảng điều kiện NĐ 90/2020.")
            return lvl, steps
        steps.append(f"Chưa đạt mức {lvl}: {'; '.join(checks[lvl])}.")
    steps.append("Không đạt điều kiện của mức HT nên xếp KHT (kể cả khoảng giữa mà văn bản không nêu).")
    return "KHT", steps


def _criteria_vi(value: str) -> str:
    return {"well": "thực hiện tốt", "met": "đạt", "not_met": "chưa đạt"}[value]


def score_annual(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Rate one person's year (the contract's `kpi score annual`)."""
    return compute_annual(doc).result


def explain_annual(doc: Mapping[str, Any]) -> list[str]:
    return compute_annual(doc).steps
