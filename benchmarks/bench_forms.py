"""All the forms of a 100-person unit: Mẫu 01 (one quarter) and Mẫu 02 for everyone, plus the unit
summary, as PDF files on disk; then the same as Excel; then the PDFs signed (PAdES).

Usage: .venv/bin/python benchmarks/bench_forms.py [--people 100] [--rounds 3] [--sign] [--jobs 2]
Prints the best of `rounds` wall-clock and CPU times per step (CPU time is the stable figure on a busy
machine; the parallel step's CPU figure counts only the parent) and the peak memory of the process.
Figures go to docs/performance.md (section "Reports").
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpi_desktop.reports.fonts import register_fonts
from kpi_desktop.reports.render import write_many, write_report
from kpi_desktop.reports.specimen import (
    specimen_annual_form,
    specimen_period_form,
    specimen_unit_summary,
)


def best(rounds: int, step: Callable[[Path], int]) -> tuple[float, float, int]:
    """Best wall-clock and best CPU time (the CPU figure is stable on a busy machine)."""
    times, cpu = [], []
    count = 0
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            start, start_cpu = time.perf_counter(), time.process_time()
            count = step(Path(tmp))
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return min(times), min(cpu), count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sign", action="store_true", help="also sign every PDF with a throw-away key")
    parser.add_argument("--jobs", type=int, default=2, help="also time the batch in this many processes")
    args = parser.parse_args()
    n = args.people
    register_fonts()  # once per process, as the application does at start-up
    period = [specimen_period_form(i, leader=(i % 10 == 0)) for i in range(n)]
    annual = [specimen_annual_form(i) for i in range(n)]
    summary = specimen_unit_summary(n)

    def all_forms(fmt: str, signer: object | None = None) -> Callable[[Path], int]:
        def step(folder: Path) -> int:
            files = 0
            for i, form in enumerate(period):
                write_report(form, folder / f"mau01_{i}.{fmt}", signer=signer)
                files += 1
            for i, form2 in enumerate(annual):
                write_report(form2, folder / f"mau02_{i}.{fmt}", signer=signer)
                files += 1
            write_report(summary, folder / f"tonghop.{fmt}", signer=signer)
            return files + 1
        return step

    def parallel(fmt: str, workers: int) -> Callable[[Path], int]:
        def step(folder: Path) -> int:
            items = [(f, folder / f"mau01_{i}.{fmt}") for i, f in enumerate(period)]
            items += [(f, folder / f"mau02_{i}.{fmt}") for i, f in enumerate(annual)]
            items.append((summary, folder / f"tonghop.{fmt}"))
            written, _ = write_many(items, fmt, workers=workers)  # type: ignore[arg-type]
            return len(written)
        return step

    steps = [("PDF", all_forms("pdf"), args.rounds), ("XLSX", all_forms("xlsx"), args.rounds)]
    if args.jobs > 1:
        steps.append((f"PDF, {args.jobs} processes", parallel("pdf", args.jobs), args.rounds))
    for label, step, rounds in steps:
        t, cpu, files = best(rounds, step)
        print(f"{label}: {files} files for {n} people: wall {t:.2f} s, CPU {cpu:.2f} s "
              f"({1000 * t / files:.1f} ms/file)")
    if args.sign:
        t, cpu, files = best(1, all_forms("pdf", _throwaway_signer()))
        print(f"PDF signed (PAdES): {files} files: wall {t:.2f} s, CPU {cpu:.2f} s ({1000 * t / files:.1f} ms/file)")
    try:
        import _rl_accel  # noqa: F401

        accel = "with"
    except ImportError:
        accel = "without"
    print(f"reportlab {accel} the rl_accel C extension")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _throwaway_signer() -> object:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from kpi_desktop.reports.signing import load_signer

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    folder = Path(tempfile.mkdtemp())
    (folder / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "k.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
    return load_signer(folder / "c.pem", folder / "k.pem")


if __name__ == "__main__":
    main()
