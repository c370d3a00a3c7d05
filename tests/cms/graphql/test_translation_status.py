"""Each page and translatable snippet says how completely it is translated into its language,
from wagtail-localize's records, in a fixed number of SQL statements per list."""

from collections.abc import Callable
from typing import Any

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from cms import translation

pytestmark = pytest.mark.django_db

STATUS = (
    "translationStatus { complete untranslatedSegments totalSegments machineTranslated "
    "sourceLocale }"
)
Translate = Callable[..., Any]


@pytest.fixture
def translate(django_capture_on_commit_callbacks: Any) -> Translate:
    """Translate with wagtail-localize and publish, as on commit of the translator's request."""

    def run(instance: Any, language: str, texts: dict[str, str]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return translation.translate(instance, language, texts)

    return run


@pytest.fixture
def news_index(home: Page, translate: Translate) -> Page:
    from pages.news.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, "sl", {"News": "Novice", "What happens in the network.": "Kaj se dogaja."})
    return index


def make_news(index: Page, title: str, *, category: Any = None) -> Page:
    from pages.news.factories import NewsPageFactory

    page = NewsPageFactory(parent=index, title=title, intro=f"About {title}.")
    if category is not None:
        page.categories.add(category)
    page.save_revision().publish()
    return page


def news_item(graphql: Any, slug: str, locale: str, selection: str = STATUS) -> dict[str, Any]:
    body = graphql(
        "query($s: String!, $l: String) { newsItem(slug: $s, locale: $l) { locale "
        + selection
        + " } }",
        {"s": slug, "l": locale},
    )
    assert "errors" not in body, body
    return body["data"]["newsItem"]


def test_the_original_is_complete(graphql, news_index) -> None:
    page = make_news(news_index, "Volunteering week")
    assert news_item(graphql, page.slug, "en")["translationStatus"] == {
        "complete": True,
        "untranslatedSegments": 0,
        "totalSegments": 0,
        "machineTranslated": False,
        "sourceLocale": "en",
    }


def test_a_partial_translation_says_how_much_is_left(translate, graphql, news_index) -> None:
    page = make_news(news_index, "Volunteering week")
    translate(page, "sl", {"Volunteering week": "Teden prostovoljstva"})
    item = news_item(graphql, page.slug, "sl")
    assert item["locale"] == "sl"
    status = item["translationStatus"]
    # Title, slug and intro are segments; only the title is translated.
    assert status["complete"] is False
    assert status["untranslatedSegments"] == status["totalSegments"] - 1 > 0
    assert status["machineTranslated"] is False
    assert status["sourceLocale"] == "en"


def test_a_full_translation_is_complete(translate, graphql, news_index) -> None:
    page = make_news(news_index, "Volunteering week")
    slovenian = translate(
        page,
        "sl",
        {
            "Volunteering week": "Teden prostovoljstva",
            "volunteering-week": "teden-prostovoljstva",
            "About Volunteering week.": "O tednu prostovoljstva.",
        },
    )
    status = news_item(graphql, slovenian.slug, "sl")["translationStatus"]
    assert status == {
        "complete": True,
        "untranslatedSegments": 0,
        "totalSegments": status["totalSegments"],
        "machineTranslated": False,
        "sourceLocale": "en",
    }
    assert status["totalSegments"] >= 2  # title and intro


def test_machine_translations_are_flagged(translate, graphql, news_index) -> None:
    page = make_news(news_index, "Volunteering week")
    translate(page, "sl", {"Volunteering week": "[MT sl] Volunteering week"})
    StringTranslation.objects.filter(locale__language_code="sl", data__startswith="[MT").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert news_item(graphql, page.slug, "sl")["translationStatus"]["machineTranslated"] is True


def test_a_fallback_item_reports_its_own_language(graphql, news_index) -> None:
    """A Slovenian request served the English original: complete, and `locale` says English."""
    page = make_news(news_index, "Volunteering week")
    item = news_item(graphql, page.slug, "sl")
    assert item["locale"] == "en"
    assert item["translationStatus"]["complete"] is True


