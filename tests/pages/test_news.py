"""News pages: admin creation and validation, translation, GraphQL."""

import datetime
from typing import Any

import pytest
import wagtail_factories

from django.test import Client

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.translation import translate
from pages.municipalities.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from pages.news.factories import NewsGalleryImageFactory, NewsIndexPageFactory, NewsPageFactory
from pages.news.models import NewsIndexPage, NewsPage
from pages.news.selectors import news_filter, news_public
from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from snippets.categories.factories import CategoryFactory
from snippets.organisations.factories import OrganisationFactory
from snippets.people.factories import PersonFactory

pytestmark = pytest.mark.django_db


def add_url(model: type[Page], parent: Page) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def form_errors(response: Any) -> dict[str, Any]:
    """Field errors of the page form and of each inline formset's forms, as plain strings."""
    form = response.context["form"]
    errors: dict[str, Any] = {
        name: [str(message) for message in messages] for name, messages in form.errors.items()
    }
    for name, formset in form.formsets.items():
        rows = [
            {field: [str(message) for message in messages] for field, messages in row.items()}
            for row in formset.errors
        ]
        if any(rows):
            errors[name] = rows
    return errors


@pytest.fixture
def world(home: Page) -> dict[str, Any]:
    """The pages and snippets a news item links to, in English."""
    municipalities = MunicipalityIndexPageFactory(parent=home)
    projects = ProjectIndexPageFactory(parent=home)
    return {
        "index": NewsIndexPageFactory(parent=home),
        "municipalities": municipalities,
        "projects": projects,
        "ljubljana": MunicipalityPageFactory(
            parent=municipalities, title="Ljubljana", slug="ljubljana"
        ),
        "novo_mesto": MunicipalityPageFactory(
            parent=municipalities, title="Novo mesto", slug="novo-mesto"
        ),
        "egl": ProjectPageFactory(
            parent=projects, title="Europe Goes Local", slug="europe-goes-local", acronym="EGL"
        ),
        "networking": CategoryFactory(name="Networking"),
        "learning": CategoryFactory(name="Learning"),
        "mama": OrganisationFactory(name="Mreža MaMa"),
        "marko": PersonFactory(name="Marko Taljan", role="Assistant director"),
    }


def news_form(world: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    image = wagtail_factories.ImageFactory(title="Visit")
    data = nested_form_data(
        {
            "title": "Municipality on a visit",
            "slug": "municipality-on-a-visit",
            "date": "2021-10-05",
            "author": world["marko"].pk,
            "byline": "",
            "intro": "A youth centre showed a visiting municipality how it works.",
            "body": streamfield([("paragraph", rich_text("<p>Speakers presented.</p>"))]),
            "gallery_images": inline_formset([{"image": image.pk, "caption": "The meeting"}]),
            "event_time_zone": "Europe/Ljubljana",
            "comments": inline_formset([]),
            "action-publish": "publish",
            **{key: value for key, value in overrides.items() if not isinstance(value, list)},
        }
    )
    # Multiple choices are repeated keys, which nested_form_data does not produce.
    data["categories"] = [world["networking"].pk, world["learning"].pk]
    data["related_projects"] = [world["egl"].pk]
    data["related_municipalities"] = [world["ljubljana"].pk, world["novo_mesto"].pk]
    data["related_organisations"] = [world["mama"].pk]
    data.update({key: value for key, value in overrides.items() if isinstance(value, list)})
    return data


def test_editor_creates_a_news_item_with_its_relations(admin_client: Client, world: dict) -> None:
    response = admin_client.post(add_url(NewsPage, world["index"]), news_form(world))

    assert response.status_code == 302, form_errors(response)
    item = NewsPage.objects.get(slug="municipality-on-a-visit")
    assert item.live
    assert item.date == datetime.date(2021, 10, 5)
    assert item.author == world["marko"]
    assert item.author_name == "Marko Taljan"
    assert {category.name for category in item.categories.all()} == {"Networking", "Learning"}
    assert list(item.related_projects.all()) == [world["egl"]]
    assert set(item.related_municipalities.all()) == {world["ljubljana"], world["novo_mesto"]}
    assert list(item.related_organisations.all()) == [world["mama"]]
    assert item.gallery_images.get().caption == "The meeting"


def test_news_is_refused_outside_a_news_index(admin_client: Client, world: dict) -> None:
    response = admin_client.post(add_url(NewsPage, world["projects"]), news_form(world))

    assert response.status_code == 403
    assert not NewsPage.objects.exists()
    assert not NewsPage.can_create_at(world["projects"])
    assert not NewsIndexPage.can_create_at(world["index"])


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date": ""}, "date", "required"),
        ({"date": "2021-13-45"}, "date", "valid date"),
        ({"title": ""}, "title", "required"),
        ({"related_projects": ["999999"]}, "related_projects", "valid choice"),
    ],
)
def test_bad_input_is_rejected_naming_the_field(
    admin_client: Client, world: dict, overrides: dict[str, Any], field: str, message: str
) -> None:
    response = admin_client.post(add_url(NewsPage, world["index"]), news_form(world, **overrides))

    assert response.status_code == 200
    errors = form_errors(response)
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert not NewsPage.objects.exists()


