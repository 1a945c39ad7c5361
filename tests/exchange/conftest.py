from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from exchange_helpers import Pki, load_pki


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """One demo PKI for the whole session (RSA key generation is the slow part)."""
    return load_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def other_pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """Another province's PKI (wrong root, another encryption certificate)."""
    return load_pki(tmp_path_factory.mktemp("pki-other"))


@pytest.fixture
def needs_openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        pytest.skip("the openssl command is not installed (apt-get install openssl)")
    return path
