"""The project's modules import each other without circles, and the core names no plugin.

Read from the source, not from ``sys.modules``: every ``import`` statement of ``cms/``,
``pages/`` and ``snippets/`` counts, the lazy ones inside functions too (a lazy import hides
a circle, it does not remove it). Imports under ``if TYPE_CHECKING:`` never run and are left
out. An import of ``a.b.c`` is an edge to ``a.b.c`` only, not to the packages above it.

Run alone: ``.venv/bin/python -m tests.test_imports`` prints what it finds.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "pages", "snippets")
PLUGIN_AREAS = ("pages", "snippets")

#: Circles waiting for their fix elsewhere, each with the issue that owns it, e.g.
#: ``frozenset({"cms.graphql.registry", "cms.graphql.links"}): "issue 14"``. An entry makes
#: ``test_known_circles_are_still_open`` fail the day its circle disappears, so it cannot
#: outlive the circle.
KNOWN_CIRCLES: dict[frozenset[str], str] = {}


@dataclass(frozen=True)
class Import:
    """One import statement: who imports what, and where."""

    importer: str
    imported: str
    path: Path
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files(base: Path) -> list[Path]:
    """The modules under ``base``; not the ``name.html.py`` copies of templates that
    ``makemessages`` (the catalog test, maybe running beside this one) writes for a moment."""
    return sorted(path for path in base.rglob("*.py") if not Path(path.stem).suffix)


def project_files() -> Iterator[Path]:
    for package in PACKAGES:
        yield from python_files(ROOT / package)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, less the bodies of ``if TYPE_CHECKING:`` (their ``else`` runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(path: Path, modules: set[str], importer: str | None = None) -> Iterator[Import]:
    """The project modules ``path`` (the module ``importer``) imports; others are not followed."""
    importer = importer or module_name(path)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in _runtime_nodes(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = importer.split(".")
                if not is_package:
                    package = package[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            # ``from a import b``: the module a.b when there is one, else a itself.
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        for name in names:
            # ``import a.b.c`` binds ``a`` but runs ``a.b.c``: find the longest project module.
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != importer:
                yield Import(importer, name, path, node.lineno)


def import_graph() -> dict[str, set[str]]:
    files = list(project_files())
    modules = {module_name(path) for path in files}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for path in files:
        for found in imports_of(path, modules):
            graph[found.importer].add(found.imported)
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        found.append(frozenset(group))
    return found


def describe(group: frozenset[str], graph: dict[str, set[str]]) -> str:
    """One path round the circle, e.g. ``a -> b -> a``, then the other members."""
    start = min(group)
    path, seen = [start], {start}
    node = start
    while True:
        following = sorted(graph[node] & group)
        back = start if start in following else None
        nxt = back or next((name for name in following if name not in seen), following[0])
        path.append(nxt)
        if nxt in seen:
            break
        seen.add(nxt)
        node = nxt
    rest = sorted(group - set(path))
    return " -> ".join(path) + (f" (with {', '.join(rest)})" if rest else "")


def plugin_labels() -> set[str]:
    """App labels of the plugins in this repository: their folder names."""
    return {
        apps_file.parent.name
        for area in PLUGIN_AREAS
        for apps_file in (ROOT / area).glob("*/apps.py")
    }


def core_mentions_of_plugins() -> list[str]:
    """Places in ``cms/`` that import a plugin or name one in a string.

    Strings count as ``"<label>.<Model>"`` (``"calls.CallIndexPage"``) or a dotted module
    path (``"pages.calls"``); docstrings are prose and do not count.
    """
    labels = "|".join(sorted(plugin_labels()))
    named = re.compile(rf"(?<![\w.])(?:(?:{labels})\.[A-Z]\w*|(?:{'|'.join(PLUGIN_AREAS)})\.\w)")
    files = list(project_files())
    modules = {module_name(path) for path in files}
    found: list[str] = []
    for path in python_files(ROOT / "cms"):
        if "migrations" in path.parts:
            continue  # history: a migration records what was true when it was written
        where = path.relative_to(ROOT)
        found.extend(
            f"{where}:{imported.line} imports {imported.imported}"
            for imported in imports_of(path, modules)
            if imported.imported.split(".")[0] in PLUGIN_AREAS
        )
        tree = ast.parse(path.read_text(), filename=str(path))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and (match := named.search(node.value))
            ):
                found.append(f"{where}:{node.lineno} names {match.group(0)!r}")
    return sorted(found)


def test_no_import_circles() -> None:
    graph = import_graph()
    unexpected = [group for group in circles(graph) if group not in KNOWN_CIRCLES]
    assert not unexpected, "Modules that import each other:\n" + "\n".join(
        describe(group, graph) for group in unexpected
    )


def test_known_circles_are_still_open() -> None:
    # An entry in KNOWN_CIRCLES is a strict "expected failure": it must go the day its
    # circle does (issue 14's registry.py <-> links.py circle was one, until it was fixed).
    found = circles(import_graph())
    gone = [reason for circle, reason in KNOWN_CIRCLES.items() if circle not in found]
    assert not gone, "Fixed; remove from KNOWN_CIRCLES: " + "; ".join(gone)


def test_circles_are_found() -> None:
    # The check itself: a lazy import inside a function closes a circle too.
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [frozenset({"a", "b", "c"})]
    assert describe(frozenset({"a", "b", "c"}), graph) == "a -> b -> c -> a"


def test_lazy_imports_count_and_type_checking_ones_do_not(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from cms import models\n"
        "def later():\n    from cms import plugins\n"
    )
    path = tmp_path / "probe.py"
    path.write_text(source)
    modules = {"cms", "cms.models", "cms.plugins", "cms.probe"}
    found = {item.imported for item in imports_of(path, modules, importer="cms.probe")}
    assert found == {"cms.plugins"}


def test_core_names_no_plugin() -> None:
    found = core_mentions_of_plugins()
    assert not found, "cms/ names a plugin (plugins register themselves):\n" + "\n".join(found)


def test_core_names_no_plugins_moderated_section() -> None:
    # A plugin's workflow, task and group names are its own (cms/editorial/moderation.py
    # reads them from the plugin's ModeratedSection); migrations are history.
    from cms.editorial.moderation import moderated_sections

    names = {
        name
        for section in moderated_sections()
        for name in (section.workflow, section.task, section.moderators)
    }
    found = [
        f"{path.relative_to(ROOT)} names {name!r}"
        for path in python_files(ROOT / "cms")
        if "migrations" not in path.parts
        for name in sorted(names)
        if name in path.read_text()
    ]
    assert names, "the calls plugin registers a moderated section"
    assert not found, "\n".join(found)


if __name__ == "__main__":  # pragma: no cover
    graph = import_graph()
    for group in circles(graph):
        print("circle:", describe(group, graph))  # noqa: T201
    for line in core_mentions_of_plugins():
        print("core names a plugin:", line)  # noqa: T201
