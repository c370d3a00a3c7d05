"""Site settings and menus: per language, public pages only, batched, editable."""

from typing import Any

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, PageViewRestriction

from cms.translation import translate
from snippets.navigation.factories import (
    MenuFactory,
    MenuItemFactory,
    SiteSettingsFactory,
    SiteSocialLinkFactory,
)
from snippets.navigation.models import Menu, SiteSettings
from tests.cms.graphql.conftest import add_page

pytestmark = pytest.mark.django_db

SETTINGS = """query($locale: String) { siteSettings(locale: $locale) {
  networkName tagline contactEmail locale socialLinks { network url } } }"""
MENU = """query($locale: String, $name: MenuName!) { menu(name: $name, locale: $locale) {
  name locale items { label url page { title locale } } } }"""


def data(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body["errors"]
    return body["data"]


def test_site_settings_in_each_language(
    graphql: Any, locales: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings = SiteSettingsFactory(
        network_name="Network", tagline="Together", contact_email="a@b.si"
    )
    SiteSocialLinkFactory(settings=settings, url="https://www.facebook.com/network/")
    with django_capture_on_commit_callbacks(execute=True):
        translate(settings, "sl", {"Together": "Skupaj"})

    english = data(graphql(SETTINGS))["siteSettings"]
    assert english["tagline"] == "Together"
    assert english["socialLinks"] == [
        {"network": "facebook", "url": "https://www.facebook.com/network/"}
    ]
    slovenian = data(graphql(SETTINGS, {"locale": "sl"}))["siteSettings"]
    assert (slovenian["tagline"], slovenian["locale"], slovenian["contactEmail"]) == (
        "Skupaj",
        "sl",
        "a@b.si",
    )
    # Swedish has no translation: the fallback language answers and says so.
    assert data(graphql(SETTINGS, {"locale": "sv"}))["siteSettings"]["locale"] == "en"


def test_only_one_set_of_settings(db: None) -> None:
    from django.core.exceptions import ValidationError

    SiteSettingsFactory()
    with pytest.raises(ValidationError):
        SiteSettings(network_name="Second", locale=Locale.get_default()).full_clean()


@pytest.fixture
def menu(home_pages: dict[str, Page]) -> Menu:
    home = home_pages["en"]
    menu = MenuFactory(name="main")
    public = add_page(home, "calls")
    draft = add_page(home, "draft-section", publish=False)
    private = add_page(home, "private-section")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    unpublished = add_page(home, "taken-down")
    unpublished.unpublish()
    for page in (public, draft, private, unpublished):
        MenuItemFactory(menu=menu, page=page, label="")
    MenuItemFactory(menu=menu, label="Portal", url="https://youth.europa.eu/")
    return menu


def test_a_menu_shows_public_pages_and_web_addresses_only(graphql: Any, menu: Menu) -> None:
    items = data(graphql(MENU, {"name": "MAIN"}))["menu"]["items"]
    assert [(item["label"], item["page"]) for item in items] == [
        ("Calls", {"title": "Calls", "locale": "en"}),
        ("Portal", None),
    ]
    # The page's address on the partner frontend, in the reader's language.
    assert items[0]["url"].startswith("http") and "locale=en" in items[0]["url"]
    assert items[1]["url"] == "https://youth.europa.eu/"
    assert data(graphql(MENU, {"name": "FOOTER"}))["menu"] is None


def test_a_translated_menu_links_to_translated_pages(
    graphql: Any, menu: Menu, home_pages: dict[str, Page], django_capture_on_commit_callbacks: Any
) -> None:
    calls = Page.objects.get(slug="calls")
    with django_capture_on_commit_callbacks(execute=True):
        translate(calls, "sl", {"Calls": "Razpisi"})
        translate(menu, "sl", {"Portal": "Portal EU"})
    items = data(graphql(MENU, {"name": "MAIN", "locale": "sl"}))["menu"]["items"]
    assert [(item["label"], item["page"]) for item in items] == [
        ("Razpisi", {"title": "Razpisi", "locale": "sl"}),
        ("Portal EU", None),
    ]


def test_unknown_menu_names_are_refused(graphql: Any, db: None) -> None:
    body = graphql("{ menu(name: SIDEBAR) { name } }")
    assert body["_status"] == 400


def test_menu_items_cost_the_same_for_10_and_100(graphql: Any, home: Page, settings: Any) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    menu = MenuFactory(name="main")
    counts = {}
    made = 0
    for size in (10, 100):
        for n in range(made, size):
            if n % 2:
                MenuItemFactory(menu=menu, page=add_page(home, f"section-{n}"), label="")
            else:
                MenuItemFactory(menu=menu, url=f"https://example.org/{n}")
        made = size
        graphql(MENU, {"name": "MAIN"})
        with CaptureQueriesContext(connection) as captured:
            items = data(graphql(MENU, {"name": "MAIN"}))["menu"]["items"]
        counts[size] = len(captured.captured_queries)
        assert len(items) == size
    assert counts[10] == counts[100], counts


def test_editors_add_a_menu_in_the_admin(admin_client: Client, home: Page) -> None:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    form = nested_form_data(
        {
            "name": "footer",
            "items": inline_formset(
                [{"label": "Portal", "page": "", "url": "https://youth.europa.eu/"}]
            ),
        }
    )
    response = admin_client.post("/admin/snippets/navigation/menu/add/", form)
    assert response.status_code == 302, response.context["form"].errors
    assert Menu.objects.get(name="footer").items.get().url == "https://youth.europa.eu/"

    form = nested_form_data(
        {"name": "main", "items": inline_formset([{"label": "Nothing", "page": "", "url": ""}])}
    )
    response = admin_client.post("/admin/snippets/navigation/menu/add/", form)
    assert response.status_code == 200
    assert not Menu.objects.filter(name="main").exists()


SHARED = """query($l: String) { page(urlPath: "/calls/esc-2026/", locale: $l) {
  ogImage { alt title } } }"""


def _call(home: Page, **fields: Any) -> Any:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    call = CallPageFactory(parent=CallIndexPageFactory(parent=home), slug="esc-2026", **fields)
    call.save_revision().publish()
    return call


def test_a_page_without_images_shares_the_sites_default_image(
    graphql: Any, home: Page, django_capture_on_commit_callbacks: Any
) -> None:
    import wagtail_factories

    banner = wagtail_factories.ImageFactory(title="Network banner")
    settings = SiteSettingsFactory(default_og_image=banner, default_og_image_alt="Our network")
    call = _call(home)
    with django_capture_on_commit_callbacks(execute=True):
        translate(settings, "sl", {"Our network": "Naša mreža"})
        translate(call, "sl")

    # No fragment needed: every page type offers ogImage.
    assert data(graphql(SHARED))["page"]["ogImage"] == {
        "alt": "Our network",
        "title": "Network banner",
    }
    # The page's language decides the default's alt text.
    assert data(graphql(SHARED, {"l": "sl"}))["page"]["ogImage"]["alt"] == "Naša mreža"


def test_the_lead_image_comes_before_the_sites_default(graphql: Any, home: Page) -> None:
    import wagtail_factories

    SiteSettingsFactory(default_og_image=wagtail_factories.ImageFactory(title="Banner"))
    _call(home, lead_image=wagtail_factories.ImageFactory(title="Volunteers"))

    assert data(graphql(SHARED))["page"]["ogImage"]["title"] == "Volunteers"


def test_a_private_default_share_image_is_never_shared(graphql: Any, home: Page) -> None:
    import wagtail_factories

    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret = wagtail_factories.ImageFactory(title="Secret banner", collection=private)
    SiteSettingsFactory(default_og_image=secret, default_og_image_alt="Embargoed banner")
    _call(home)

    body = graphql(SHARED)

    assert data(body)["page"]["ogImage"] is None
    assert "Secret" not in str(body) and "Embargoed" not in str(body)


def test_default_share_images_of_a_list_cost_the_same_for_10_and_100(
    graphql: Any, home: Page, settings: Any
) -> None:
    import wagtail_factories

    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from tests.cms.graphql.test_nested_query_counts import assert_constant

    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    # The warm-up run generates every rendition; counted runs find them stored.
    settings.CMS_GRAPHQL_LIMITS = {
        **settings.CMS_GRAPHQL_LIMITS,
        "max_new_renditions": 1_000,
        "max_cost": 1_000_000,
    }
    SiteSettingsFactory(
        default_og_image=wagtail_factories.ImageFactory(title="Banner"),
        default_og_image_alt="Our network",
    )
    index = CallIndexPageFactory(parent=home)

    def make(n: int) -> None:
        for number in range(n):
            # Half have a lead image, half share the site's default.
            lead = wagtail_factories.ImageFactory() if number % 2 else None
            CallPageFactory(parent=index, lead_image=lead).save_revision().publish()

    query = """{ page(urlPath: "/calls/") { ... on CallIndexPage {
      calls(limit: 100) { ogImage { alt rendition(preset: OG) { url } } } } } }"""
    assert_constant(graphql, make, query, lambda data: len(data["page"]["calls"]))
    calls = data(graphql(query))["page"]["calls"]
    assert sum(call["ogImage"]["alt"] == "Our network" for call in calls) == 50
