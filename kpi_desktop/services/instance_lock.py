"""One running instance per database: an OS-level lock on a file next to it.

The lock is held with `fcntl.flock` (POSIX) or `msvcrt.locking` (Windows) on `<db>.lock`. The operating
system releases it when the process ends in any way, a crash or `kill -9` included, so a lock left
behind by a dead process is simply taken over; the file's content (who holds it) is only for the
message the second instance shows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from kpi_desktop.errors import StateError
from kpi_desktop.paths import resolve_db, sqlite_path

# Windows: lock one byte far past the end, so the holder's details stay readable for the second instance.
_WIN_LOCK_OFFSET = 1 << 30


class AlreadyRunning(StateError):
    """Another instance holds the database."""

    exit_code = 5


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WIN_LOCK_OFFSET)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        fh.seek(_WIN_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _holder_text(path: Path) -> str:
    try:
        info = json.loads(path.read_bytes().split(b"\n", 1)[0] or b"{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(info, dict):
        return ""
    parts = []
    if info.get("host"):
        parts.append(f"máy «{info['host']}»")
    if info.get("pid"):
        parts.append(f"tiến trình {info['pid']}")
    if info.get("since"):
        try:
            since = dt.datetime.fromisoformat(str(info["since"])).astimezone()
            parts.append(f"từ {since:%H:%M ngày %d/%m/%Y}")
        except ValueError:
            pass
    if info.get("program"):
        parts.append(f"chương trình «{info['program']}»")
    return ", ".join(parts)


class InstanceLock:
    """Hold `<db>.lock` for the life of this object (use as a context manager, or acquire/release)."""

    def __init__(self, db_path: Path, *, program: str = "KPI Desktop") -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self.program = program
        self._fh: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> InstanceLock:
        if self._fh is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115  (kept open while the lock is held)
        if not _try_lock(fh):
            fh.close()
            who = _holder_text(self.path)
            raise AlreadyRunning(
                f"Cơ sở dữ liệu «{self.db_path.name}» đang được mở ở một cửa sổ KPI Desktop khác"
                + (f" ({who})" if who else "") + ".",
                hint="Hãy chuyển sang cửa sổ đó, hoặc đóng nó rồi mở lại. Nếu chương trình kia đã bị tắt "
                     "đột ngột, khoá sẽ tự được giải phóng.")
        info = {"pid": os.getpid(), "host": socket.gethostname(), "program": self.program,
                "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(info, ensure_ascii=False).encode("utf-8") + b"\n")
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        with contextlib.suppress(OSError):
            fh.seek(0)
            fh.truncate()
        _unlock(fh)
        fh.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.release()


def acquire_instance_lock(db: str | Path | None, **kwargs: Any) -> InstanceLock | None:
    """Lock the database named by `--db`/`KPI_DB`/the default. None for non-file databases (a server
    database has its own concurrency control)."""
    path = sqlite_path(resolve_db(str(db) if db is not None else None))
    if path is None:
        return None
    return InstanceLock(path, **kwargs).acquire()
