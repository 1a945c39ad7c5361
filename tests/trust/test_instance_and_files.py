"""One instance per database; atomic files; no network."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kpi_desktop.services.instance_lock import AlreadyRunning, InstanceLock, acquire_instance_lock
from kpi_desktop.store.files import atomic_write, atomic_write_text

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kpi_desktop.services.instance_lock import InstanceLock
    lock = InstanceLock(Path(sys.argv[1])).acquire()
    print("held", flush=True)
    time.sleep(600)
""")


def _start_holder(db_path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_instance_gets_a_clear_message(tmp_path: Path) -> None:
    db_path = tmp_path / "kpi.db"
    holder = _start_holder(db_path)
    try:
        with pytest.raises(AlreadyRunning) as exc:
            InstanceLock(db_path).acquire()
        text = exc.value.user_text()
        assert "đang được mở ở một cửa sổ KPI Desktop khác" in text
        assert f"tiến trình {holder.pid}" in text
        assert exc.value.hint and "đóng nó" in exc.value.hint
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_after_a_crash_is_taken_over(tmp_path: Path) -> None:
    db_path = tmp_path / "kpi.db"
    holder = _start_holder(db_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (tmp_path / "kpi.db.lock").exists()  # the file stays behind …
    with InstanceLock(db_path) as lock:  # … but the lock went with the process
        assert lock.held


def test_lock_within_one_process_and_release(tmp_path: Path) -> None:
    db_path = tmp_path / "kpi.db"
    first = acquire_instance_lock(str(db_path))
    assert first is not None
    with pytest.raises(AlreadyRunning):
        InstanceLock(db_path).acquire()
    first.release()
    InstanceLock(db_path).acquire().release()
    assert acquire_instance_lock("postgresql+psycopg://u@h/db") is None


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "bao-cao.json"
    atomic_write_text(target, "cũ")
    os.chmod(target, 0o640)
    atomic_write(target, "mới — đầy đủ".encode())
    assert target.read_text(encoding="utf-8") == "mới — đầy đủ"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["bao-cao.json"]  # no temporary left


def test_atomic_write_failure_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    atomic_write_text(target, "cũ")

    def broken_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "mới")
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_atomic_write_survives_kill(tmp_path: Path) -> None:
    """A writer killed mid-way leaves the previous complete content, never a mix."""
    target = tmp_path / "big.bin"
    atomic_write(target, b"A" * 1_000_000)
    script = textwrap.dedent(f"""
        from kpi_desktop.store.files import atomic_write
        print("go", flush=True)
        while True:
            atomic_write({str(target)!r}, b"B" * 1_000_000)
            atomic_write({str(target)!r}, b"A" * 1_000_000)
    """)
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "go"
        time.sleep(0.05)
        proc.kill()
        proc.wait()
        data = target.read_bytes()
        assert data in (b"A" * 1_000_000, b"B" * 1_000_000)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_network_is_blocked_in_tests() -> None:
    """pytest-socket (pyproject addopts) refuses any connection but to the local machine."""
    from pytest_socket import SocketConnectBlockedError

    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("2001:db8::1", 443), timeout=1)


def test_open_for_session_locks_backs_up_and_forwards(tmp_path: Path, data_dir: Path) -> None:
    import datetime as dt

    from kpi_desktop.services import backup
    from kpi_desktop.services.session_start import open_for_session

    db_path = tmp_path / "kpi.db"
    first = open_for_session(str(db_path))
    try:
        with pytest.raises(AlreadyRunning):
            open_for_session(str(db_path))
        assert first.warnings == [] and first.forwarded == []
        assert first.daily_backup is not None and first.daily_backup.exists()
    finally:
        first.close()
    again = open_for_session(str(db_path), today=dt.date(2026, 4, 10))
    try:
        assert again.daily_backup is None  # once a day
        assert [b.reason for b in backup.list_backups(db_path)] == ["hang-ngay"]
    finally:
        again.close()
    assert not (tmp_path / "kpi.db.lock").read_bytes()  # released: nobody named as holder
