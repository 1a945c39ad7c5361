from __future__ import annotations

import subprocess
import sys

import pytest

from kpi_desktop.cli import main


def test_help_is_vietnamese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "Cách dùng: kpi" in out
    assert "ngoại tuyến" in out


def test_help_in_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KPI_LANG", "en")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Usage: kpi" in out
    assert "fully offline" in out


def test_unknown_command_exits_2_with_message() -> None:
    proc = subprocess.run([sys.executable, "-m", "kpi_desktop", "khong-co-lenh"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "lỗi" in proc.stderr
    assert "Traceback" not in proc.stderr
