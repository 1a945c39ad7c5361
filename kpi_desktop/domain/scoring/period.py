"""Period score (one month or quarter): ND 335/2025 Art 12–17, ND 233/2026, QĐ 366 (100-point frame).

    a = 100 × Σ k·min(completed, assigned) / Σ k·assigned                       (số lượng)
    b = 100 × Σ k·clamp(completed − 0.25·(quality failures − exempt), 0, assigned) / Σ k·assigned
    c = 100 × Σ k·clamp(completed − 0.25·(delays − exempt), 0, assigned) / Σ k·assigned
    T = (a + b + c)/3, or (a + b + c + d + đ + e)/6 for a deputy or head
    total = general points + T × 70/100, level by the bands on the total rounded to 2 decimals.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    localcontext,
)
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
from kpi_desktop.domain.scoring._numbers import CENT, HUNDRED, fmt2, fmt_plain, fmt_vi, round2
from kpi_desktop.domain.scoring._params import Params, effective_params
from kpi_desktop.errors import InputError

TOP_KEYS: tuple[str, ...] = ("ruleset", "person", "period", "general", "tasks", "leadership", "local", "meta")
LINE_KEYS = ("product", "name", "k", "group", "assigned", "completed", "quality_failures",
             "quality_failures_exempt", "delays", "delays_exempt", "exceeded")
TOP_KEY_SET = frozenset(("ruleset", "person", "period", "general", "tasks", "leadership", "local", "meta"))
LEADERSHIP_KEYS = ("subordinates_all_at_least_ht", "plan_on_time_with_quality", "unity")
ZERO = Fraction(0)
ONE = Fraction(1)
_DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
D0 = Decimal(0)
LINE_KEY_SET = frozenset(LINE_KEYS)
# Sums and products of finite decimals are exact in Decimal arithmetic as long as nothing is rounded;
# this context makes any rounding an error instead of a silent approximation.
EXACT = Context(prec=120, rounding=ROUND_HALF_UP, traps=[Inexact, Rounded, InvalidOperation, Overflow])
_PARSED: dict[str, Decimal] = {}


class Line:
    __slots__ = ("assigned", "completed", "delays_net", "exceeded_flag", "index", "k", "product", "quality_net")

    def __init__(self, index: int, product: str, k: Decimal, assigned: Decimal, completed: Decimal,
                 quality_net: int, delays_net: int, exceeded_flag: bool) -> None:
        self.index = index
        self.product = product
        self.k = k
        self.assigned = assigned
        self.completed = completed
        self.quality_net = quality_net
        self.delays_net = delays_net
        self.exceeded_flag = exceeded_flag

    @property
    def exceeded(self) -> bool:
        return self.completed > self.assigned or (self.exceeded_flag and self.completed >= self.assigned)


def _dec(value: Any, index: int, key: str, *, positive: bool = False) -> Decimal:
    """A non-negative decimal quantity of task line `index` (the engine's hot path: Decimal, no Fraction
    until the divisions; the field path is only built for an error message)."""
    kind = type(value)
    if kind is str:
        result = _PARSED.get(value)
        if result is None:
            text_ = value.strip()
            if not _DECIMAL_TEXT.match(text_):
                raise fail(f"tasks[{index}].{key}", f"phải là một số, nhận được «{value}».")
            result = Decimal(text_)
            if len(_PARSED) < 50_000:
                _PARSED[value] = result
    elif kind is int:
        result = Decimal(value)
    elif kind is Decimal:
        if not value.is_finite():
            raise fail(f"tasks[{index}].{key}", "phải là một số hữu hạn.")
        result = value
    elif kind is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise fail(f"tasks[{index}].{key}", "phải là một số hữu hạn.")
        result = Decimal(repr(value))
    else:
        raise fail(f"tasks[{index}].{key}", "phải là một số." if value is None or kind is bool
                   else f"phải là một số, nhận được «{value}».")
    if positive and result <= 0:
        raise fail(f"tasks[{index}].{key}", f"phải lớn hơn 0, nhận được {value}.")
    if result < 0:
        raise fail(f"tasks[{index}].{key}", f"không được nhỏ hơn 0, nhận được {value}.")
    return result


def _count(m: Mapping[str, Any], key: str, index: int) -> int:
    value = m.get(key)
    if value is None:
        return 0
    if type(value) is int and value >= 0:
        return value
    return int(number(value, f"tasks[{index}].{key}", minimum=0, integer=True))


def _line(raw: Any, index: int, params: Params) -> Line:
    m = raw if type(raw) is dict else as_mapping(raw, f"tasks[{index}]")
    if not LINE_KEY_SET.issuperset(m):
        check_keys(m, f"tasks[{index}]", LINE_KEYS)
    product = m.get("product")
    if type(product) is not str or not product.strip():
        product = get_text(m, "product", f"tasks[{index}]")
    k: Decimal
    if m.get("group") is not None:
        path = f"tasks[{index}]"
        group = get_text(m, "group", path)
        if group not in params.coefficient_groups:
            known = ", ".join(params.coefficient_groups) or "(quy chế chưa khai báo nhóm nào)"
            raise fail(join(path, "group"), f"«{group}» không có trong local.coefficient_groups.",
                       hint=f"Các nhóm hệ số đã khai báo: {known}.")
        k = _to_decimal(params.coefficient_groups[group])
        if m.get("k") is not None and _dec(m["k"], index, "k", positive=True) != k:
            raise fail(join(path, "k"), f"không khớp với hệ số của nhóm «{group}» ({fmt_plain(Fraction(k))}).")
    else:
        raw_k = m.get("k")
        if raw_k is None:
            raise fail(f"tasks[{index}].k", "bị thiếu; trường này là bắt buộc.")
        k = _dec(raw_k, index, "k", positive=True)
    raw_a = m.get("assigned")
    raw_c = m.get("completed")
    if raw_a is None or raw_c is None:
        key = "assigned" if raw_a is None else "completed"
        raise fail(f"tasks[{index}].{key}", "bị thiếu; trường này là bắt buộc.")
    assigned = _dec(raw_a, index, "assigned")
    completed = _dec(raw_c, index, "completed")
    qf = _count(m, "quality_failures", index)
    qfe = _count(m, "quality_failures_exempt", index)
    dl = _count(m, "delays", index)
    dle = _count(m, "delays_exempt", index)
    if qfe > qf:
        raise fail(f"tasks[{index}].quality_failures_exempt",
                   f"({qfe}) không được lớn hơn số lần không đạt chất lượng ({qf}).")
    if dle > dl:
        raise fail(f"tasks[{index}].delays_exempt", f"({dle}) không được lớn hơn số lần chậm tiến độ ({dl}).")
    exceeded = get_bool(m, "exceeded", f"tasks[{index}]", default=False) if "exceeded" in m else False
    return Line(index, product.strip(), k, assigned, completed, qf - qfe, dl - dle, exceeded)


def _to_decimal(value: Fraction) -> Decimal:
    """A rule-set parameter (a decimal written in a file) back to Decimal, exactly."""
    result = Decimal(value.numerator) / Decimal(value.denominator)
    if Fraction(result) != value:
        raise InputError(f"Tham số {value} không biểu diễn được chính xác dưới dạng số thập phân.")
    return result


@dataclass
class PeriodComputation:
    result: dict[str, Any]
    steps: list[str]


def compute_period(doc_: Any, explain: bool = True) -> PeriodComputation:
    """Score a period; with `explain`, also write each step in Vietnamese (slower)."""
    doc = document(doc_)
    if not TOP_KEY_SET.issuperset(doc):
        check_keys(doc, "", TOP_KEYS)
    rs = ruleset_for(doc, "period")
    params = effective_params(rs, doc.get("local"))
    person: Person = person_of(doc, rs)
    period = parse_period(require(doc, "period", ""), "period")
    if period.kind not in params.tracking:
        kinds = " hoặc ".join("tháng" if t == "month" else "quý" for t in params.tracking)
        raise fail("period", f"là kỳ theo {'tháng' if period.kind == 'month' else 'quý'}, nhưng quy chế "
                             f"theo dõi, đánh giá theo {kinds}.")
    steps: list[str] = []
    if explain:
        steps.append(f"Bộ quy tắc {rs.id}: {rs.title} (sha256 {rs.sha256[:12]}…).")
        steps.append(f"Kỳ đánh giá: {period.label_vi()}; người được đánh giá: {person.code} "
                     f"({_role_vi(person.role)}).")
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
        if explain:
            parts_text.append(f"{part} = {fmt_plain(value)}/{fmt_plain(maximum)}")
    if general_points > params.general_max:
        raise fail("general", f"có tổng {fmt_plain(general_points)} điểm, vượt mức tối đa "
                              f"{fmt_plain(params.general_max)}.")
    if explain:
        steps.append(f"Điểm tiêu chí chung: {'; '.join(parts_text)}; cộng {fmt_plain(general_points)} "
                     f"(tối đa {fmt_plain(params.general_max)}).")

    # Task lines.
    raw_lines = get_list(doc, "tasks", "")
    if not raw_lines:
        raise InputError("Không có công việc nào được giao trong kỳ (tasks rỗng): không đủ dữ liệu để "
                         "chấm điểm kết quả thực hiện nhiệm vụ.", field="tasks",
                         hint="Nhập các sản phẩm được giao; phần mềm không tự cho 100%.")
    lines = [_line(raw, i, params) for i, raw in enumerate(raw_lines)]
    cap = params.cap_line_at_assigned
    qd = _to_decimal(params.quality_deduction)
    dd_ = _to_decimal(params.delay_deduction)
    try:
        with localcontext(EXACT):
            w = sa = sb = sc = on_time_w = done_w = late_w = exceeded_w = completed_std = extra_std = D0
            for ln in lines:
                weight = ln.k * ln.assigned
                qa = ln.completed
                qb = ln.completed - qd * ln.quality_net
                qc = ln.completed - dd_ * ln.delays_net
                if qb < D0:
                    qb = D0
                if qc < D0:
                    qc = D0
                if cap:
                    if qa > ln.assigned:
                        qa = ln.assigned
                    if qb > ln.assigned:
                        qb = ln.assigned
                    if qc > ln.assigned:
                        qc = ln.assigned
                w += weight
                sa += ln.k * qa
                sb += ln.k * qb
                sc += ln.k * qc
                done = ln.completed >= ln.assigned
                if done:
                    done_w += weight
                    if ln.delays_net == 0 and ln.quality_net == 0:
                        on_time_w += weight
                if ln.delays_net > 0:
                    late_w += weight
                if ln.completed > ln.assigned:
                    exceeded_w += weight
                    completed_std += weight
                    extra_std += ln.k * (ln.completed - ln.assigned)
                else:
                    if ln.exceeded_flag and done:
                        exceeded_w += weight
                    completed_std += ln.k * ln.completed
                if explain:
                    steps.append(
                        f"Dòng {ln.index + 1} ({ln.product}): k = {_dv(ln.k)}, giao {_dv(ln.assigned)}, "
                        f"hoàn thành {_dv(ln.completed)} → số lượng {_dv(qa)}; chất lượng {_dv(ln.completed)} − "
                        f"{_dv(qd)} × {ln.quality_net} = {_dv(qb)}; tiến độ {_dv(ln.completed)} − {_dv(dd_)} × "
                        f"{ln.delays_net} = {_dv(qc)}.")
    except (Inexact, Rounded, Overflow, InvalidOperation):
        raise InputError("Số lượng hoặc hệ số có quá nhiều chữ số để tính chính xác.", field="tasks") from None
    if w == 0:
        raise InputError("Tổng số lượng được giao (quy đổi) bằng 0: không đủ dữ liệu để chấm điểm kết quả "
                         "thực hiện nhiệm vụ.", field="tasks",
                         hint="Ít nhất một dòng công việc phải có số lượng được giao lớn hơn 0.")
    total_weight = Fraction(w)
    a = HUNDRED * Fraction(sa) / total_weight
    b = HUNDRED * Fraction(sb) / total_weight
    c = HUNDRED * Fraction(sc) / total_weight
    if not cap:
        a, b, c = min(a, HUNDRED), min(b, HUNDRED), min(c, HUNDRED)
    if explain:
        if cap:
            steps.append("Mỗi tiêu chí của một dòng được tính trong khoảng từ 0 đến số lượng được giao; phần "
                         "vượt được báo cáo riêng, không cộng vào a, b, c.")
        steps.append(f"Tổng số lượng được giao đã quy đổi: Σ k × giao = {_dv(w)}.")
        steps.append(f"a (số lượng) = 100 × {_dv(sa)} / {_dv(w)} = {fmt_vi(a)}%.")
        steps.append(f"b (chất lượng) = 100 × {_dv(sb)} / {_dv(w)} = {fmt_vi(b)}%.")
        steps.append(f"c (tiến độ) = 100 × {_dv(sc)} / {_dv(w)} = {fmt_vi(c)}%.")

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
        t = (a + b + c + d + dd + e) / 6
        if explain:
            steps.append(f"d (kết quả lĩnh vực, đơn vị phụ trách) = {fmt_plain(d)}%: "
                         + ("mọi người thuộc quyền đạt từ mức hoàn thành nhiệm vụ." if d == full
                            else "có người thuộc quyền không hoàn thành nhiệm vụ."))
            steps.append(f"đ (năng lực tổ chức thực hiện) = {fmt_plain(dd)}%: "
                         + ("kế hoạch đúng hạn, bảo đảm chất lượng, có giải pháp hiệu quả." if dd == full
                            else "kế hoạch chưa đúng hạn hoặc chưa bảo đảm chất lượng."))
            steps.append(f"e (năng lực tập hợp, đoàn kết) = {fmt_plain(e)}%: "
                         + ("tập hợp, đoàn kết tốt." if e == full else "chưa tập hợp, đoàn kết tốt."))
            steps.append(f"T = (a + b + c + d + đ + e) / 6 = {fmt_vi(t)}.")
    else:
        if raw_lead is not None:
            raise fail("leadership", "chỉ dùng cho cấp phó hoặc người đứng đầu; với người không giữ chức vụ "
                                     "lãnh đạo, để null.")
        t = (a + b + c) / 3
        if explain:
            steps.append(f"T = (a + b + c) / 3 = {fmt_vi(t)}.")
    task_points = t * params.task_max / HUNDRED
    total = general_points + task_points
    total_r = round2(total)
    band = params.band(Fraction(total_r))
    if explain:
        steps.append(f"Điểm kết quả thực hiện nhiệm vụ = T × {fmt_plain(params.task_max)} / 100 = "
                     f"{fmt_vi(task_points)}.")
        steps.append(f"Tổng điểm = {fmt_plain(general_points)} + {fmt_plain(task_points)} = {fmt_plain(total)}, "
                     f"làm tròn nửa lên 2 chữ số thập phân: {fmt_vi(total_r)}.")
        steps.append(f"Mức theo điểm: {band} — {LEVEL_NAMES_VI[band]}{_band_rule(params, band)}.")

    # Shares used by the QĐ 366 conditions, reported for every rule set.
    shares = {"on_time": Fraction(on_time_w) / total_weight, "done": Fraction(done_w) / total_weight,
              "late": Fraction(late_w) / total_weight, "exceeded": Fraction(exceeded_w) / total_weight}
    level, reasons = apply_conditions(params, band, shares)
    if explain:
        steps.extend(reasons)
        if level != band:
            steps.append(f"Mức của kỳ sau khi xét điều kiện: {level} — {LEVEL_NAMES_VI[level]}.")

    if person.position and params.position_multipliers and person.position not in params.position_multipliers:
        raise fail("person.position", f"«{person.position}» không có trong local.position_multipliers.")
    multiplier = params.position_multipliers.get(person.position or "", ONE)
    workload = (Fraction(completed_std) + Fraction(extra_std)) * multiplier
    if explain and params.position_multipliers:
        steps.append(f"Khối lượng công việc quy đổi = (Σ k × hoàn thành trong định mức + phần vượt) × hệ số vị "
                     f"trí {fmt_plain(multiplier)} = {fmt_vi(workload)}; hệ số vị trí không làm thay đổi a, b, c "
                     "vì đó là các tỷ lệ.")

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
            "assigned_standard": _d2(w),
            "completed_standard": _d2(completed_std),
            "exceeded_standard": _d2(extra_std),
            "exceeded_products": [ln.product for ln in lines if ln.exceeded],
            "on_time_share": fmt2(shares["on_time"] * 100),
            "exceeded_share": fmt2(shares["exceeded"] * 100),
            "late_share": fmt2(shares["late"] * 100),
            "position_multiplier": fmt2(multiplier),
            "workload": fmt2(workload),
        },
    })
    return PeriodComputation(result, steps)


def _dv(value: Decimal) -> str:
    """A decimal for an explanation: trailing zeros removed, comma as the decimal mark."""
    text_ = format(value.normalize(), "f") if value != value.to_integral_value() else str(int(value))
    return text_.replace(".", ",")


def _d2(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


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
    return compute_period(doc, explain=False).result


def explain_period(doc: Mapping[str, Any]) -> list[str]:
    """The same computation as `score_period`, step by step, in Vietnamese."""
    return compute_period(doc).steps
