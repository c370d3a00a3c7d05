"""Programmes, country groups and organisations go live as published: drafts, scheduling and the
call moderation workflow in the admin, the published version only in the API, through every
relation that reaches them."""

import datetime
from typing import Any

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, WorkflowContentType

from cms.editorial.groups import translator_group_name
from cms.editorial.permissions import can_publish
from snippets.countries.factories import CountryGroupFactory
from snippets.countries.models import CountryGroup
from snippets.organisations.factories import OrganisationFactory, QualityLabelFactory
from snippets.organisations.models import Organisation
from snippets.people.factories import PersonFactory
from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory
from snippets.programmes.models import Programme
from tests.snippets.base import snippet_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """Run what waits for the commit (the content generation's advance) as it happens."""

    def run() -> Any:
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def unpublish(committed: Any) -> Any:
    """Unpublish a snippet as the admin's Unpublish does, through to the commit."""

    def run(snippet: Any) -> None:
        with committed():
            snippet.unpublish()
        snippet.refresh_from_db()

    return run


@pytest.fixture
def esc() -> Programme:
    programme = ProgrammeFactory(name="European Solidarity Corps", acronym="ESC")
    ProgrammeActionFactory(programme=programme, name="Volunteering projects")
    return programme


@pytest.fixture
def balkans() -> CountryGroup:
    return CountryGroupFactory(name="Western Balkans", slug="western-balkans", countries=["AL"])


@pytest.fixture
def call(home: Page, esc: Programme, balkans: CountryGroup) -> Page:
    from pages.calls.factories import CallIndexPageFactory, CallPageFactory

    index = CallIndexPageFactory(parent=home)
    call = CallPageFactory(
        parent=index,
        slug="volunteers",
        programme=esc,
        programme_action=esc.actions.first(),
        eligible_countries=["SI"],
    )
    call.eligible_country_groups.add(balkans)
    call.save_revision().publish()
    return call


CALL = """{ call(slug: "volunteers") {
    programme { name } programmeAction { name }
    eligibleCountryGroups { name } allEligibleCountries { code }
} }"""


def test_existing_snippets_are_live_and_served(call, graphql) -> None:
    """Rows that existed before drafts (the migration's default) stay live."""
    assert Programme.objects.get(slug="european-solidarity-corps").live
    assert graphql(CALL)["data"]["call"] == {
        "programme": {"name": "European Solidarity Corps"},
        "programmeAction": {"name": "Volunteering projects"},
        "eligibleCountryGroups": [{"name": "Western Balkans"}],
        "allEligibleCountries": [{"code": "AL"}, {"code": "SI"}],
    }


# --- The admin: a draft leaves the API's answer; publishing and unpublishing change it -------


def programme_form(programme: Programme, name: str, **actions: Any) -> dict[str, Any]:
    action = programme.actions.first()
    return {
        "name": name,
        "acronym": programme.acronym,
        "slug": programme.slug,
        "description": "",
        "website": "",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "1",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
        "actions-0-id": str(action.pk),
        "actions-0-ORDER": "1",
        "actions-0-DELETE": "",
        "actions-0-name": action.name,
        "actions-0-slug": action.slug,
        "actions-0-description": "",
        **actions,
    }


def test_a_draft_keeps_the_published_programme_until_it_is_published(
    call, esc, graphql, admin_client: Client, committed
) -> None:
    query = '{ programme(slug: "european-solidarity-corps") { name } }'
    assert graphql(query)["data"]["programme"] == {"name": "European Solidarity Corps"}
    edit = snippet_url(Programme, "edit", esc.pk)

    with committed():
        response = admin_client.post(edit, programme_form(esc, "Draft name nobody sees"))

    assert response.status_code == 302
    esc.refresh_from_db()
    assert esc.has_unpublished_changes
    assert esc.latest_revision.as_object().name == "Draft name nobody sees"
    assert graphql(query)["data"]["programme"] == {"name": "European Solidarity Corps"}
    assert graphql(CALL)["data"]["call"]["programme"] == {"name": "European Solidarity Corps"}

    with committed():
        admin_client.post(
            edit, programme_form(esc, "Published name", **{"action-publish": "action-publish"})
        )

    # The cached answers are gone with the publish.
    assert graphql(query)["data"]["programme"] == {"name": "Published name"}
    assert graphql(CALL)["data"]["call"]["programme"] == {"name": "Published name"}


