"""The Wagtail code ``cms/editorial/permission_denied_patch.py`` replaces is still what it was
written against (docs/architecture.md, "Where the project overrides a library").

When Wagtail changes it, this fails: compare the new code with what the patch does (does
Wagtail now offer a door for the refusal page? do its callers still look the function up by
name in ``wagtail.admin.auth``?), adapt, then record the new fingerprint here.
"""

import ast
import hashlib
import inspect

import pytest

from wagtail.admin import auth

from cms.editorial import permission_denied_patch

#: sha256 of Wagtail 8.0.1's ``wagtail.admin.auth`` functions: the one replaced, and the callers
#: that look it up by name when they refuse.
WAGTAIL = {
    "permission_denied": "85a5250312cff6da487adc843edda0dceaeaf46776a08e7b4bef4c00dfbebc05",
    "require_admin_access": "29ce458bb5ba7f58cff907af7f15089f29e27b06bdb19e0afda6ff134c912342",
    "user_passes_test": "fe623c1c5c79089f807bb6f00a6a7ef9632de5575a5d84f7e432d367aaca617c",
    "permission_required": "4ed1ddc4de4897ef1317dbb3d5d5990b0cefbd735e3e1c969902b7819dd13720",
    "any_permission_required": "b532679370979061c6c2ed553a2da1d92d2396c3ea8b1d9e588637f48fc062c8",
}


def _wagtail_source(name: str) -> str:
    # Read from the module's file: after install() the module attribute is the project's.
    source = inspect.getsource(auth)
    node = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and node.name == name
    )
    return ast.get_source_segment(source, node) or ""


@pytest.mark.parametrize("name", WAGTAIL)
def test_wagtail_code_the_patch_depends_on_is_unchanged(name: str) -> None:
    assert hashlib.sha256(_wagtail_source(name).encode()).hexdigest() == WAGTAIL[name], name


def test_the_callers_refuse_through_the_name_the_patch_replaces() -> None:
    assert auth.permission_denied is permission_denied_patch.permission_denied
    for caller in ("require_admin_access", "user_passes_test"):
        assert "return permission_denied(request)" in _wagtail_source(caller)
