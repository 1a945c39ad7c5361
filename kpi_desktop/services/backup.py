"""Backups with SQLite's backup API, rotation, and a restore that checks before it replaces anything.

Automatic backups go to `<data dir>/backups/<db name>-<hash of its path>/` and are pruned to the newest
`backup.keep_automatic` (a setting); backups the user asks for are never pruned:

- `backup_before(db, "truoc-nhap")` before an import (and the store backs up before a migration);
- `daily_backup(db)` once a day when the application opens a database;
- `backup_now(db, actor, out=...)` for `kpi backup` and the GUI's "Sao lưu" button.

`restore(db_path, backup_file)` copies the backup next to the database, checks the copy (SQLite
integrity_check, a KPI Desktop schema at a revision this version knows, the audit chain), keeps the
current file as `<name>.truoc-khoi-phuc-<time>.db`, and only then renames the copy over the database,
holding the instance lock so no other KPI Desktop has it open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from kpi_desktop.domain.audit_chain import Problem, verify_chain
from kpi_desktop.domain.roles import Actor
from kpi_desktop.errors import InputError, KpiError, StateError
from kpi_desktop.paths import backups_dir
from kpi_desktop.services.authz import Action, require
from kpi_desktop.services.instance_lock import InstanceLock
from kpi_desktop.store.db import Database
from kpi_desktop.store.files import atomic_write, fsync_dir

AUTO_MARK = "-tu-dong-"
DAILY_REASON = "hang-ngay"
_REASON_RE = re.compile(r"[^a-z0-9-]+")


def _now() -> dt.datetime:
    return dt.datetime.now()


clock: Callable[[], dt.datetime] = _now
"""Local time for file names and the once-a-day rule; tests replace it."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    created: dt.datetime
    automatic: bool
    reason: str


@dataclass(frozen=True)
class BackupCheck:
    revision: str
    integrity: str
    audit_entries: int
    audit_problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_previous: Path | None
    check: BackupCheck


def _require_file_db(db: Database) -> Path:
    path = db.path
    if path is None:
        raise KpiError("Chỉ sao lưu được cơ sở dữ liệu SQLite bằng chức năng này.",
                       hint="Cơ sở dữ liệu máy chủ (PostgreSQL) được sao lưu bằng công cụ của máy chủ (pg_dump).")
    return path


def backup_folder(db_path: Path) -> Path:
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:8]
    folder = backups_dir() / f"{Path(db_path).stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def copy_sqlite(src: Path, dest: Path) -> Path:
    """A consistent copy of a live SQLite file (WAL content included), written atomically and durably."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(tmp)) as target:
            source.backup(target)
            # A backup is one self-contained file: no -wal beside it that a copy to a USB stick could miss.
            target.execute("PRAGMA journal_mode=DELETE").fetchall()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise KpiError(f"Không sao lưu được «{src.name}»: {exc}.",
                       hint="Kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục sao lưu.") from exc
    fsync_dir(dest.parent)
    return dest


def _slug(reason: str) -> str:
    slug = _REASON_RE.sub("-", reason.lower()).strip("-")
    return slug[:40] or "khac"


def _auto_name(db_path: Path, reason: str, when: dt.datetime) -> str:
    return f"{db_path.stem}{AUTO_MARK}{_slug(reason)}-{when:%Y%m%d-%H%M%S-%f}.db"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups in the database's backup folder, newest first."""
    folder = backup_folder(db_path)
    out = []
    for path in folder.glob("*.db"):
        stat = path.stat()
        automatic = AUTO_MARK in path.name
        reason = ""
        if automatic:
            rest = path.stem.split(AUTO_MARK, 1)[1]
            reason = rest.rsplit("-", 3)[0]
        out.append(BackupInfo(path=path, size=stat.st_size, created=dt.datetime.fromtimestamp(stat.st_mtime),
                              automatic=automatic, reason=reason))
    out.sort(key=lambda b: (b.created, b.path.name), reverse=True)
    return out


