"""Under production settings the app serves its own static files: a bare gunicorn deploy has a
styled admin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROBE = """
import json, django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
client = Client()
url = staticfiles_storage.url("wagtailadmin/css/core.css")
hashed = client.get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
plain = client.get("/static/wagtailadmin/css/core.css", secure=True)
print(json.dumps({
    "url": url,
    "hashed": [hashed.status_code, hashed.get("Cache-Control"), hashed.get("Content-Encoding")],
    "plain": [plain.status_code, plain.get("Cache-Control")],
}))
"""


def test_production_settings_serve_compressed_static_files(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "static-files-probe",
        "CMS_ALLOW_LOCAL_CACHE": "true",
        "ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run(  # noqa: S603
        [*manage, "collectstatic", "--noinput", "--verbosity", "0"],
        env=environment,
        check=True,
        timeout=300,
        cwd=settings.BASE_DIR,
    )
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE],
        env=environment,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    # A hashed name, served compressed and cached for as long as browsers allow.
    assert result["url"].startswith("/static/wagtailadmin/css/core.")
    assert result["url"] != "/static/wagtailadmin/css/core.css"
    status, cache_control, encoding = result["hashed"]
    assert status == 200
    assert "max-age=315360000" in cache_control
    assert "immutable" in cache_control
    assert encoding == "gzip"
    # The unhashed name still answers, but briefly cached (it changes with each release).
    assert result["plain"][0] == 200
    assert "immutable" not in result["plain"][1]
