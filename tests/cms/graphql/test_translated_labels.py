"""Choice labels (roleLabel, kindLabel, formatLabel, networkLabel, statusLabel) come in the
language the partner asked for, per top-level field, whatever language the item is in."""

import datetime
from typing import Any

import pytest

from django.utils import timezone

from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home: Page) -> dict[str, Any]:
    """English items only: Slovenian and Swedish requests get them through the fallback."""
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory
    from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
    from pages.projects.factories import (
        ProjectIndexPageFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )
    from pages.projects.models import ProjectPartner
    from snippets.organisations.factories import (
        OrganisationFactory,
        OrganisationSocialLinkFactory,
    )
    from snippets.organisations.models import Organisation

    organisation = OrganisationFactory(
        name="Zavod Voluntariat", slug="voluntariat", kind=Organisation.Kind.NGO
    )
    OrganisationSocialLinkFactory(
        organisation=organisation, network="website", url="https://voluntariat.example/"
    )
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), slug="shelter")
    ProjectPartnerFactory(project=project, organisation=organisation, role=ProjectPartner.Role.LEAD)
    ProjectPartnerFactory(
        project=project, organisation=organisation, role=ProjectPartner.Role.PARTNER
    )
    project.save_revision().publish()
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), slug="conference", format="online"
    )
    conference.save_revision().publish()
    now = timezone.now()
    call = CallPageFactory(
        parent=CallIndexPageFactory(parent=home),
        slug="open-call",
        opens_at=now - datetime.timedelta(days=1),
        deadline=now + datetime.timedelta(days=10),
    )
    call.save_revision().publish()
    return {"project": project, "organisation": organisation}


QUERY = """query($l: String) {
  project(slug: "shelter", locale: $l) { locale partners { roleLabel } }
  organisation(slug: "voluntariat", locale: $l) { kindLabel socialLinks { networkLabel } }
  conference(slug: "conference", locale: $l) { formatLabel }
  call(slug: "open-call", locale: $l) { statusLabel }
}"""

EXPECTED = {
    "en": (["Lead partner", "Partner"], "Non-governmental organisation", "Other website"),
    "sl": (["Vodilni partner", "Partner"], "Nevladna organizacija", "Druga spletna stran"),
    "sv": (["Huvudpartner", "Partner"], "Ideell organisation", "Annan webbplats"),
}
FORMATS = {"en": "Online", "sl": "Na spletu", "sv": "Digitalt"}
STATUSES = {"en": "Open", "sl": "Odprt", "sv": "Öppen"}


@pytest.mark.parametrize("language", ["en", "sl", "sv"])
def test_labels_follow_the_requested_language(graphql, content, language) -> None:
    body = graphql(QUERY, {"l": language})
    assert "errors" not in body, body
    data = body["data"]
    roles, kind, network = EXPECTED[language]
    assert data["project"]["locale"] == "en"  # the item itself is the English fallback
    assert [row["roleLabel"] for row in data["project"]["partners"]] == roles
    assert data["organisation"]["kindLabel"] == kind
    assert data["organisation"]["socialLinks"] == [{"networkLabel": network}]
    assert data["conference"]["formatLabel"] == FORMATS[language]
    assert data["call"]["statusLabel"] == STATUSES[language]


def test_each_top_level_field_keeps_its_own_language(graphql, content) -> None:
    body = graphql(
        """{
          sl: project(slug: "shelter", locale: "sl") { partners { roleLabel } }
          sv: project(slug: "shelter", locale: "sv") { partners { roleLabel } }
          en: project(slug: "shelter") { partners { roleLabel } }
          again: organisation(slug: "voluntariat", locale: "sl") { kindLabel }
        }"""
    )
    assert "errors" not in body, body
    data = body["data"]
    assert data["sl"]["partners"][0]["roleLabel"] == "Vodilni partner"
    assert data["sv"]["partners"][0]["roleLabel"] == "Huvudpartner"
    assert data["en"]["partners"][0]["roleLabel"] == "Lead partner"
    assert data["again"]["kindLabel"] == "Nevladna organizacija"


def test_labels_of_a_translated_item_follow_the_request(graphql, content) -> None:
    from cms.translation import translate

    translate(content["organisation"], "sl", {"Zavod Voluntariat": "Zavod Voluntariat (sl)"})
    body = graphql(
        '{ organisations(locale: "sl", fallback: false) { items { name locale kindLabel } } }'
    )
    assert body["data"]["organisations"]["items"] == [
        {"name": "Zavod Voluntariat (sl)", "locale": "sl", "kindLabel": "Nevladna organizacija"}
    ]
