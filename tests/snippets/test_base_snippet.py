"""The five snippet types share one skeleton: name, slug, their checks and their API fields."""

import inspect

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Locale

from cms.models import BaseSnippet
from snippets.categories.models import Category
from snippets.countries.models import CountryGroup
from snippets.organisations.models import Organisation
from snippets.people.models import Person
from snippets.programmes.models import Programme

SNIPPETS = [Category, CountryGroup, Organisation, Person, Programme]


@pytest.mark.parametrize("model", SNIPPETS, ids=lambda model: model.__name__)
def test_each_snippet_builds_on_the_shared_skeleton(model: type[BaseSnippet]) -> None:
    assert issubclass(model, BaseSnippet)
    # grapple's helpers (GraphQLString, ...) hand over a function that makes the field.
    graphql_names = [
        (field() if callable(field) else field).field_name for field in model.graphql_fields
    ]
    assert graphql_names[:2] == ["name", "slug"]
    assert ("slug", "locale") in model._meta.unique_together
    # The checks live once, on the base: no snippet keeps a copy of them.
    assert "PHONE_PATTERN" not in inspect.getsource(inspect.getmodule(model))
    source = inspect.getsource(model)
    for copy in ("slugify(self.name)", "def save(", "def clean("):
        assert copy not in source, f"{model.__name__} keeps its own {copy}"


@pytest.mark.django_db
def test_slug_comes_from_the_name_and_is_unique_per_language(locales: dict[str, Locale]) -> None:
    first = Category.objects.create(name="Youth work", locale=locales["en"])
    assert first.slug == "youth-work"
    second = Category(name="Youth Work", locale=locales["en"])
    with pytest.raises(ValidationError) as raised:
        second.full_clean()
    assert raised.value.message_dict["slug"] == [
        "Another category in this language uses this slug."
    ]
    nameless = Category(name="!!!", locale=locales["en"])
    with pytest.raises(ValidationError) as raised:
        nameless.clean()
    assert raised.value.message_dict["slug"] == [
        "Enter a slug: the name has no letters to build one."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Person, Organisation], ids=lambda model: model.__name__)
def test_phone_numbers_are_checked_alike(
    model: type[BaseSnippet], locales: dict[str, Locale]
) -> None:
    item = model(name="Ana Novak", phone="call me maybe", locale=locales["en"])
    with pytest.raises(ValidationError) as raised:
        item.clean()
    assert raised.value.message_dict["phone"] == [
        "Enter a phone number of digits, spaces and + ( ) - / only, e.g. '+386 1 234 56 78'."
    ]
