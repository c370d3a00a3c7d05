"""Read a settings module as a fresh process sees it, under a given environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parents[2]
PROBE = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({name: getattr(module, name) for name in sys.argv[2:]}, default=str))
"""


def read_settings(module: str, names: list[str], **env: str) -> dict[str, Any]:
    """The values of ``names`` in settings ``module``, imported in a new process with ``env``.

    Settings are read at import time from the environment, so a test process (which imported
    cms.settings.test) cannot re-read them in place.
    """
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "SECRET_KEY", "HOST", "PORT"}
        and not key.startswith(("CMS_", "SECURE_", "WAGTAILADMIN_", "PREVIEW_"))
    }
    environment.update({"SECRET_KEY": "probe-only-key", **env})
    completed = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", PROBE, module, *names],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])
