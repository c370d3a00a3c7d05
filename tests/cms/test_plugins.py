"""Content plugins join through discovery alone and are held to their contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

from cms import checks
from cms.plugins import discover_plugins, registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_folder_plugin_is_installed_and_exposed_to_grapple() -> None:
    folders = sorted(
        path.parent.name
        for area in ("pages", "snippets")
        for path in (ROOT / area).glob("*/apps.py")
    )
    labels = [plugin.label for plugin in registry]
    assert sorted(labels) == folders
    assert sorted(settings.GRAPPLE["APPS"]) == folders


def test_two_plugins_with_one_label_stop_start_up(tmp_path: Path) -> None:
    for area in ("pages", "snippets"):
        (tmp_path / area / "events").mkdir(parents=True)
        (tmp_path / area / "events" / "apps.py").write_text("")
    with pytest.raises(RuntimeError, match="share the app label 'events'"):
        discover_plugins(tmp_path)


def test_an_entry_point_plugin_joins_admin_and_schema_without_editing_cms(tmp_path: Path) -> None:
    dist = tmp_path / "sample_events_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sample-events-plugin\nVersion: 0.1\n"
    )
    (dist / "entry_points.txt").write_text(
        "[cms.plugins]\nsample_events = tests.plugins.sample_events\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "TEST_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(  # noqa: S603 (fixed interpreter and script)
        [sys.executable, str(ROOT / "tests" / "plugins" / "run_sample_plugin.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["installed"]
    assert "sample_events" in report["grapple_apps"]
    assert "/admin/pages/add/sample_events/sampleeventpage/" in report["admin_choices"]
    assert "errors" not in report["graphql"], report["graphql"]
    fields = {field["name"] for field in report["graphql"]["data"]["__type"]["fields"]}
    assert "venue" in fields
    assert report["graphql"]["data"]["sampleEvents"] == {"items": []}


def _install_entry_point(tmp_path: Path, name: str, module: str) -> dict[str, str]:
    """Environment for a subprocess in which ``module`` is installed as a content plugin."""
    dist = tmp_path / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[cms.plugins]\n{name} = {module}\n")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "TEST_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }


def test_manage_py_check_refuses_page_types_that_only_inherit_their_contract(
    tmp_path: Path,
) -> None:
    # Real BasePage subclasses (tests/plugins/contract_breach/models.py), checked by the
    # real command: the base classes' declarations must not count for them.
    env = _install_entry_point(tmp_path, "contract_breach", "tests.plugins.contract_breach")
    result = subprocess.run(  # noqa: S603 (fixed interpreter and script)
        [sys.executable, str(ROOT / "manage.py"), "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stderr
    assert result.returncode == 1, output[-3000:]
    found = {line.split(": ", 1)[1] for line in output.splitlines() if "(cms.E00" in line}
    assert found == {
        *(
            f"(cms.E001) contract_breach.{model} does not declare {attribute}."
            for model in ("BareEventPage", "InheritingIndexPage")
            for attribute in (
                "graphql_fields",
                "translatable_fields",
                "search_fields",
                "frontend_url_pattern",
            )
        ),
        "(cms.E002) contract_breach.VagueOptOutPage opts out of search_fields without a reason.",
        "(cms.E002) contract_breach.VagueOptOutPage opts out of colour, which is not part of "
        "the contract.",
    }, output[-3000:]


def test_system_check_passes_for_the_shipped_plugins() -> None:
    assert checks.check_plugin_contract() == []