def test_snippets_report_their_status(translate, graphql, home) -> None:
    from snippets.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Zavod Voluntariat", slug="voluntariat")
    translate(organisation, "sl", {"Zavod Voluntariat": "Zavod Voluntariat"})
    body = graphql(
        f"""{{ en: organisation(slug: "voluntariat") {{ {STATUS} }}
             sl: organisation(slug: "voluntariat", locale: "sl") {{ locale {STATUS} }} }}"""
    )
    assert "errors" not in body, body
    assert body["data"]["en"]["translationStatus"]["complete"] is True
    slovenian = body["data"]["sl"]
    assert slovenian["locale"] == "sl"
    # The short description is left untranslated.
    assert slovenian["translationStatus"]["complete"] is False
    assert slovenian["translationStatus"]["untranslatedSegments"] == 1


def test_a_page_with_a_stopped_synced_translation_counts_as_edited_by_hand(
    translate, graphql, news_index
) -> None:
    from wagtail_localize.models import Translation

    page = make_news(news_index, "Volunteering week")
    translate(page, "sl", {"Volunteering week": "Teden prostovoljstva"})
    Translation.objects.filter(target_locale__language_code="sl").update(enabled=False)
    status = news_item(graphql, page.slug, "sl")["translationStatus"]
    assert status["complete"] is True
    assert status["sourceLocale"] == "sl"


@pytest.mark.usefixtures("without_write_side_indexes")
def test_a_list_costs_the_same_statements_for_10_and_100_items(
    translate, graphql, news_index
) -> None:
    """Items and the snippets they show (each its own category) are batched alike."""
    from snippets.categories.factories import CategoryFactory

    query = f"""query {{ news(locale: "sl", perPage: 100) {{
      items {{ locale {STATUS} categories {{ name {STATUS} }} }} }} }}"""
    counts = {}
    pages: list[Page] = []
    for size in (10, 100):
        while len(pages) < size:
            number = len(pages)
            category = CategoryFactory(name=f"Theme {number}")
            page = make_news(news_index, f"Item {number}", category=category)
            # One in five translated (partly), with its category (fully); the others are
            # served in English.
            if number % 5 == 0:
                translate(
                    category,
                    "sl",
                    {category.name: f"Tema {number}", category.description: "Projekti."},
                )
                translate(page, "sl", {page.title: f"Novica {number}"})
            pages.append(page)
        graphql(query)
        with CaptureQueriesContext(connection) as captured:
            body = graphql(query)
        assert "errors" not in body, body
        items = body["data"]["news"]["items"]
        assert len(items) == size
        counts[size] = len(captured.captured_queries)
        translated = [item for item in items if item["locale"] == "sl"]
        assert len(translated) == size // 5
        assert all(not item["translationStatus"]["complete"] for item in translated)
        assert all(
            item["translationStatus"]["complete"] for item in items if item not in translated
        )
        # Relations come in each item's language: the category's translation or original.
        assert all(item["categories"][0]["name"].startswith("Tema") for item in translated)
        assert all(item["categories"][0]["translationStatus"]["complete"] for item in items)
        assert {item["categories"][0]["translationStatus"]["sourceLocale"] for item in items} == {
            "en"
        }
    assert counts[10] == counts[100], counts


def test_statuses_come_from_one_query_whatever_the_list(
    translate, django_assert_num_queries
) -> None:
    """The batch itself: one statement for any number of items (plus locale codes once)."""
    from cms.graphql.translation_status import translation_statuses
    from snippets.categories.factories import CategoryFactory

    categories = [CategoryFactory(name=f"Theme {n}") for n in range(12)]
    for category in categories[:6]:
        translate(category, "sl", {category.name: f"Tema {category.name}"})
    versions = [
        version
        for category in categories
        for version in type(category).objects.filter(translation_key=category.translation_key)
    ]
    Locale.objects.count()  # the connection is warm
    with django_assert_num_queries(2):
        statuses = translation_statuses(versions)
    assert len(statuses) == 18
