"""`kpi pki`: demo PKI, unit onboarding (request → issue → install), keyring rules."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from kpi_desktop.cli import main
from kpi_desktop.errors import InputError, StateError
from kpi_desktop.exchange import keystore, pki


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in memory, standing in for Windows Credential Manager."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def null_keyring() -> None:
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


def test_demo_pki_is_marked_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pki", "demo", str(tmp_path / "demo")]) == 0
    assert "DEMO" in capsys.readouterr().out
    names = sorted(p.name for p in (tmp_path / "demo").iterdir())
    for name in ("province-root.pem", "province-enc.pem", "province-enc.key", "unit-26734.pem", "unit-26734.key"):
        assert name in names
    for cert_file in (tmp_path / "demo").glob("*.pem"):
        cert = pki.load_cert(cert_file)
        assert pki.is_demo(cert)
        assert cert.public_key().key_size >= 2048  # type: ignore[union-attr]
    assert pki.unit_code_of(pki.load_cert(tmp_path / "demo" / "unit-26734.pem")) == "26734"
    real_root, _ = pki.make_root("Sở Nội vụ tỉnh X", demo=False)
    assert not pki.is_demo(real_root)


def test_onboarding_with_os_keyring(tmp_path: Path, data_dir: Path, memory_keyring: MemoryKeyring,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    demo = pki.make_demo_pki(tmp_path / "so")
    csr = tmp_path / "xa.csr"
    assert main(["pki", "request", "--unit-code", "26734", "--unit-name", "UBND xã Hòa Lạc", "--out", str(csr)]) == 0
    assert "kho khoá hệ điều hành" in capsys.readouterr().out
    secret = memory_keyring.store[(keystore.SERVICE, "unit-key:26734")]
    assert len(secret) < 2560
    key_file = data_dir / "pki" / "unit.key"
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()
    with pytest.raises(InputError, match="cần mật khẩu"):
        pki.load_key(key_file)  # not usable without the keyring's secret
    cert = tmp_path / "xa.pem"
    assert main(["pki", "issue", "--csr", str(csr), "--unit-code", "26734", "--ca-cert", str(demo.root),
                 "--ca-key", str(tmp_path / "so" / "province-root.key"), "--out", str(cert)]) == 0
    assert pki.unit_code_of(pki.load_cert(cert)) == "26734"
    assert main(["pki", "install", "--cert", str(cert), "--root", str(demo.root), "--enc", str(demo.enc_cert)]) == 0
    unit = keystore.installed_unit()
    assert unit is not None and unit.unlock == "keyring" and unit.cert_path is not None
    assert keystore.load_unit_key(unit).key_size == 2048


def test_unsafe_keyring_needs_a_passphrase(tmp_path: Path, data_dir: Path, null_keyring: None,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert keystore.keyring_problem() is not None
    key = pki.new_key()
    with pytest.raises(StateError) as info:
        keystore.store_unit_key(key, "26734")
    assert "mật khẩu" in (info.value.hint or "")
    unit = keystore.store_unit_key(key, "26734", passphrase="một mật khẩu đủ dài")
    assert unit.unlock == "passphrase"
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, "một mật khẩu đủ dài")
    assert keystore.load_unit_key(unit).private_numbers() == key.private_numbers()


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyrings.alt.file.PlaintextKeyring"])
def test_fail_and_plaintext_backends_are_refused(backend: str) -> None:
    module_name, cls_name = backend.rsplit(".", 1)
    import importlib

    try:
        cls = getattr(importlib.import_module(module_name), cls_name)
    except ImportError:
        # keyrings.alt is not installed here: check the refusal by name on a stand-in class.
        cls = type(cls_name, (KeyringBackend,), {"priority": 1, "get_password": lambda *a: None,
                                                 "set_password": lambda *a: None,
                                                 "delete_password": lambda *a: None})
        cls.__module__ = module_name
    previous = keyring.get_keyring()
    keyring.set_keyring(cls())
    try:
        assert keystore.keyring_problem() is not None
    finally:
        keyring.set_keyring(previous)
