"""The demo content says honestly how translated it is: items written from a Slovenian (or
Swedish) seed document are complete in that language; partial translations say they are."""

import io
from typing import Any

import pytest

from django.core.management import call_command

pytestmark = pytest.mark.django_db

#: Items whose seed document (/work/shared/seeds, named in each demo module) is Slovenian.
SLOVENIAN_SEEDS = {
    "news": ["municipality-on-a-visit", "novo-mesto-partner-in-shelter"],
    "projects": ["shelter"],
    "calls": ["esc-volunteering-projects", "esc-solidarity-projects"],
    "municipalities": [
        "ljubljana",
        "novo-mesto",
        "koper",
        "canepina",
        "gallese",
        "herceg-novi",
        "kelme",
        "laragne-monteglin",
    ],
    "organisations": [
        "center-mladih-koper",
        "mladinski-center-markovec",
        "urad-za-mladino-mol",
        "mladi-zmaji",
        "cmc-zalog",
        "mreza-mama",
        "movit",
        "city-of-novo-mesto",
        "drpd-novo-mesto",
        "zavod-boter",
        "drustvo-novo-mesto",
        "canepina",
        "gallese",
        "herceg-novi",
        "kelme",
        "laragne-monteglin",
    ],
}
#: Items whose seed document is Swedish (the VOLWE project page).
SWEDISH_SEEDS = {"projects": ["volwe"], "organisations": ["sern"]}


def statuses(graphql: Any, field: str, locale: str) -> dict[str, dict[str, Any]]:
    body = graphql(
        f"""query($l: String) {{ {field}(locale: $l, fallback: false, perPage: 100) {{
          items {{ slug locale translationStatus {{ complete untranslatedSegments }} }} }} }}""",
        {"l": locale},
    )
    assert "errors" not in body, body
    return {item["slug"]: item["translationStatus"] for item in body["data"][field]["items"]}


def test_demo_items_report_how_translated_they_are(
    graphql, home, django_capture_on_commit_callbacks, settings
) -> None:
    settings.CMS_GRAPHQL_CACHE_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())

    incomplete = []
    for locale, seeds in (("sl", SLOVENIAN_SEEDS), ("sv", SWEDISH_SEEDS)):
        for field, slugs in seeds.items():
            found = statuses(graphql, field, locale)
            for slug in slugs:
                assert slug in found, f"{field} {slug} is not published in {locale}"
                if not found[slug]["complete"]:
                    incomplete.append(f"{locale} {field} {slug}: {found[slug]}")
    assert not incomplete, "\n".join(incomplete)

    # The rest is honest: Swedish calls still show English summaries and bodies.
    swedish_calls = statuses(graphql, "calls", "sv")
    assert swedish_calls["esc-volunteering-projects"]["complete"] is False
    assert swedish_calls["esc-volunteering-projects"]["untranslatedSegments"] > 0
    # ... and so do national agencies from the English conference announcement in Slovenian.
    assert statuses(graphql, "organisations", "sl")["jugend-fur-europa"]["complete"] is False
    # Originals are complete.
    assert all(status["complete"] for status in statuses(graphql, "calls", "en").values())
