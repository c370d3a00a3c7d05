"""Content plugins: discovery at settings time, the base AppConfig and the runtime registry.

A content type is a Django app under ``pages/<name>/`` or ``snippets/<name>/`` (or an installed
package in the ``cms.plugins`` entry-point group) whose ``AppConfig`` subclasses
:class:`ContentPlugin`. Settings call :func:`discover_plugins` once, and the same list feeds
``INSTALLED_APPS`` and ``GRAPPLE["APPS"]``, so adding a content type never edits ``cms/``.

This module is imported by settings: it must not import models or anything that needs
configured settings at module level.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from django.apps import AppConfig, apps

if TYPE_CHECKING:
    from django.db import models

ENTRY_POINT_GROUP = "cms.plugins"
PLUGIN_AREAS = ("pages", "snippets")


@dataclass(frozen=True)
class DiscoveredPlugin:
    """One plugin found at settings time: its import path and Django app label."""

    module: str
    label: str
    source: str = field(compare=False)


def discover_plugins(base_dir: Path, group: str = ENTRY_POINT_GROUP) -> list[DiscoveredPlugin]:
    """Find plugin apps in the project folders, then in installed packages.

    Folder plugins come first, sorted by name so ``INSTALLED_APPS`` is stable across machines.
    An entry point's value is the app's module path (``my_package.events``).
    """
    found: dict[str, DiscoveredPlugin] = {}
    for area in PLUGIN_AREAS:
        for apps_file in sorted((base_dir / area).glob("*/apps.py")):
            name = apps_file.parent.name
            if name.startswith(("_", ".")):
                continue
            _add(found, DiscoveredPlugin(f"{area}.{name}", name, source=str(apps_file)))
    for ep in sorted(entry_points(group=group), key=lambda ep: ep.name):
        module = ep.value.split(":", 1)[0].strip()
        label = module.rsplit(".", 1)[-1]
        _add(found, DiscoveredPlugin(module, label, source=f"entry point {ep.name!r}"))
    return list(found.values())


def _add(found: dict[str, DiscoveredPlugin], plugin: DiscoveredPlugin) -> None:
    # App labels are baked into tables and the GraphQL schema: a clash must stop start-up
    # rather than let one plugin silently shadow another.
    clash = found.get(plugin.label)
    if clash is not None and clash.module != plugin.module:
        raise RuntimeError(
            f"Two content plugins share the app label {plugin.label!r}: "
            f"{clash.module} ({clash.source}) and {plugin.module} ({plugin.source})."
        )
    found[plugin.label] = plugin


class ContentPlugin(AppConfig):
    """Base AppConfig for every content type; ``ready()`` only registers the plugin."""

    # Django picks the single AppConfig subclass in a plugin's apps.py; the base class
    # imported there must not compete, so only subclasses are defaults.
    default = False
    default_auto_field = "django.db.models.BigAutoField"

    #: Position in demo loading; plugins that others refer to load first.
    demo_order: int = 100

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True

    def ready(self) -> None:
        registry.register(self)

    def content_models(self) -> list[type[models.Model]]:
        """Models that editors manage and partners read: page types and snippets."""
        from wagtail.models import Page
        from wagtail.snippets.models import get_snippet_models

        snippets = set(get_snippet_models())
        return [
            model
            for model in self.get_models()
            if not model._meta.abstract
            and (issubclass(model, Page) or model in snippets)
            and model is not Page
        ]

    def load_demo(self, stdout: object) -> None:
        """Create this plugin's demo content; plugins with demo content override this."""


class PluginRegistry:
    """The plugins that registered themselves in ``ready()``, in ``INSTALLED_APPS`` order."""

    def __init__(self) -> None:
        self._labels: list[str] = []

    def register(self, plugin: ContentPlugin) -> None:
        if plugin.label not in self._labels:
            self._labels.append(plugin.label)

    def __iter__(self) -> Iterator[ContentPlugin]:
        # Resolve through the app registry so tests that swap apps see the current configs.
        for label in self._labels:
            config = apps.get_app_config(label)
            if isinstance(config, ContentPlugin):
                yield config

    def content_models(self) -> Iterable[type[models.Model]]:
        for plugin in self:
            yield from plugin.content_models()


registry = PluginRegistry()