def test_unpublishing_a_programme_hides_it_from_every_answer(
    call, esc, graphql, admin_client: Client, committed
) -> None:
    query = """{ programme(slug: "european-solidarity-corps") { name }
        programmes { items { name } } }"""
    assert graphql(query)["data"]["programmes"]["items"] == [{"name": "European Solidarity Corps"}]

    with committed():
        response = admin_client.post(snippet_url(Programme, "unpublish", esc.pk))

    assert response.status_code == 302
    esc.refresh_from_db()
    assert not esc.live
    data = graphql(query)["data"]
    assert data == {"programme": None, "programmes": {"items": []}}
    call_data = graphql(CALL)
    assert "errors" not in call_data
    assert call_data["data"]["call"]["programme"] is None
    assert call_data["data"]["call"]["programmeAction"] is None


def test_a_new_snippet_is_a_draft_until_published(graphql, admin_client: Client) -> None:
    response = admin_client.post(
        f"{snippet_url(CountryGroup, 'add')}?locale=en",
        {"name": "Nordic countries", "slug": "nordic", "description": "", "countries": ["SE"]},
    )

    assert response.status_code == 302
    group = CountryGroup.objects.get(slug="nordic")
    assert not group.live
    assert graphql('{ countryGroup(slug: "nordic") { name } }')["data"]["countryGroup"] is None
    assert graphql("{ countryGroups { items { name } } }")["data"]["countryGroups"]["items"] == []


