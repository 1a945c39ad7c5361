"""Period score (one month or quarter): ND 335/2025 Art 12–17, ND 233/2026, QĐ 366 (100-point frame).

    a = 100 × Σ k·min(completed, assigned) / Σ k·assigned                       (số lượng)
    b = 100 × Σ k·clamp(completed − 0.25·(quality failures − exempt), 0, assigned) / Σ k·assigned
    c = 100 × Σ k·clamp(completed − 0.25·(delays − exempt), 0, assigned) / Σ k·assigned
    T = (a + b + c)/3, or (a + b + c + d + đ + e)/6 for a deputy or head
    total = general points + T × 70/100, level by the bands on the total rounded to 2 decimals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
    get_list,
    get_number,
    get_text,
    join,
    number,
    parse_period,
    require,
)
from kpi_desktop.domain.scoring._numbers import HUNDRED, fmt2, fmt_plain, fmt_vi, round2
from kpi_desktop.domain.scoring._params import Params, effective_params
from kpi_desktop.errors import InputError

TOP_KEYS = ("ruleset", "person", "period", "general", "tasks", "leadership", "local", "meta")
LINE_KEYS = ("product", "name", "k", "group", "assigned", "completed", "quality_failures",
             "quality_failures_exempt", "delays", "delays_exempt", "exceeded")
LEADERSHIP_KEYS = ("subordinates_all_at_least_ht", "plan_on_time_with_quality", "unity")
ZERO = Fraction(0)


@dataclass(frozen=True)
class Line:
    index: int
    product: str
    k: Fraction
    assigned: Fraction
    completed: Fraction
    quality_net: Fraction
    delays_net: Fraction
    exceeded_flag: bool

    @property
    def weight(self) -> Fraction:
        return self.k * self.assigned

    @property
    def exceeded(self) -> bool:
        return self.completed > self.assigned or (self.exceeded_flag and self.completed >= self.assigned)

    @property
    def done(self) -> bool:
        return self.completed >= self.assigned

    @property
    def on_time(self) -> bool:
        return self.done and self.delays_net == 0 and self.quality_net == 0


def _clamp(value: Fraction, upper: Fraction, cap: bool) -> Fraction:
    value = max(value, ZERO)
    return min(value, upper) if cap else value


def _line(raw: Any, index: int, params: Params) -> Line:
    path = f"tasks[{index}]"
    m = as_mapping(raw, path)
    check_keys(m, path, LINE_KEYS)
    product = get_text(m, "product", path)
    k: Fraction | None = None
    if m.get("group") is not None:
        group = get_text(m, "group", path)
        if group not in params.coefficient_groups:
            known = ", ".join(params.coefficient_groups) or "(quy chế chưa khai báo nhóm nào)"
            raise fail(join(path, "group"), f"«{group}» không có trong local.coefficient_groups.",
                       hint=f"Các nhóm hệ số đã khai báo: {known}.")
        k = params.coefficient_groups[group]
        if m.get("k") is not None and number(m["k"], join(path, "k"), positive=True) != k:
            raise fail(join(path, "k"), f"không khớp với hệ số của nhóm «{group}» ({fmt_plain(k)}).")
    else:
        k = get_number(m, "k", path, positive=True)
    assigned = get_number(m, "assigned", path, minimum=0)
    completed = get_number(m, "completed", path, minimum=0)
    qf = get_number(m, "quality_failures", path, minimum=0, integer=True, default=ZERO)
    qfe = get_number(m, "quality_failures_exempt", path, minimum=0, integer=True, default=ZERO)
    dl = get_number(m, "delays", path, minimum=0, integer=True, default=ZERO)
    dle = get_number(m, "delays_exempt", path, minimum=0, integer=True, default=ZERO)
    if qfe > qf:
        raise fail(join(path, "quality_failures_exempt"),
                   f"({qfe}) không được lớn hơn số lần không đạt chất lượng ({qf}).")
    if dle > dl:
        raise fail(join(path, "delays_exempt"), f"({dle}) không được lớn hơn số lần chậm tiến độ ({dl}).")
    exceeded = get_bool(m, "exceeded", path, default=False)
    return Line(index, product, k, assigned, completed, qf - qfe, dl - dle, exceeded)


@dataclass
class PeriodComputation:
    result: dict[str, Any]
    steps: list[str]


def compute_period(doc_: Any) -> PeriodComputation:
    doc = document(doc_)
    check_keys(doc, "", TOP_KEYS)
    rs = ruleset_for(doc, "period")
    params = effective_params(rs, doc.get("local"))
    person: Person = person_of(doc, rs)
    period = parse_period(require(doc, "period", ""), "period")
    if period.kind not in params.tracking:
        kinds = " hoặc ".join("tháng" if t == "month" else "quý" for t in params.tracking)
        raise fail("period", f"là kỳ theo {'tháng' if period.kind == 'month' else 'quý'}, nhưng quy chế "
                             f"theo dõi, đánh giá theo {kinds}.")
    steps: list[str] = [
        f"Bộ quy tắc {rs.id}: {rs.title} (sha256 {rs.sha256[:12]}…).",
        f"Kỳ đánh giá: {period.label_vi()}; người được đánh giá: {person.code} ({_role_vi(person.role)}).",
    ]
    if person.category and not rs.in_force(person.category, period.end_date()):
        steps.append(f"Lưu ý: {period.label_vi()} nằm ngoài thời gian hiệu lực của {rs.id} đối với đối "
                     "tượng này; điểm vẫn được tính theo bộ quy tắc đã chỉ định.")
    if params.local_name or params.overridden:
        steps.append(f"Quy chế của đơn vị{(' «' + params.local_name + '»') if params.local_name else ''}"
                     f" ghi đè: {', '.join(params.overridden) or 'không tham số nào'}.")

    # General criteria.
    gen = as_mapping(require(doc, "general", ""), "general")
    check_keys(gen, "general", params.general_parts)
    general_points = ZERO
    parts_text = []
    for part, maximum in params.general_parts.items():
        value = get_number(gen, part, "general", minimum=0, maximum=maximum)
        general_points += value
        parts_text.append(f"{part} = {fmt_plain(value)}/{fmt_plain(maximum)}")
    if general_points > params.general_max:
        raise fail("general", f"có tổng {fmt_plain(general_points)} điểm, vượt mức tối đa "
                              f"{fmt_plain(params.general_max)}.")
    steps.append(f"Điểm tiêu chí chung: {'; '.join(parts_text)}; cộng {fmt_plain(general_points)} "
                 f"(tối đa {fmt_plain(params.general_max)}).")

    # Task lines.
    raw_lines = get_list(doc, "tasks", "")
    if not raw_lines:
        raise InputError("Không có công việc nào được giao trong kỳ (tasks rỗng): không đủ dữ liệu để "
                         "chấm điểm kết quả thực hiện nhiệm vụ.", field="tasks",
                         hint="Nhập các sản phẩm được giao; phần mềm không tự cho 100%.")
    lines = [_line(raw, i, params) for i, raw in enumerate(raw_lines)]
    total_weight = sum((ln.weight for ln in lines), ZERO)
    if total_weight == 0:
        raise InputError("Tổng số lượng được giao (quy đổi) bằng 0: không đủ dữ liệu để chấm điểm kết quả "
                         "thực hiện nhiệm vụ.", field="tasks",
                         hint="Ít nhất một dòng công việc phải có số lượng được giao lớn hơn 0.")
    cap = params.cap_line_at_assigned
    sa = sb = sc = ZERO
    for ln in lines:
        qa = _clamp(ln.completed, ln.assigned, cap)
        qb = _clamp(ln.completed - params.quality_deduction * ln.quality_net, ln.assigned, cap)
        qc = _clamp(ln.completed - params.delay_deduction * ln.delays_net, ln.assigned, cap)
        sa += ln.k * qa
        sb += ln.k * qb
        sc += ln.k * qc
        steps.append(
            f"Dòng {ln.index + 1} ({ln.product}): k = {fmt_plain(ln.k)}, giao {fmt_plain(ln.assigned)}, "
            f"hoàn thành {fmt_plain(ln.completed)} → số lượng {fmt_plain(qa)}; chất lượng "
            f"{fmt_plain(ln.completed)} − {fmt_plain(params.quality_deduction)} × {fmt_plain(ln.quality_net)}"
            f" = {fmt_plain(qb)}; tiến độ {fmt_plain(ln.completed)} − {fmt_plain(params.delay_deduction)}"
            f" × {fmt_plain(ln.delays_net)} = {fmt_plain(qc)}"
            + (" (kết quả mỗi tiêu chí trong khoảng 0 đến số được giao; phần vượt báo cáo riêng)." if cap
               else ".")
        )
    a = HUNDRED * sa / total_weight
    b = HUNDRED * sb / total_weight
    c = HUNDRED * sc / total_weight
    if not cap:
        a, b, c = min(a, HUNDRED), min(b, HUNDRED), min(c, HUNDRED)
    steps.append(f"Tổng số lượng được giao đã quy đổi: Σ k × giao = {fmt_plain(total_weight)}.")
    steps.append(f"a (số lượng) = 100 × {fmt_plain(sa)} / {fmt_plain(total_weight)} = {fmt_vi(a)}%.")
    steps.append(f"b (chất lượng) = 100 × {fmt_plain(sb)} / {fmt_plain(total_weight)} = {fmt_vi(b)}%.")
    steps.append(f"c (tiến độ) = 100 × {fmt_plain(sc)} / {fmt_plain(total_weight)} = {fmt_vi(c)}%.")

    # Leadership components.
    d = dd = e = None
    raw_lead = doc.get("leadership")
    if person.is_leader:
        if raw_lead is None:
            raise fail("leadership", f"bị thiếu: {_role_vi(person.role)} phải có d, đ, e "
                                     "(subordinates_all_at_least_ht, plan_on_time_with_quality, unity).")
        lead = as_mapping(raw_lead, "leadership")
        check_keys(lead, "leadership", LEADERSHIP_KEYS)
        full, partial = params.leader_full, params.leader_partial
        d = full if get_bool(lead, "subordinates_all_at_least_ht", "leadership") else partial
        dd = full if get_bool(lead, "plan_on_time_with_quality", "leadership") else partial
        e = full if get_bool(lead, "unity", "leadership") else partial
        steps.append(f"d (kết quả lĩnh vực, đơn vị phụ trách) = {fmt_plain(d)}%: "
                     + ("mọi người thuộc quyền đạt từ mức hoàn thành nhiệm vụ." if d == full
                        else "có người thuộc quyền không hoàn thành nhiệm vụ."))
        steps.append(f"đ (năng lực tổ chức thực hiện) = {fmt_plain(dd)}%: "
                     + ("kế hoạch đúng hạn, bảo đảm chất lượng, có giải pháp hiệu quả." if dd == full
                        else "kế hoạch chưa đúng hạn hoặc chưa bảo đảm chất lượng."))
        steps.append(f"e (năng lực tập hợp, đoàn kết) = {fmt_plain(e)}%: "
                     + ("tập hợp, đoàn kết tốt." if e == full else "chưa tập hợp, đoàn kết tốt."))
        t = (a + b + c + d + dd + e) / 6
        steps.append(f"T = (a + b + c + d + đ + e) / 6 = {fmt_vi(t)}.")
    else:
        if raw_lead is not None:
            raise fail("leadership", "chỉ dùng cho cấp phó hoặc người đứng đầu; với người không giữ chức vụ "
                                     "lãnh đạo, để null.")
        t = (a + b + c) / 3
        steps.append(f"T = (a + b + c) / 3 = {fmt_vi(t)}.")
    task_points = t * params.task_max / HUNDRED
    total = general_points + task_points
    steps.append(f"Điểm kết quả thực hiện nhiệm vụ = T × {fmt_plain(params.task_max)} / 100 = "
                 f"{fmt_vi(task_points)}.")
    total_r = round2(total)
    steps.append(f"Tổng điểm = {fmt_plain(general_points)} + {fmt_plain(task_points)} = {fmt_plain(total)}, "
                 f"làm tròn nửa lên 2 chữ số thập phân: {fmt_vi(total_r)}.")
    band = params.band(Fraction(total_r))
    steps.append(f"Mức theo điểm: {band} — {LEVEL_NAMES_VI[band]}{_band_rule(params, band)}.")

    # Shares used by the QĐ 366 conditions, reported for every rule set.
    on_time_w = sum((ln.weight for ln in lines if ln.on_time), ZERO)
    done_w = sum((ln.weight for ln in lines if ln.done), ZERO)
    late_w = sum((ln.weight for ln in lines if ln.delays_net > 0), ZERO)
    exceeded_w = sum((ln.weight for ln in lines if ln.exceeded), ZERO)
    shares = {"on_time": on_time_w / total_weight, "done": done_w / total_weight,
              "late": late_w / total_weight, "exceeded": exceeded_w / total_weight}
    level, reasons = apply_conditions(params, band, shares)
    for reason in reasons:
        steps.append(reason)
    if level != band:
        steps.append(f"Mức của kỳ sau khi xét điều kiện: {level} — {LEVEL_NAMES_VI[level]}.")

    multiplier = params.position_multipliers.get(person.position or "", Fraction(1))
    if person.position and params.position_multipliers and person.position not in params.position_multipliers:
        raise fail("person.position", f"«{person.position}» không có trong local.position_multipliers.")
    completed_std = sum((ln.k * min(ln.completed, ln.assigned) for ln in lines), ZERO)
    extra_std = sum((ln.k * (ln.completed - ln.assigned) for ln in lines if ln.completed > ln.assigned), ZERO)
    if params.position_multipliers:
        steps.append(f"Khối lượng công việc quy đổi = (Σ k × hoàn thành trong định mức + phần vượt) × hệ số vị "
                     f"trí {fmt_plain(multiplier)} = {fmt_vi((completed_std + extra_std) * multiplier)}; hệ số "
                     "vị trí không làm thay đổi a, b, c vì đó là các tỷ lệ.")

    result: dict[str, Any] = header(rs)
    result.update({
        "person": person.code,
        "period": period.text,
        "a": fmt2(a), "b": fmt2(b), "c": fmt2(c),
        "d": fmt2(d), "dd": fmt2(dd), "e": fmt2(e),
        "task_result": fmt2(t),
        "task_points": fmt2(task_points),
        "general_points": fmt2(general_points),
        "total": str(total_r),
        "band": band,
        "level": level,
        "reasons": reasons,
        "details": {
            "assigned_standard": fmt2(total_weight),
            "completed_standard": fmt2(completed_std),
            "exceeded_standard": fmt2(extra_std),
            "exceeded_products": [ln.product for ln in lines if ln.exceeded],
            "on_time_share": fmt2(shares["on_time"] * 100),
            "exceeded_share": fmt2(shares["exceeded"] * 100),
            "late_share": fmt2(shares["late"] * 100),
            "position_multiplier": fmt2(multiplier),
            "workload": fmt2((completed_std + extra_std) * multiplier),
        },
    })
    return PeriodComputation(result, steps)


def apply_conditions(params: Params, band: str, shares: Mapping[str, Fraction]) -> tuple[str, list[str]]:
    """QĐ 366 Art 11: the level is the highest whose points band *and* conditions both hold."""
    if not params.conditions:
        return band, []
    reasons: list[str] = []
    level = band
    for candidate in LEVELS:
        if LEVEL_RANK[candidate] > LEVEL_RANK[band] or candidate == "KHT":
            continue
        failed = _failed_conditions(params.conditions.get(candidate) or {}, shares)
        if not failed:
            level = candidate
            break
        reasons.append(f"Không đạt điều kiện của mức {candidate} theo {params.ruleset.id}: {'; '.join(failed)}.")
        level = "KHT"
    return level, reasons


def _failed_conditions(cond: Mapping[str, Any], shares: Mapping[str, Fraction]) -> list[str]:
    failed = []
    if cond.get("all_on_time") and shares["on_time"] < 1:
        failed.append(f"chỉ {fmt_vi(shares['on_time'] * 100)}% nhiệm vụ hoàn thành đúng hạn, bảo đảm chất "
                      "lượng (yêu cầu 100%)")
    if cond.get("all_done") and shares["done"] < 1:
        failed.append(f"chỉ hoàn thành {fmt_vi(shares['done'] * 100)}% nhiệm vụ (yêu cầu 100%)")
    if cond.get("min_exceeded_share") is not None:
        need = number(cond["min_exceeded_share"], "ruleset.params.conditions")
        if shares["exceeded"] < need:
            failed.append(f"{fmt_vi(shares['exceeded'] * 100)}% nhiệm vụ vượt yêu cầu (cần ít nhất "
                          f"{fmt_vi(need * 100)}%)")
    if cond.get("max_late_share") is not None:
        limit = number(cond["max_late_share"], "ruleset.params.conditions")
        if shares["late"] > limit:
            failed.append(f"{fmt_vi(shares['late'] * 100)}% nhiệm vụ bị chậm (tối đa {fmt_vi(limit * 100)}%)")
    return failed


def _band_rule(params: Params, band: str) -> str:
    mins = dict(params.bands)
    if band == "KHT":
        return f" (dưới {fmt_plain(mins['HT'])} điểm)"
    return f" (từ {fmt_plain(mins[band])} điểm)"


def _role_vi(role: str) -> str:
    from kpi_desktop.domain.scoring._input import ROLE_NAMES_VI

    return ROLE_NAMES_VI[role]


def score_period(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Score one person's month or quarter (the contract's `kpi score period`)."""
    return compute_period(doc).result


def explain_period(doc: Mapping[str, Any]) -> list[str]:
    """The same computation as `score_period`, step by step, in Vietnamese."""
    return compute_period(doc).steps
