"""ORM models, one module per concern. Importing this package registers every table on `Base.metadata`."""

from __future__ import annotations

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