def test_a_scheduled_country_group_waits_for_its_time(
    graphql, admin_client: Client, balkans
) -> None:
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    response = admin_client.post(
        snippet_url(CountryGroup, "edit", balkans.pk),
        {
            "name": "Western Balkans",
            "slug": "western-balkans",
            "description": "",
            "countries": ["AL", "RS"],
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "expire_at": "",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    balkans.refresh_from_db()
    # A row live from before drafts stays live, as it was, until the time comes.
    assert balkans.live
    assert balkans.country_codes() == ["AL"]
    assert balkans.latest_revision.approved_go_live_at is not None
    query = '{ countryGroup(slug: "western-balkans") { countries { code } } }'
    assert graphql(query)["data"]["countryGroup"] == {"countries": [{"code": "AL"}]}


def test_an_expired_programme_is_hidden_at_once(call, esc, graphql) -> None:
    Programme.objects.filter(pk=esc.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert graphql('{ programme(slug: "european-solidarity-corps") { name } }')["data"] == {
        "programme": None
    }
    assert graphql(CALL)["data"]["call"]["programme"] is None


def test_an_editor_can_lock_a_programme(esc, admin_client: Client, admin_user) -> None:
    response = admin_client.post(snippet_url(Programme, "lock", esc.pk))

    assert response.status_code == 302
    esc.refresh_from_db()
    assert esc.locked
    assert esc.locked_by == admin_user


# --- The call moderation workflow -------------------------------------------------------------


@pytest.mark.parametrize("model", [Programme, CountryGroup, Organisation])
def test_reviewed_snippets_go_through_call_moderation(model) -> None:
    """Assigned after migrate, as the call index pages' workflow is."""
    from cms.editorial.moderation import provision_sections

    provision_sections()

    assignment = WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(model)
    )
    assert assignment.workflow.name == "Call moderation"
    moderators = Group.objects.get(name="Call moderators")
    codenames = set(moderators.permissions.values_list("codename", flat=True))
    name = model._meta.model_name
    assert {f"change_{name}", f"publish_{name}", f"lock_{name}"} <= codenames


def test_an_editor_submits_a_country_group_and_a_moderator_publishes_it(
    balkans, graphql, committed, django_user_model
) -> None:
    from cms.editorial.moderation import provision_sections

    provision_sections()
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = django_user_model.objects.create_user("moderator", password="x")
    moderator.groups.add(Group.objects.get(name="Call moderators"))
    editor_client, moderator_client = Client(), Client()
    editor_client.force_login(editor)
    moderator_client.force_login(moderator)
    edit = snippet_url(CountryGroup, "edit", balkans.pk)
    form = {"name": "Western Balkans", "slug": "western-balkans", "description": ""}

    # Editors have no right to publish: their Publish is refused, their submission goes in.
    editor_client.post(edit, {**form, "countries": ["AL", "RS"], "action-publish": "1"})
    balkans.refresh_from_db()
    assert balkans.country_codes() == ["AL"]
    assert not can_publish(editor, balkans)
    with committed():
        editor_client.post(edit, {**form, "countries": ["AL", "RS"], "action-submit": "1"})
    balkans.refresh_from_db()
    assert balkans.current_workflow_state.status == "in_progress"
    assert balkans.country_codes() == ["AL"]
    query = '{ countryGroup(slug: "western-balkans") { countries { code } } }'
    assert graphql(query)["data"]["countryGroup"] == {"countries": [{"code": "AL"}]}

    task_state = balkans.current_workflow_state.current_task_state
    with committed():
        response = moderator_client.post(
            snippet_url(CountryGroup, "workflow_action", balkans.pk, "approve", task_state.pk),
            {"comment": ""},
        )

    assert response.status_code in (200, 302)
    balkans.refresh_from_db()
    assert balkans.country_codes() == ["AL", "RS"]
    assert graphql(query)["data"]["countryGroup"] == {"countries": [{"code": "AL"}, {"code": "RS"}]}


# --- Translators cannot publish past moderation ------------------------------------------------


def test_a_translator_cannot_publish_a_programme_translation(
    esc, locales, django_user_model, translate_to
) -> None:
    from wagtail_localize.models import Translation

    from cms.editorial.groups import provision

    provision()
    translator = django_user_model.objects.create_user("translator", password="x")
    translator.groups.add(Group.objects.get(name=translator_group_name("sl")))
    slovenian = translate_to(esc, "sl", {"European Solidarity Corps": "Evropska solidarnostna"})
    assert not translator.has_perm("programmes.publish_programme")
    assert not can_publish(translator, slovenian)

    client = Client()
    client.force_login(translator)
    translation = Translation.objects.get(source__object_id=esc.translation_key)
    assert translation.target_locale.language_code == "sl"
    # For a translated snippet, wagtail-localize's translation editor is its edit view.
    response = client.post(snippet_url(Programme, "edit", slovenian.pk), {"action": "publish"})

    assert response.status_code == 403
    slovenian.refresh_from_db()
    assert slovenian.name == "Evropska solidarnostna"
    assert not Permission.objects.filter(
        group__name=translator_group_name("sl"), codename="publish_programme"
    ).exists()


# --- Translations: each language's published version -----------------------------------------


def test_a_slovenian_draft_leaves_slovenian_readers_the_published_version(
    call, esc, graphql, translate_to, committed
) -> None:
    slovenian = translate_to(esc, "sl", {"European Solidarity Corps": "Evropska solidarnostna"})
    query = '{ programme(slug: "european-solidarity-corps", locale: "sl") { name locale } }'
    assert graphql(query)["data"]["programme"] == {"name": "Evropska solidarnostna", "locale": "sl"}

    slovenian.name = "Osnutek"
    with committed():
        slovenian.save_revision()
    assert graphql(query)["data"]["programme"]["name"] == "Evropska solidarnostna"

    with committed():
        slovenian.unpublish()
    # Unpublished in Slovenian: Slovenian readers get the English one, as for a missing one.
    assert graphql(query)["data"]["programme"] == {
        "name": "European Solidarity Corps",
        "locale": "en",
    }
    english = graphql(
        '{ programme(slug: "european-solidarity-corps") { translations { locale } } }'
    )["data"]["programme"]
    assert english["translations"] == []


def test_a_translation_saved_offline_leaves_the_cached_answers_at_once(
    call, esc, client: Client, translate_to, committed, settings
) -> None:
    """wagtail-localize's sync without publishing saves a snippet's translation with
    ``live=False`` and sends no unpublish signal: the cached answer must not outlive it."""
    settings.CMS_GRAPHQL_CACHE_SECONDS = 60
    slovenian = translate_to(esc, "sl", {"European Solidarity Corps": "Evropska solidarnostna"})
    query = {"query": '{ programme(slug: "european-solidarity-corps", locale: "sl") { name } }'}

    def answer() -> Any:
        return client.get("/graphql/", query).json()["data"]["programme"]

    assert answer() == {"name": "Evropska solidarnostna"}
    assert client.get("/graphql/", query)["X-Cache"] == "hit"

    slovenian.live = False
    with committed():
        slovenian.save()
    assert answer() == {"name": "European Solidarity Corps"}


# --- Every relation that reaches an unpublished snippet ----------------------------------------


def test_an_unpublished_country_group_makes_nobody_eligible(
    call, balkans, graphql, unpublish
) -> None:
    query = """{ calls(eligibleCountry: "AL") { items { title } }
        countryGroups(country: "AL") { items { name } } }"""
    assert len(graphql(query)["data"]["calls"]["items"]) == 1

    unpublish(balkans)

    data = graphql(query)["data"]
    assert data == {"calls": {"items": []}, "countryGroups": {"items": []}}
    call_data = graphql(CALL)["data"]["call"]
    assert call_data["eligibleCountryGroups"] == []
    assert call_data["allEligibleCountries"] == [{"code": "SI"}]
    agenda = graphql(
        """{ agenda(from: "2000-01-01", to: "2000-12-31", eligibleCountry: "AL") {
            items { __typename } } }"""
    )
    assert "errors" not in agenda


def test_calls_cannot_be_filtered_by_an_unpublished_programme(
    call, esc, graphql, unpublish
) -> None:
    query = '{ calls(programme: "european-solidarity-corps") { items { title } } }'
    assert len(graphql(query)["data"]["calls"]["items"]) == 1

    unpublish(esc)

    assert graphql(query)["data"]["calls"]["items"] == []


def test_an_unpublished_organisation_leaves_every_relation(home: Page, graphql, unpublish) -> None:
    from pages.conferences.factories import ConferenceIndexPageFactory, ConferencePageFactory
    from pages.municipalities.factories import (
        MunicipalityIndexPageFactory,
        MunicipalityPageFactory,
    )
    from pages.projects.factories import (
        ProjectIndexPageFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )

    centre = OrganisationFactory(name="MC Koper", slug="mc-koper", kind="youth_centre")
    PersonFactory(name="Ana", slug="ana", organisation=centre)
    conference = ConferencePageFactory(
        parent=ConferenceIndexPageFactory(parent=home), slug="meeting", main_organiser=centre
    )
    conference.initiators.add(centre)
    conference.save_revision().publish()
    municipality = MunicipalityPageFactory(
        parent=MunicipalityIndexPageFactory(parent=home), slug="koper", organisation=centre
    )
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), slug="shelter")
    ProjectPartnerFactory(project=project, organisation=centre, municipality=None)
    project.save_revision().publish()
    municipality.save_revision().publish()
    query = """{
        conference(slug: "meeting") { mainOrganiser { name } initiators { name } }
        municipality(slug: "koper") { organisation { name } }
        project(slug: "shelter") { partners { organisation { name } } }
        person(slug: "ana") { organisation { name } }
        organisation(slug: "mc-koper") { name }
        organisations { items { name } }
        search(query: "Koper") { snippets { ... on Organisation { name } } }
    }"""
    before = graphql(query)
    assert "errors" not in before, before
    assert before["data"]["conference"]["mainOrganiser"] == {"name": "MC Koper"}
    assert before["data"]["person"]["organisation"] == {"name": "MC Koper"}
    assert {"name": "MC Koper"} in before["data"]["search"]["snippets"]

    unpublish(centre)

    after = graphql(query)
    assert "errors" not in after, after
    data = after["data"]
    assert data["conference"] == {"mainOrganiser": None, "initiators": []}
    assert data["municipality"] == {"organisation": None}
    assert data["project"] == {"partners": [{"organisation": None}]}
    assert data["person"] == {"organisation": None}
    assert data["organisation"] is None
    assert data["organisations"] == {"items": []}
    assert {"name": "MC Koper"} not in data["search"]["snippets"]


def test_a_quality_labels_unpublished_programme_is_null(esc, graphql, unpublish) -> None:
    centre = OrganisationFactory(name="MC Koper", slug="mc-koper")
    QualityLabelFactory(organisation=centre, programme=esc)
    query = '{ organisation(slug: "mc-koper") { qualityLabels { programme { name } } } }'
    assert graphql(query)["data"]["organisation"]["qualityLabels"] == [
        {"programme": {"name": "European Solidarity Corps"}}
    ]

    unpublish(esc)

    assert graphql(query)["data"]["organisation"]["qualityLabels"] == [{"programme": None}]


def test_a_projects_unpublished_programme_is_null(home: Page, esc, graphql, unpublish) -> None:
    from pages.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home),
        slug="shelter",
        programme=esc,
        programme_action=esc.actions.first(),
    )
    project.save_revision().publish()
    query = """{ project(slug: "shelter") { programme { name } programmeAction { name } }
        projects(programme: "european-solidarity-corps") { items { title } } }"""
    assert graphql(query)["data"]["project"]["programme"] == {"name": "European Solidarity Corps"}

    unpublish(esc)

    data = graphql(query)["data"]
    assert data["project"] == {"programme": None, "programmeAction": None}
    assert data["projects"]["items"] == []