def rotate(db_path: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest `keep`; manual backups stay."""
    automatic = [b for b in list_backups(db_path) if b.automatic]
    automatic.sort(key=lambda b: b.path.name.rsplit("-", 3)[-3:], reverse=True)  # by the stamp in the name
    removed = []
    for info in automatic[max(keep, 1):]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def _keep_setting(db: Database) -> int:
    from kpi_desktop.services.app_settings import read_setting

    try:
        return int(read_setting(db, "backup.keep_automatic"))
    except Exception:  # a damaged settings row must not stop the backup itself
        return 14


def backup_before(db: Database, reason: str) -> Path | None:
    """An automatic backup before a risky operation (an import, a restore, a bulk change).
    None for a server database or a file that does not exist yet."""
    path = db.path
    if path is None or not path.exists():
        return None
    dest = copy_sqlite(path, backup_folder(path) / _auto_name(path, reason, clock()))
    rotate(path, _keep_setting(db))
    return dest


def daily_backup(db: Database) -> Path | None:
    """Back up once per calendar day (call when the application opens a database)."""
    path = db.path
    if path is None or not path.exists():
        return None
    today = clock().strftime("%Y%m%d")
    for info in list_backups(path):
        if info.automatic and info.reason == DAILY_REASON and f"-{today}-" in info.path.name:
            return None
    return backup_before(db, DAILY_REASON)


def backup_now(db: Database, actor: Actor, *, out: Path | None = None) -> BackupInfo:
    """A backup the user asks for (never pruned). `out` is a file or a folder; default: the backup folder."""
    require(actor, Action.BACKUP_RUN)
    path = _require_file_db(db)
    when = clock()
    name = f"{path.stem}-sao-luu-{when:%Y%m%d-%H%M%S}.db"
    if out is None:
        dest = backup_folder(path) / name
    else:
        out = Path(out)
        dest = out / name if out.is_dir() else out
    if dest.resolve() == path.resolve():
        raise InputError("Tệp sao lưu không được trùng với cơ sở dữ liệu đang dùng.", field="out")
    copy_sqlite(path, dest)
    return BackupInfo(path=dest, size=dest.stat().st_size, created=when, automatic=False, reason="")


# --- restore -------------------------------------------------------------------------------------------

def _known_revisions() -> dict[str, int]:
    """Revision id → its distance from the base (0 = first)."""
    from alembic.script import ScriptDirectory

    from kpi_desktop.store.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())  # head first
    return {rev.revision: len(revisions) - i - 1 for i, rev in enumerate(revisions)}


def check_backup_file(path: Path) -> BackupCheck:
    """Is `path` an intact KPI Desktop database this version can open? Raises InputError saying why not.

    Opens the file; pass a copy when the original must stay byte-identical.
    """
    path = Path(path)
    bad_hint = "Hãy chọn một bản sao lưu khác (các bản tự động nằm trong thư mục sao lưu của ứng dụng)."
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise InputError(f"Không đọc được tệp «{path.name}».", hint=str(exc)) from exc
    if header != b"SQLite format 3\x00":
        raise InputError(f"Tệp «{path.name}» không phải bản sao lưu cơ sở dữ liệu (không phải SQLite).",
                         hint=bad_hint)
    try:
        with closing(sqlite3.connect(path)) as conn:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if integrity != ["ok"]:
                raise InputError(f"Bản sao lưu «{path.name}» bị hỏng: {'; '.join(integrity[:3])}.", hint=bad_hint)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                raise InputError(f"Tệp «{path.name}» không phải cơ sở dữ liệu của KPI Desktop.", hint=bad_hint)
            revisions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            entries, head = _read_audit(conn, tables)
    except sqlite3.DatabaseError as exc:
        raise InputError(f"Tệp «{path.name}» không đọc được như một cơ sở dữ liệu: {exc}.", hint=bad_hint) from exc
    known = _known_revisions()
    if len(revisions) != 1:
        raise InputError(f"Tệp «{path.name}» không có thông tin phiên bản hợp lệ.", hint=bad_hint)
    revision = revisions[0]
    if revision not in known:
        raise InputError(
            f"Bản sao lưu «{path.name}» có phiên bản cấu trúc «{revision}» mà phiên bản KPI Desktop này "
            "không biết (có thể từ một phiên bản mới hơn).",
            hint="Hãy cập nhật KPI Desktop rồi khôi phục lại.")
    problems = verify_chain(entries, head=head) if entries or head else []
    return BackupCheck(revision=revision, integrity="ok", audit_entries=len(entries), audit_problems=problems)


def _read_audit(conn: sqlite3.Connection, tables: set[str]) -> tuple[list[dict[str, object]], tuple[int, str] | None]:
    if "audit_log" not in tables:
        return [], None
    conn.row_factory = sqlite3.Row
    entries: list[dict[str, object]] = []
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        entry = dict(row)
        for key in ("before", "after"):
            if entry.get(key) is not None:
                try:
                    entry[key] = json.loads(str(entry[key]))
                except ValueError:
                    entry[key] = {"$unreadable": entry[key]}
        entries.append(entry)
    head = None
    if "audit_head" in tables:
        found = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        head = (int(found[0]), str(found[1])) if found else None
    conn.row_factory = None
    return entries, head


def _checkpoint(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _keep_current(db_path: Path, kept: Path) -> None:
    """Keep the file about to be replaced: a clean copy if SQLite can read it, else its raw bytes (and its
    WAL), so that nothing is lost even when the current file is the damaged one."""
    try:
        _checkpoint(db_path)
        copy_sqlite(db_path, kept)
        return
    except (sqlite3.Error, KpiError):
        pass
    for suffix in ("", "-wal"):
        src = db_path.with_name(db_path.name + suffix)
        if src.exists():
            atomic_write(kept.with_name(kept.name + suffix), src.read_bytes())


def restore(db_path: Path, backup_file: Path, *, actor: Actor | None = None, lock: InstanceLock | None = None,
            allow_broken_audit: bool = False) -> RestoreResult:
    """Replace the database at `db_path` with `backup_file`, after checking it.

    `actor` (when the current database has accounts) needs the restore right. `lock`: an instance lock
    the caller already holds (the GUI); otherwise one is taken here, so a restore never happens under a
    running KPI Desktop. The replaced file is kept next to the database.

    The caller must have closed its own `Database` on this file first (`db.close()`): pooled
    connections would keep writing to the replaced file. Open it again afterwards.
    """
    if actor is not None:
        require(actor, Action.RESTORE_RUN)
    db_path = Path(db_path)
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise InputError(f"Không tìm thấy tệp sao lưu «{backup_file}».", field="backup")
    if db_path.exists() and backup_file.resolve() == db_path.resolve():
        raise InputError("Tệp sao lưu chính là cơ sở dữ liệu đang dùng.", field="backup")
    own_lock = lock is None
    held = lock if lock is not None else InstanceLock(db_path, program="kpi restore")
    if own_lock:
        held.acquire()
    elif not held.held:
        raise StateError("Chưa giữ khoá của cơ sở dữ liệu; không thể khôi phục an toàn.")
    stamp = clock().strftime("%Y%m%d-%H%M%S")
    staging = db_path.with_name(f".{db_path.name}.khoi-phuc-{stamp}.part")
    try:
        try:
            copy_sqlite(backup_file, staging)
        except KpiError as exc:
            raise InputError(f"Không đọc được bản sao lưu «{backup_file.name}».",
                             hint="Tệp có thể bị hỏng hoặc không phải cơ sở dữ liệu SQLite.") from exc
        check = check_backup_file(staging)
        if check.audit_problems and not allow_broken_audit:
            raise InputError(
                f"Nhật ký thay đổi trong bản sao lưu «{backup_file.name}» đã bị can thiệp "
                f"({len(check.audit_problems)} chỗ, ví dụ: {check.audit_problems[0].message}).",
                hint="Hãy chọn bản sao lưu khác; chỉ dùng bản này khi đã hiểu rõ lý do.")
        kept: Path | None = None
        if db_path.exists():
            kept = db_path.with_name(f"{db_path.stem}.truoc-khoi-phuc-{stamp}{db_path.suffix or '.db'}")
            _keep_current(db_path, kept)
        # The staging copy is in rollback-journal mode; WAL comes back when the application opens it.
        os.replace(staging, db_path)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                db_path.with_name(db_path.name + suffix).unlink()
        fsync_dir(db_path.parent)
        return RestoreResult(restored_from=backup_file, kept_previous=kept, check=check)
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
        if own_lock:
            held.release()
