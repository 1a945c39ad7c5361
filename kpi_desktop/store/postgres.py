"""PostgreSQL as the central store of a province: URLs, the engine, clear errors, advisory locks.

A commune keeps its SQLite file; a province (or a national roll-up) points `--db`/`KPI_DB` at a
PostgreSQL server it already runs, through psycopg 3:

    postgresql+psycopg://USER:PASSWORD@HOST:5432/DBNAME
    postgresql+psycopg://USER@/DBNAME?host=/var/run/postgresql      (unix socket)

`postgresql://` and `postgres://` (the libpq spellings) mean the same; SQLAlchemy would otherwise
pick psycopg2, which the application does not ship.

Concurrency: several HR staff may import at once. Whatever must happen once per key (a unit's
bundles for one period, a migration) takes `advisory_xact_lock()` inside its transaction; the lock is
released at commit or rollback, so a crashed client never leaves it behind. On SQLite the call is a
no-op: there a write transaction (`BEGIN IMMEDIATE`) already excludes every other writer.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

from kpi_desktop.errors import KpiError
from kpi_desktop.i18n import tr

DEFAULT_DRIVER = "postgresql+psycopg"
APPLICATION_NAME = "kpi-desktop"
CONNECT_TIMEOUT_S = 10
MIGRATION_LOCK = ("kpi-desktop", "alembic-upgrade")

# Collations that compare text by code point, as SQLite does.
BYTEWISE_COLLATIONS = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8", "ucs_basic",
                                 "builtin:C", "builtin:C.UTF-8"})

_INSTALL_HINT = "Cài trình điều khiển: pip install 'kpi-desktop[postgres]' (psycopg 3)."


def is_postgres_url(url: str) -> bool:
    scheme = url.split("://", 1)[0].lower()
    return scheme in ("postgres", "postgresql") or scheme.startswith("postgresql+")


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a PostgreSQL address: libpq spellings get the psycopg 3 driver."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in ("postgres", "postgresql"):
        return f"{DEFAULT_DRIVER}://{rest}"
    return url


def safe_url(url: str | URL) -> str:
    """The URL with its password masked, for messages and logs."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<URL không hợp lệ>"
    return parsed.render_as_string(hide_password=True)


def make_postgres_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise KpiError(
            tr("Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ."),
            field="--db",
            hint=tr("Dạng đúng: postgresql+psycopg://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY_CHỦ:5432/TÊN_CSDL"),
        ) from exc
    if not parsed.database:
        raise KpiError(
            tr("Địa chỉ PostgreSQL thiếu tên cơ sở dữ liệu."),
            field="--db",
            hint=tr("Thêm tên sau dấu /, ví dụ postgresql+psycopg://kpi@may-chu/kpi_tinh"),
        )
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}) or {})
    if parsed.get_driver_name() == "psycopg":
        connect_args.setdefault("application_name", APPLICATION_NAME)
        connect_args.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        # Vietnamese text must travel as UTF-8 whatever the server's or the client's default is.
        connect_args.setdefault("client_encoding", "UTF8")
    try:
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise KpiError(
            tr("Máy này chưa có trình điều khiển PostgreSQL cho địa chỉ «{url}».").format(url=safe_url(parsed)),
            field="--db",
            hint=tr(_INSTALL_HINT),
        ) from exc

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Timestamps are naive UTC throughout (store.types.utcnow); keep the server's now() alike.
        cur = dbapi_conn.cursor()
        cur.execute("SET TIME ZONE 'UTC'")
        cur.close()
        dbapi_conn.commit()

    return engine


