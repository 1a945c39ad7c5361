"""The demo's accounts, created by `kpi demo` through the hook in services/demo.py.

Usernames `quantri` (admin), `tochuc` (clerk), `lanhdao` (head), `nhanvien` (staff of that head's body)
and `sonoivu` (province HR); every password is `Demo@2026` (auth.DEMO_PASSWORD). Demo data only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kpi_desktop.services.auth import DEMO_PASSWORD, DemoAccount, demo_accounts_in

__all__ = ["DEMO_PASSWORD", "add_demo_accounts"]


def add_demo_accounts(session: Session, ctx: Any = None) -> list[DemoAccount]:
    """Create the demo accounts in the demo build's own transaction (`ctx`: the build's DemoContext,
    unused: the people and their bodies are read back from the session)."""
    return demo_accounts_in(session)
