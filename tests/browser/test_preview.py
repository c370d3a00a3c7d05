"""Preview: the editor sees a draft inside the partner site; the public never does."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page as BrowserPage
from playwright.sync_api import expect

from wagtail.models import Page

from cms.partners.keys import create_key
from cms.partners.models import Partner
from pages.calls.factories import CallIndexPageFactory, CallPageFactory
from pages.calls.models import CallPage
from tests.browser.helpers import log_in, make_user, public_graphql

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLISHED = "Young people help the city's food bank."
DRAFT = "Draft: the food bank now also needs drivers with a licence."


@pytest.fixture
def call(home: Page) -> CallPage:
    return CallPageFactory(
        parent=CallIndexPageFactory(parent=home),
        title="Volunteering in Maribor",
        slug="volunteering-in-maribor",
        summary=PUBLISHED,
    )


def test_editor_previews_a_draft_in_the_partner_site(
    tab: BrowserPage, live_server: Any, call: CallPage
) -> None:
    make_user("erika", "Editors")
    log_in(tab, live_server.url, "erika")
    tab.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")
    tab.get_by_role("textbox", name="Summary").fill(DRAFT)
    tab.get_by_role("button", name="Save draft").click()
    expect(tab.get_by_role("status")).to_contain_text("has been updated")

    tab.get_by_role("button", name="Toggle preview").click()

    preview = tab.frame_locator("#w-preview-iframe").frame_locator("iframe")
    expect(preview.locator(".preview-banner")).to_have_text("Preview of an unpublished draft")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Volunteering in Maribor")
    expect(preview.locator("article .summary")).to_have_text(DRAFT)
    # wagtail-headless-preview sent the admin's preview to the partner site, with a token.
    partner = [frame.url for frame in tab.frames if "/partner-site/" in frame.url]
    assert len(partner) == 1, [frame.url for frame in tab.frames]
    assert re.search(r"/partner-site/\?content_type=calls\.callpage&token=.+", partner[0])

    # The public partner site and API still serve the published text, and never the draft.
    visitor = tab.context.new_page()
    visitor.goto(f"{live_server.url}/partner-site/call.html?slug=volunteering-in-maribor")
    expect(visitor.locator("article .summary")).to_have_text(PUBLISHED)
    expect(visitor.get_by_text(DRAFT)).to_have_count(0)
    visitor.close()
    data = public_graphql(
        '{ call(slug: "volunteering-in-maribor") { summary }'
        ' calls(search: "drivers") { items { title } } }'
    )
    assert data == {"call": {"summary": PUBLISHED}, "calls": {"items": []}}
    call.refresh_from_db()
    assert call.summary == PUBLISHED
    assert call.has_unpublished_changes


def test_editor_enters_the_preview_key_when_the_cms_requires_one(
    tab: BrowserPage, live_server: Any, call: CallPage, settings: Any
) -> None:
    """PREVIEW_REQUIRES_KEY (the production default): the partner site asks the editor for
    the partner's preview key once, sends it as a bearer token and shows the draft."""
    settings.CMS_PREVIEW_REQUIRES_KEY = True
    partner = Partner.objects.create(name="Maribor")
    plain_key = create_key(partner, label="site")[1]
    preview_key = create_key(partner, label="editors", scopes={"preview"})[1]
    make_user("erika", "Editors")
    log_in(tab, live_server.url, "erika")
    tab.goto(f"{live_server.url}/admin/pages/{call.pk}/edit/")
    tab.get_by_role("textbox", name="Summary").fill(DRAFT)
    tab.get_by_role("button", name="Save draft").click()
    expect(tab.get_by_role("status")).to_contain_text("has been updated")

    tab.get_by_role("button", name="Toggle preview").click()
    preview = tab.frame_locator("#w-preview-iframe").frame_locator("iframe")
    key_field = preview.get_by_label("Preview key")
    expect(key_field).to_be_visible()
    expect(preview.get_by_text(DRAFT)).to_have_count(0)

    # A key without the preview scope is refused and forgotten.
    key_field.fill(plain_key)
    preview.get_by_role("button", name="Show the preview").click()
    expect(preview.get_by_role("alert")).to_have_text("The CMS did not accept this key.")

    preview.get_by_label("Preview key").fill(preview_key)
    preview.get_by_role("button", name="Show the preview").click()
    expect(preview.locator(".preview-banner")).to_have_text("Preview of an unpublished draft")
    expect(preview.locator("article .summary")).to_have_text(DRAFT)
