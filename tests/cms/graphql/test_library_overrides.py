"""The library code the project overrides or relies on is still what it was written against.

``PartnerGraphQLView.execute_graphql_request`` replaces graphene-django's method of the same
name; ``cms/graphql/grapple_patches.py`` edits what grapple generates, and the model methods
named in ``graphql_fields`` rely on grapple calling them with ``info`` (docs/architecture.md,
"Where the project overrides a library"). When the library changes that code, these tests
fail: compare the new code with what the project does, adapt it, then record the new
fingerprint here.
"""

import hashlib
import inspect
from typing import Any

import pytest
from graphene_django.views import GraphQLView

import grapple.actions
import grapple.registry
import grapple.types.streamfield

from cms.graphql.view import PartnerGraphQLView

#: sha256 of graphene-django 3.2.3's GraphQLView.execute_graphql_request source.
EXECUTE_GRAPHQL_REQUEST = "a365a3b5245aa69c42426cbc2ee60a5ee84ec582f8f4ed39c9cd220203dd1273"

#: sha256 of the wagtail-grapple 0.31.0 code ``cms/graphql/grapple_patches.py`` edits the
#: results of (type building, block types, the registry) and the resolvers that call model
#: methods with ``info`` (``cms/graphql/loaders.py`` is reached through them).
GRAPPLE = {
    "load_type_fields": (
        grapple.actions.load_type_fields,
        "ed46c67798582814b2ede9806f9990046c8023f47ea866d4895e2a8acb4616b6",
    ),
    "model_resolver": (
        grapple.actions.model_resolver,
        "796934558979f2e3f4b4891e0ab907efbc26b3e910ab46ecc3d8aed15ecbdbc9",
    ),
    "custom_cls_resolver": (
        grapple.actions.custom_cls_resolver,
        "fcfc751f0dc5750eabcfc2ed4b1a26c413743cf0c0f2f6c47216ea7a0efedbf0",
    ),
    "register_streamfield_blocks": (
        grapple.types.streamfield.register_streamfield_blocks,
        "f4782ba85fec3c50e7a5477659c229fe60607ce0a79b07d3cf553487cc7cde41",
    ),
    "Registry": (
        grapple.registry.Registry,
        "b766c9f772cd8914f4813faaa48a82d16cfb1bb016dc8f95079b55fc0cb37e26",
    ),
}


def test_graphene_django_execute_graphql_request_is_the_one_overridden() -> None:
    source = inspect.getsource(GraphQLView.execute_graphql_request)
    assert hashlib.sha256(source.encode()).hexdigest() == EXECUTE_GRAPHQL_REQUEST
    # The override keeps the signature graphene-django's get_response calls it with.
    assert inspect.signature(PartnerGraphQLView.execute_graphql_request).parameters.keys() == (
        inspect.signature(GraphQLView.execute_graphql_request).parameters.keys()
    )


@pytest.mark.parametrize("name", GRAPPLE)
def test_grapple_code_the_patches_depend_on_is_unchanged(name: str) -> None:
    code, fingerprint = GRAPPLE[name]
    source: Any = inspect.getsource(code)
    assert hashlib.sha256(source.encode()).hexdigest() == fingerprint, name