def check_server(engine: Engine) -> None:
    """Connect once, so that an unreachable server or a wrong password is a clear message, not a
    traceback; refuse a database whose encoding cannot hold Vietnamese, or whose collation would sort
    text differently from SQLite."""
    try:
        with engine.connect() as conn:
            encoding, collation = conn.execute(text(
                f"SELECT pg_encoding_to_char(encoding), {_collation_sql(conn.dialect.server_version_info)} "
                "FROM pg_database WHERE datname = current_database()")).one()
    except DBAPIError as exc:
        raise connection_error(engine.url, exc) from exc
    if encoding and str(encoding).upper() not in ("UTF8", "UTF-8"):
        raise KpiError(
            tr("Cơ sở dữ liệu PostgreSQL «{db}» dùng bảng mã {enc}, không lưu được tiếng Việt.").format(
                db=engine.url.database, enc=encoding),
            field="--db",
            hint=tr("Tạo cơ sở dữ liệu mới với ENCODING 'UTF8' (createdb -E UTF8 -T template0 …)."),
        )
    if str(collation) not in BYTEWISE_COLLATIONS:
        # SQLite compares text byte by byte; a locale collation would order codes and names
        # differently at the province than in the commune's file (Vietnamese name order comes from
        # the persons.sort_key column, which needs no locale).
        raise KpiError(
            tr("Cơ sở dữ liệu PostgreSQL «{db}» dùng quy tắc so sánh chữ «{coll}»; KPI Desktop cần "
               "quy tắc C để báo cáo ở tỉnh sắp xếp giống hệt ở xã.").format(db=engine.url.database, coll=collation),
            field="--db",
            hint=tr("Tạo cơ sở dữ liệu với: createdb -E UTF8 -T template0 --locale=C.UTF-8 -O NGƯỜI_DÙNG TÊN_CSDL"),
        )


def _collation_sql(version: tuple[Any, ...] | None) -> str:
    """The database's default collation: libc name, or provider-prefixed (ICU since 15, builtin since 17)."""
    if version and version >= (17,):
        return ("CASE datlocprovider WHEN 'i' THEN 'icu:' || datlocale "
                "WHEN 'b' THEN 'builtin:' || datlocale ELSE datcollate END")
    if version and version >= (15,):
        return "CASE datlocprovider WHEN 'i' THEN 'icu:' || daticulocale ELSE datcollate END"
    return "datcollate"


def connection_error(url: URL, exc: BaseException) -> KpiError:
    """A Vietnamese message for a failed connection, with the server's own words as detail."""
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = detail[0] if detail else ""
    lowered = first.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        what = tr("Máy chủ PostgreSQL từ chối tên đăng nhập hoặc mật khẩu.")
        hint = tr("Kiểm tra tên người dùng và mật khẩu trong địa chỉ --db (hoặc tệp ~/.pgpass).")
    elif "does not exist" in lowered and "database" in lowered:
        what = tr("Máy chủ PostgreSQL chưa có cơ sở dữ liệu «{db}».").format(db=url.database)
        hint = tr("Nhờ quản trị tạo nó: createdb -E UTF8 -T template0 --locale=C.UTF-8 -O NGƯỜI_DÙNG {db}").format(
            db=url.database)
    elif "role" in lowered and "does not exist" in lowered:
        what = tr("Máy chủ PostgreSQL không có người dùng «{user}».").format(user=url.username or "")
        hint = tr("Nhờ quản trị tạo người dùng (createuser) hoặc sửa địa chỉ --db.")
    else:
        what = tr("Không kết nối được máy chủ PostgreSQL «{url}».").format(url=safe_url(url))
        hint = tr("Kiểm tra máy chủ đang chạy, địa chỉ, cổng và tường lửa; rồi thử lại.")
    if first:
        hint = f"{hint} ({first})"
    return KpiError(what, field="--db", hint=hint)


def lock_key(*parts: str) -> int:
    """A stable signed 64-bit key for `pg_advisory_xact_lock` from text parts (same in every process)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def advisory_xact_lock(bind: Session | Connection, *parts: str) -> None:
    """Hold an exclusive lock on `parts` (e.g. "ledger", unit_code, period) until the transaction ends.

    PostgreSQL: `pg_advisory_xact_lock`, waiting for whoever holds it. SQLite: nothing to do (the
    database allows one writer at a time; open the transaction with `BEGIN IMMEDIATE`).
    """
    dialect = bind.get_bind().dialect if isinstance(bind, Session) else bind.dialect
    if dialect.name != "postgresql":
        return
    bind.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key(*parts)})
