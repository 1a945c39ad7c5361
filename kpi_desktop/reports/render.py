"""One entry point for every report: `render(model, "pdf"|"xlsx")` and `write_report(...)`.

Files are written atomically (a temporary file in the same folder, then renamed), so an interrupted
batch never leaves a half-written PDF that looks complete.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from kpi_desktop.errors import InputError
from kpi_desktop.reports.models import (
    AnnualForm,
    AnyReport,
    CommuneReport,
    LegacyAnnualForm,
    PeriodForm,
    ProvinceReport,
    UnitSummary,
)

FORMATS = ("pdf", "xlsx")


def render_pdf(model: AnyReport) -> bytes:
    if isinstance(model, PeriodForm):
        from kpi_desktop.reports.forms_period import render_period_form

        return render_period_form(model)
    if isinstance(model, AnnualForm):
        from kpi_desktop.reports.forms_annual import render_annual_form

        return render_annual_form(model)
    if isinstance(model, LegacyAnnualForm):
        from kpi_desktop.reports.forms_legacy import render_legacy_form

        return render_legacy_form(model)
    if isinstance(model, UnitSummary):
        from kpi_desktop.reports.unit_summary import render_unit_summary

        return render_unit_summary(model)
    if isinstance(model, CommuneReport):
        from kpi_desktop.reports.province_report import render_commune_report

        return render_commune_report(model)
    if isinstance(model, ProvinceReport):
        from kpi_desktop.reports.province_report import render_province_report

        return render_province_report(model)
    raise TypeError(f"no PDF layout for {type(model).__name__}")


def render(model: AnyReport | Sequence[PeriodForm], fmt: str) -> bytes:
    if fmt == "xlsx":
        from kpi_desktop.reports.xlsx import render_xlsx

        return render_xlsx(model)
    if fmt == "pdf":
        if isinstance(model, list | tuple):
            raise InputError("Danh sách phiếu chỉ xuất được ra Excel.", field="format", hint="Dùng --format xlsx.")
        return render_pdf(model)  # type: ignore[arg-type]
    raise InputError(f"Định dạng «{fmt}» không được hỗ trợ.", field="format", hint="Dùng pdf hoặc xlsx.")


def format_for(path: Path, fmt: str | None) -> str:
    """The explicit format, else the file's extension."""
    chosen = (fmt or path.suffix.lstrip(".") or "pdf").lower()
    if chosen not in FORMATS:
        raise InputError(f"Không biết xuất tệp «{path.name}» theo định dạng nào.", field="out",
                         hint="Đặt đuôi .pdf hoặc .xlsx, hoặc dùng --format pdf|xlsx.")
    return chosen


def write_atomic(path: Path, data: bytes) -> Path:
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except PermissionError as exc:
        raise InputError(f"Không có quyền ghi tệp «{path}».", field="out",
                         hint="Chọn thư mục khác, hoặc đóng tệp nếu nó đang mở trong chương trình khác.") from exc
    except OSError as exc:
        raise InputError(f"Không ghi được tệp «{path}»: {exc.strerror or exc}.", field="out",
                         hint="Kiểm tra đường dẫn và dung lượng ổ đĩa.") from exc
    return path


def write_report(model: AnyReport | Sequence[PeriodForm], path: Path, fmt: str | None = None,
                 *, signer: object | None = None, location: str = "") -> Path:
    """Render `model` and write it to `path`; sign the PDF with `signer` (a pyHanko signer) if given."""
    chosen = format_for(path, fmt)
    data = render(model, chosen)
    if signer is not None and chosen == "pdf":
        from kpi_desktop.reports.signing import sign_pdf

        data = sign_pdf(data, signer, location=location)  # type: ignore[arg-type]
    return write_atomic(path, data)


def _produce(model: AnyReport, path: Path, fmt: str, signer: object | None, location: str) -> Path:
    """One file of a batch (runs in a worker process when the batch is parallel)."""
    return write_report(model, path, fmt, signer=signer, location=location)


def _pool_context() -> Any:
    """fork where it is safe (Linux, no other threads: a CLI batch), else spawn; None (stay serial) in a
    frozen build, whose launcher would have to call multiprocessing.freeze_support first."""
    if getattr(sys, "frozen", False):
        return None
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def write_many(items: Sequence[tuple[AnyReport, Path]], fmt: str, *, signer: object | None = None,
               location: str = "", workers: int = 1,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> tuple[list[Path], bool]:
    """Write every (model, path); with `workers` > 1 the files are rendered in parallel processes.

    `progress(done, total, name)` is called with 0 before the first file, then after each file with the
    number finished and that file's name. Returns the paths written, in the order given, and whether
    `cancelled()` stopped the batch (files already started are finished; none is left half-written)."""
    total = len(items)
    if progress is not None:
        progress(0, total, "")
    context = _pool_context() if workers > 1 and total > 1 else None
    written: list[Path | None] = [None] * total
    stopped = False
    if context is None:
        for i, (model, path) in enumerate(items):
            if cancelled is not None and cancelled():
                stopped = True
                break
            written[i] = _produce(model, path, fmt, signer, location)
            if progress is not None:
                progress(i + 1, total, path.stem)
    else:
        with ProcessPoolExecutor(max_workers=min(workers, total), mp_context=context) as pool:
            futures = {pool.submit(_produce, model, path, fmt, signer, location): i
                       for i, (model, path) in enumerate(items)}
            for done, future in enumerate(as_completed(futures)):
                path = written[futures[future]] = future.result()
                if progress is not None:
                    progress(done + 1, total, path.stem)
                if cancelled is not None and cancelled():
                    stopped = True
                    for f in futures:
                        f.cancel()
                    break
            if stopped:  # wait for the files in flight, so that none is left half-written
                for f in futures:
                    if not f.cancelled():
                        written[futures[f]] = f.result()
    return [p for p in written if p is not None], stopped