def test_gallery_image_without_an_image_is_rejected(admin_client: Client, world: dict) -> None:
    data = news_form(world)
    data["gallery_images-0-image"] = ""

    response = admin_client.post(add_url(NewsPage, world["index"]), data)

    assert response.status_code == 200
    assert "image" in form_errors(response)["gallery_images"][0]
    assert not NewsPage.objects.exists()


def test_relation_choices_are_in_the_page_language(
    admin_client: Client, world: dict, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translate(world["networking"], "sl", {"Networking": "Povezovanje"})

    response = admin_client.get(add_url(NewsPage, world["index"]))

    choices = {label for _value, label in response.context["form"].fields["categories"].choices}
    assert choices == {"Networking", "Learning"}


@pytest.fixture
def visit(world: dict) -> NewsPage:
    """A news item in English with every relation filled."""
    item = NewsPageFactory(
        parent=world["index"],
        title="Municipality on a visit",
        slug="municipality-on-a-visit",
        date=datetime.date(2021, 10, 5),
        author=world["marko"],
        intro="A youth centre showed a visiting municipality how it works.",
    )
    item.categories.set([world["networking"]])
    item.related_projects.set([world["egl"]])
    item.related_municipalities.set([world["ljubljana"], world["novo_mesto"]])
    item.related_organisations.set([world["mama"]])
    item.save()
    NewsGalleryImageFactory(page=item, caption="The meeting")
    return NewsPage.objects.get(pk=item.pk)


SLOVENIAN = {
    "News": "Novice",
    "Municipality on a visit": "Občina na obisku",
    "A youth centre showed a visiting municipality how it works.": (
        "Mladinski center je gostujoči občini predstavil svoje delo."
    ),
    "The meeting": "Srečanje",
}


def translate_to_slovenian(world: dict, visit: NewsPage) -> NewsPage:
    translate(world["index"], "sl", SLOVENIAN)
    translate(world["networking"], "sl", {"Networking": "Povezovanje"})
    translate(world["municipalities"], "sl", {"Municipalities": "Občine"})
    translate(world["ljubljana"], "sl", {"Ljubljana": "Ljubljana"})
    return translate(visit, "sl", SLOVENIAN)


def test_translation_to_slovenian_is_published(
    world: dict, visit: NewsPage, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate_to_slovenian(world, visit)

    translated = NewsPage.objects.get(pk=translated.pk)
    assert translated.live
    assert translated.locale.language_code == "sl"
    assert translated.title == "Občina na obisku"
    assert translated.intro == SLOVENIAN[visit.intro]
    assert translated.date == visit.date
    assert translated.gallery_images.get().caption == "Srečanje"
    # Relations are synchronised unchanged; GraphQL shows them in the page's language.
    assert list(translated.related_projects.all()) == [world["egl"]]
    assert [category.name for category in translated.categories_in_locale()] == ["Povezovanje"]


QUERY = """
query ($slug: String!, $locale: String) {
  newsItem(slug: $slug, locale: $locale) {
    title date intro authorName
    author { name }
    categories { name slug }
    relatedProjects { title locale }
    relatedMunicipalities { title locale }
    relatedOrganisations { name }
    galleryImages { caption image { title } }
  }
}
"""


def test_graphql_reads_a_news_item_in_both_languages(
    world: dict, visit: NewsPage, graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        translate_to_slovenian(world, visit)

    english = graphql(QUERY, {"slug": "municipality-on-a-visit", "locale": "en"})
    slovenian = graphql(QUERY, {"slug": "municipality-on-a-visit", "locale": "sl"})

    assert "errors" not in english, english
    assert "errors" not in slovenian, slovenian
    item = english["data"]["newsItem"]
    assert item["date"] == "2021-10-05"
    assert item["author"] == {"name": "Marko Taljan"}
    assert item["categories"] == [{"name": "Networking", "slug": "networking"}]
    assert item["relatedProjects"] == [{"title": "Europe Goes Local", "locale": "en"}]
    assert item["relatedMunicipalities"] == [
        {"title": "Ljubljana", "locale": "en"},
        {"title": "Novo mesto", "locale": "en"},
    ]
    assert item["relatedOrganisations"] == [{"name": "Mreža MaMa"}]
    assert item["galleryImages"][0]["caption"] == "The meeting"
    assert item["galleryImages"][0]["image"]["title"]

    novica = slovenian["data"]["newsItem"]
    assert novica["title"] == "Občina na obisku"
    assert novica["categories"] == [{"name": "Povezovanje", "slug": "networking"}]
    # Ljubljana has a Slovenian page; Novo mesto and the project not yet.
    assert novica["relatedMunicipalities"] == [
        {"title": "Ljubljana", "locale": "sl"},
        {"title": "Novo mesto", "locale": "en"},
    ]
    assert novica["relatedProjects"] == [{"title": "Europe Goes Local", "locale": "en"}]
    assert novica["galleryImages"][0]["caption"] == "Srečanje"


def test_news_list_shows_relations_as_the_single_item_does(
    world: dict, visit: NewsPage, graphql: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # The list loads relations in the item's language for all items at once (news_prepare);
    # what it shows must not differ from the single lookup, which loads them per item.
    with django_capture_on_commit_callbacks(execute=True):
        translate_to_slovenian(world, visit)
    fields = "categories { name } relatedProjects { title locale } "
    fields += "relatedMunicipalities { title locale } relatedOrganisations { name }"

    for locale in ("en", "sl"):
        listed = graphql(
            f"query($l: String) {{ news(locale: $l) {{ items {{ {fields} }} }} }}", {"l": locale}
        )
        single = graphql(
            f'query($l: String) {{ newsItem(slug: "municipality-on-a-visit", locale: $l) '
            f"{{ {fields} }} }}",
            {"l": locale},
        )

        assert "errors" not in listed, listed
        assert listed["data"]["news"]["items"] == [single["data"]["newsItem"]]
    assert listed["data"]["news"]["items"][0]["relatedMunicipalities"] == [
        {"title": "Ljubljana", "locale": "sl"},
        {"title": "Novo mesto", "locale": "en"},
    ]


def test_graphql_leaves_out_unpublished_related_pages(
    world: dict, visit: NewsPage, graphql: Any
) -> None:
    world["egl"].unpublish()

    body = graphql(QUERY, {"slug": "municipality-on-a-visit"})

    assert "errors" not in body, body
    assert body["data"]["newsItem"]["relatedProjects"] == []


def test_index_page_lists_its_news(world: dict, visit: NewsPage, graphql: Any) -> None:
    NewsPageFactory(parent=world["index"], slug="older", date=datetime.date(2017, 11, 21))

    body = graphql('{ page(urlPath: "/news/") { ... on NewsIndexPage { news { slug date } } } }')

    assert "errors" not in body, body
    assert body["data"]["page"]["news"] == [
        {"slug": "municipality-on-a-visit", "date": "2021-10-05"},
        {"slug": "older", "date": "2017-11-21"},
    ]


def test_filters_by_category_project_and_municipality(
    world: dict, visit: NewsPage, locales: dict
) -> None:
    other = NewsPageFactory(parent=world["index"], slug="other")
    other.related_municipalities.set([world["novo_mesto"]])
    other.save()

    def slugs(**filters: str) -> list[str]:
        return sorted(
            news_filter(news_public(locales["en"]), **filters).values_list("slug", flat=True)
        )

    assert slugs() == ["municipality-on-a-visit", "other"]
    assert slugs(category="networking") == ["municipality-on-a-visit"]
    assert slugs(project="europe-goes-local") == ["municipality-on-a-visit"]
    assert slugs(municipality="novo-mesto") == ["municipality-on-a-visit", "other"]
    assert slugs(municipality="ljubljana", category="learning") == []
    world["egl"].unpublish()
    assert slugs(project="europe-goes-local") == []


def test_graphql_news_list_filters(world: dict, visit: NewsPage, graphql: Any) -> None:
    query = """
    query ($category: String, $project: String, $municipality: String) {
      news(category: $category, project: $project, municipality: $municipality) {
        items { slug }
      }
    }
    """

    def slugs(**variables: str) -> list[str]:
        body = graphql(query, variables)
        assert "errors" not in body, body
        return [item["slug"] for item in body["data"]["news"]["items"]]

    assert slugs() == ["municipality-on-a-visit"]
    assert slugs(category="networking", project="europe-goes-local") == ["municipality-on-a-visit"]
    assert slugs(municipality="nowhere") == []


def test_demo_content_loads_once_in_every_language(
    django_capture_on_commit_callbacks: Any, graphql: Any
) -> None:
    """The page demos, after the snippet demos they use, create everything once."""
    import io

    from django.apps import apps as django_apps

    from pages.municipalities.models import MunicipalityPage
    from pages.projects.models import ProjectPage

    labels = ["categories", "organisations", "people", "programmes"]
    labels += ["municipalities", "projects", "news"]

    def load() -> dict[str, int]:
        with django_capture_on_commit_callbacks(execute=True):
            for label in labels:
                django_apps.get_app_config(label).load_demo(io.StringIO())
        return {
            "pages": Page.objects.count(),
            "municipalities": MunicipalityPage.objects.count(),
            "projects": ProjectPage.objects.count(),
            "news": NewsPage.objects.count(),
        }

    first = load()
    assert load() == first
    # 8 municipalities in English and Slovenian; VOLWE in English and Swedish; SHELTER in
    # English and Slovenian; both news items in English and Slovenian.
    assert first["municipalities"] == 16
    assert first["projects"] == 4
    assert first["news"] == 4

    body = graphql(
        """
        {
          project(slug: "shelter", locale: "sl") {
            title leadPartner { municipality { title locale } }
            partners { role name } goals { text } events { title place }
          }
          volwe: project(slug: "volwe", locale: "sv") { summary coordinator { name } }
          municipality(slug: "novo-mesto", locale: "sl") { region projects { acronym } }
          newsItem(slug: "municipality-on-a-visit", locale: "sl") {
            title categories { name } relatedMunicipalities { title locale }
          }
        }
        """
    )
    assert "errors" not in body, body
    data = body["data"]
    assert data["project"]["leadPartner"]["municipality"] == {"title": "Canepina", "locale": "sl"}
    assert len(data["project"]["partners"]) == 9
    assert data["project"]["events"] == [{"title": "Mednarodna konferenca", "place": "Canepina"}]
    assert data["volwe"]["summary"].startswith("Kommuner och ideella föreningar")
    assert data["volwe"]["coordinator"] == {"name": "Laura Avanzi"}
    assert data["municipality"] == {
        "region": "Jugovzhodna Slovenija",
        "projects": [{"acronym": "SHELTER"}],
    }
    assert data["newsItem"]["title"] == "Predstavitev dobrih praks: občina na obisku"
    assert {category["name"] for category in data["newsItem"]["categories"]} == {
        "Mednarodno sodelovanje",
        "Povezovanje",
        "Učenje",
    }
    assert {item["locale"] for item in data["newsItem"]["relatedMunicipalities"]} == {"sl"}


def test_admin_listing_filters_by_category(
    admin_client: Client, world: dict, visit: NewsPage
) -> None:
    NewsPageFactory(parent=world["index"], slug="other")

    response = admin_client.get("/admin/news_pages/", {"categories": world["networking"].pk})

    assert response.status_code == 200
    assert [page.slug for page in response.context["object_list"]] == ["municipality-on-a-visit"]


def test_edit_form_renders_every_tab(admin_client: Client, visit: NewsPage) -> None:
    response = admin_client.get(f"/admin/pages/{visit.pk}/edit/")

    assert response.status_code == 200
    for tab in ("News item", "Gallery", "Categories and links"):
        assert tab in response.content.decode()


# --- The event a news item reports on ----------------------------------------------------

EVENT_QUERY = """query($l: String) { newsItem(slug: "municipality-on-a-visit", locale: $l) {
  eventDate eventStartsAt eventTimeZone eventPlace leadImage { alt } leadImageCaption } }"""


def test_editor_records_the_event_and_partner_sites_read_it_in_both_languages(
    admin_client: Client, world: dict, graphql, django_capture_on_commit_callbacks: Any
) -> None:
    data = news_form(
        world,
        event_date="2021-10-01",
        event_time="10:00",
        event_time_zone="Europe/Ljubljana",
        event_place="ČMC Zalog, Ljubljana",
    )

    response = admin_client.post(add_url(NewsPage, world["index"]), data)

    assert response.status_code == 302, form_errors(response)
    item = NewsPage.objects.get(slug="municipality-on-a-visit")
    with django_capture_on_commit_callbacks(execute=True):
        translate(item, "sl", {"ČMC Zalog, Ljubljana": "Četrtni mladinski center Zalog, Ljubljana"})
    english = graphql(EVENT_QUERY, {"l": "en"})["data"]["newsItem"]
    slovenian = graphql(EVENT_QUERY, {"l": "sl"})["data"]["newsItem"]
    assert english["eventDate"] == "2021-10-01"
    assert english["eventStartsAt"] == "2021-10-01T10:00:00+02:00"
    assert english["eventTimeZone"] == "Europe/Ljubljana"
    assert english["eventPlace"] == "ČMC Zalog, Ljubljana"
    assert slovenian["eventDate"] == "2021-10-01"
    assert slovenian["eventPlace"] == "Četrtni mladinski center Zalog, Ljubljana"


def test_an_event_without_a_time_has_a_date_only(admin_client: Client, world: dict, graphql):
    data = news_form(world, event_date="2021-10-01", event_place="ČMC Zalog, Ljubljana")

    response = admin_client.post(add_url(NewsPage, world["index"]), data)

    assert response.status_code == 302, form_errors(response)
    item = graphql(EVENT_QUERY, {"l": "en"})["data"]["newsItem"]
    assert (item["eventDate"], item["eventStartsAt"]) == ("2021-10-01", None)


def test_a_news_item_without_an_event_says_so(admin_client: Client, world: dict, graphql):
    response = admin_client.post(add_url(NewsPage, world["index"]), news_form(world))

    assert response.status_code == 302, form_errors(response)
    item = graphql(EVENT_QUERY, {"l": "en"})["data"]["newsItem"]
    assert item == {
        "eventDate": None,
        "eventStartsAt": None,
        "eventTimeZone": None,
        "eventPlace": "",
        "leadImage": None,
        "leadImageCaption": None,
    }


@pytest.mark.parametrize(
    "event", [{"event_time": "10:00"}, {"event_place": "ČMC Zalog, Ljubljana"}]
)
def test_a_time_or_place_needs_the_events_date(
    admin_client: Client, world: dict, event: dict[str, str]
) -> None:
    response = admin_client.post(add_url(NewsPage, world["index"]), news_form(world, **event))

    assert response.status_code == 200
    assert "Enter the date of the event" in form_errors(response)["event_date"][0]
    assert not NewsPage.objects.exists()
