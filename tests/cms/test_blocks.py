"""Blocks that choose images and pages keep working after what they chose is deleted."""

from typing import Any

import pytest

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_a_page_whose_body_image_and_linked_page_were_deleted_still_publishes(
    home: Page, graphql: Any, caplog: pytest.LogCaptureFixture
) -> None:
    import wagtail_factories

    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from tests.cms.graphql.conftest import add_page

    image = wagtail_factories.ImageFactory()
    linked = add_page(home, "linked")
    call = CallPageFactory(
        parent=CallIndexPageFactory(parent=home),
        body=[
            ("image", {"image": image, "alt": "", "caption": "", "credit": ""}),
            ("page_link", {"page": linked, "text": ""}),
        ],
    )
    image.delete()
    linked.delete()

    # Saving indexes the body's references (Wagtail's reference index is on here): the
    # index task must not fail on what the body no longer finds (admin "usage" counts).
    call = Page.objects.get(pk=call.pk).specific
    with caplog.at_level("ERROR"):
        call.save_revision().publish()
    assert [record.getMessage() for record in caplog.records if record.levelname == "ERROR"] == []

    body = graphql(
        f'{{ call(slug: "{call.slug}") {{ body {{ ... on ImageBlock {{ image {{ title }} }} '
        "... on PageLinkBlock { page { title } } } } }"
    )
    assert "errors" not in body, body
    assert body["data"]["call"]["body"] == [{"image": None}, {"page": None}]
