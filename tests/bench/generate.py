"""Load the benchmark data set once: 10,002 pages in English, Slovenian and Swedish, with
snippets and generated images.

English pages are created one by one with the plugins' factories, so every plugin's own
``save()`` and validation run. Their translations are made three ways, each timed: a sample
through ``copy_for_translation()`` and ``publish()``, a sample through wagtail-localize (as a
translator would), and the rest as bulk copies of the same rows (what ``copy_for_translation``
writes, without a revision per page) because one-by-one translation of 6,668 pages takes far
longer than the ten-minute budget (the measured per-page costs are in the summary).

Everything runs in one transaction, so the data set is either all there or not at all.
Background tasks (search and reference indexing) are switched off while pages are written;
the search index is rebuilt once at the end.

Run alone with ``python -m tests.bench.generate``; ``make bench`` calls :func:`ensure_dataset`.
"""

from __future__ import annotations

import copy
import datetime
import io
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

#: English pages per type; with two translations each, 3,334 x 3 = 10,002 pages.
FULL_SOURCE_PAGES = {
    "municipalities": 500,
    "projects": 700,
    "calls": 1000,
    "conferences": 300,
    "news": 834,
}
#: BENCH_SCALE=0.05 makes a small data set, for trying the tooling; figures need 1 (default).
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
SOURCE_PAGES = {name: max(12, round(count * SCALE)) for name, count in FULL_SOURCE_PAGES.items()}
TARGET_LANGUAGES = ("sl", "sv")
IMAGES = 200
PROGRAMMES = 12
ORGANISATIONS = 120
PEOPLE = 200
CATEGORIES = 12
COUNTRY_GROUPS = 4
#: Pages per language translated one by one with each Wagtail method, to time them.
SAMPLE_PER_METHOD = 5
SEED = 20_240_601
BATCH = 500

COUNTRIES = ["SI", "SE", "HR", "IT", "AT", "DE", "HU", "PL", "ES", "FI", "LT", "RS", "AL", "XK"]
TOWNS = [
    "Novo mesto",
    "Kranj",
    "Celje",
    "Piran",
    "Malmö",
    "Umeå",
    "Zadar",
    "Canepina",
    "Graz",
    "Pécs",
    "Gdańsk",
    "Tampere",
    "Kaunas",
    "Niš",
    "Berat",
    "Prizren",
]
THEMES = [
    "Volunteering",
    "Solidarity",
    "Inclusion",
    "Youth",
    "Climate",
    "Culture",
    "Democracy",
    "Memory",
    "Mobility",
    "Health",
    "Digital skills",
    "Heritage",
]
WORDS = [
    "green",
    "open",
    "shared",
    "local",
    "young",
    "active",
    "civic",
    "European",
    "neighbourly",
    "resilient",
]


class DatasetError(RuntimeError):
    """The benchmark database holds something other than a complete data set."""


@dataclass
class Summary:
    """What generation did and how long each part took, in seconds."""

    skipped: bool = False
    seconds: dict[str, float] = field(default_factory=dict)
    per_page_ms: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "skipped": self.skipped,
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "per_page_ms": {k: round(v, 1) for k, v in self.per_page_ms.items()},
            "counts": self.counts,
        }


@contextmanager
def timed(summary: Summary, name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.seconds[name] = summary.seconds.get(name, 0.0) + time.perf_counter() - start


def expected_pages() -> int:
    return sum(SOURCE_PAGES.values()) * (1 + len(TARGET_LANGUAGES))


def content_page_count() -> int:
    """Pages below the index pages (root is depth 1, home pages 2, index pages 3)."""
    from wagtail.models import Page

    return Page.objects.filter(depth__gte=4).count()


def dataset_counts() -> dict[str, int]:
    from django.apps import apps

    from wagtail.images import get_image_model
    from wagtail.models import Page

    counts = {"pages": content_page_count()}
    for label, model in (
        ("calls", "calls.CallPage"),
        ("conferences", "conferences.ConferencePage"),
        ("projects", "projects.ProjectPage"),
        ("municipalities", "municipalities.MunicipalityPage"),
        ("news", "news.NewsPage"),
        ("programmes", "programmes.Programme"),
        ("organisations", "organisations.Organisation"),
        ("people", "people.Person"),
        ("categories", "categories.Category"),
    ):
        counts[label] = apps.get_model(model).objects.count()
    counts["images"] = get_image_model().objects.count()
    counts["pages_en"] = Page.objects.filter(depth__gte=4, locale__language_code="en").count()
    return counts


def _write(line: str) -> None:
    sys.stdout.write(line + "\n")


def ensure_dataset(log: Callable[[str], None] = _write) -> Summary:
    """Generate the data set unless a complete one is already in the database."""
    summary = Summary()
    present = content_page_count()
    if present >= expected_pages():
        summary.skipped = True
        summary.counts = dataset_counts()
        log(f"Data set present ({present} pages); generation skipped.")
        return summary
    if present:
        raise DatasetError(
            f"The benchmark database has {present} content pages, not the {expected_pages()} "
            "of a complete data set. Start again with `make bench BENCH_ARGS=--reset` (drops "
            "and recreates the benchmark database only)."
        )
    generate(summary, log)
    summary.counts = dataset_counts()
    return summary


def generate(summary: Summary, log: Callable[[str], None]) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from wagtail.models import Page

    from cms.graphql.invalidation import invalidate_responses

    rng = random.Random(SEED)  # noqa: S311 - a repeatable data set, not secrets
    dummy_tasks = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    start = time.perf_counter()
    with override_settings(TASKS=dummy_tasks), transaction.atomic():
        with timed(summary, "images"):
            images = make_images(rng)
        log(f"  {len(images)} images ({summary.seconds['images']:.0f} s)")
        with timed(summary, "snippets"):
            snippets = make_snippets(rng)
        log(f"  snippets ({summary.seconds['snippets']:.0f} s)")
        with timed(summary, "english_pages"):
            indexes = make_english_pages(rng, images, snippets, log)
        english = sum(SOURCE_PAGES.values())
        summary.per_page_ms["factory_create"] = summary.seconds["english_pages"] / english * 1000
        log(f"  {english} English pages ({summary.seconds['english_pages']:.0f} s)")
        with timed(summary, "translations"):
            translate_pages(indexes, summary, log)
        log(f"  translations ({summary.seconds['translations']:.0f} s)")
        now = datetime.datetime.now(tz=datetime.UTC)
        Page.objects.filter(depth__gte=3, first_published_at__isnull=True).update(
            first_published_at=now, last_published_at=now
        )
        with timed(summary, "search_index"):
            call_command("update_index", verbosity=0)
        log(f"  search index ({summary.seconds['search_index']:.0f} s)")
    invalidate_responses()
    # After the commit, so anything Wagtail or wagtail-localize defers to it is checked too.
    with timed(summary, "tree_check"):
        problems = tree_problems()
    if problems:
        raise DatasetError(
            f"The page tree is inconsistent after generation ({'; '.join(problems)}); run "
            "`make bench BENCH_ARGS=--reset` and report it."
        )
    summary.seconds["total"] = time.perf_counter() - start


# --- Images and snippets ---------------------------------------------------------------------


def make_images(rng: random.Random) -> list[Any]:
    """Generated JPEGs (Pillow, locally): coloured fields with a few shapes, 1200x800."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    image_model = get_image_model()
    images = []
    for number in range(IMAGES):
        canvas = PillowImage.new("RGB", (1200, 800), _colour(rng))
        draw = ImageDraw.Draw(canvas)
        for _shape in range(6):
            x, y = rng.randrange(0, 1100), rng.randrange(0, 700)
            size = rng.randrange(60, 400)
            draw.ellipse((x, y, x + size, y + size), fill=_colour(rng))
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=80)
        image = image_model(
            title=f"Bench image {number}",
            file=ImageFile(buffer, name=f"bench-{number:03}.jpg"),
        )
        image._set_image_file_metadata()
        image.save()
        images.append(image)
    return images


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


@dataclass
class Snippets:
    """The English snippets pages refer to."""

    programmes: list[Any]
    actions: list[Any]
    organisations: list[Any]
    people: list[Any]
    categories: list[Any]
    country_groups: list[Any]


def make_snippets(rng: random.Random) -> Snippets:
    """English snippets through the factories; their translations as bulk copies."""
    from snippets.categories.factories import CategoryFactory
    from snippets.countries.factories import CountryGroupFactory
    from snippets.organisations.factories import OrganisationFactory
    from snippets.people.factories import PersonFactory
    from snippets.programmes.factories import ProgrammeActionFactory, ProgrammeFactory

    programmes = [
        ProgrammeFactory(name=f"Bench programme {n}", acronym=f"BP{n}") for n in range(PROGRAMMES)
    ]
    actions = [
        ProgrammeActionFactory(programme=programme, name=f"Action {n} of {programme.acronym}")
        for programme in programmes
        for n in range(2)
    ]
    organisations = [
        OrganisationFactory(
            name=f"Bench organisation {n}",
            city=rng.choice(TOWNS),
            country=rng.choice(COUNTRIES),
        )
        for n in range(ORGANISATIONS)
    ]
    people = [
        PersonFactory(name=f"Bench person {n}", organisation=rng.choice(organisations))
        for n in range(PEOPLE)
    ]
    categories = [CategoryFactory(name=f"{THEMES[n % len(THEMES)]} {n}") for n in range(CATEGORIES)]
    country_groups = [
        CountryGroupFactory(name=f"Bench country group {n}", countries=rng.sample(COUNTRIES, 5))
        for n in range(COUNTRY_GROUPS)
    ]
    for objects in (programmes, organisations, people, categories, country_groups):
        translate_snippets(objects)
    return Snippets(programmes, actions, organisations, people, categories, country_groups)


def translate_snippets(objects: list[Any]) -> None:
    """``copy_for_translation`` for each language, saved in one INSERT per batch."""
    from wagtail.models import Locale

    model = type(objects[0])
    label = "name" if hasattr(objects[0], "name") else None
    copies = []
    for code in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        for obj in objects:
            translated = obj.copy_for_translation(locale)
            if label:
                setattr(translated, label, f"{getattr(obj, label)} ({code})")
            copies.append(translated)
    model.objects.bulk_create(copies, batch_size=BATCH)


# --- English pages ---------------------------------------------------------------------------


def make_english_pages(
    rng: random.Random, images: list[Any], snippets: Snippets, log: Callable[[str], None]
) -> dict[str, Any]:
    """Index pages and content pages in the default language, through the factories."""
    from wagtail.models import Site

    from pages.calls.factories import CallIndexPageFactory
    from pages.conferences.factories import ConferenceIndexPageFactory
    from pages.municipalities.factories import MunicipalityIndexPageFactory
    from pages.news.factories import NewsIndexPageFactory
    from pages.projects.factories import ProjectIndexPageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    indexes = {
        "municipalities": MunicipalityIndexPageFactory(parent=home),
        "projects": ProjectIndexPageFactory(parent=home),
        "calls": CallIndexPageFactory(parent=home),
        "conferences": ConferenceIndexPageFactory(parent=home),
        "news": NewsIndexPageFactory(parent=home),
    }
    municipalities = [
        make_municipality(rng, indexes["municipalities"], n, images, snippets)
        for n in range(SOURCE_PAGES["municipalities"])
    ]
    log(f"    {len(municipalities)} municipalities")
    projects = [
        make_project(rng, indexes["projects"], n, municipalities, snippets)
        for n in range(SOURCE_PAGES["projects"])
    ]
    log(f"    {len(projects)} projects")
    for n in range(SOURCE_PAGES["calls"]):
        make_call(rng, indexes["calls"], n, projects, snippets)
    log(f"    {SOURCE_PAGES['calls']} calls")
    for n in range(SOURCE_PAGES["conferences"]):
        make_conference(rng, indexes["conferences"], n, snippets)
    log(f"    {SOURCE_PAGES['conferences']} conferences")
    for n in range(SOURCE_PAGES["news"]):
        make_news(rng, indexes["news"], n, images, projects, municipalities, snippets)
    log(f"    {SOURCE_PAGES['news']} news items")
    return indexes


def _title(rng: random.Random, kind: str, n: int) -> str:
    return f"{rng.choice(WORDS).capitalize()} {rng.choice(THEMES).lower()} {kind} {n}"


def _paragraph(text: str) -> list[dict[str, str]]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def make_municipality(
    rng: random.Random, index: Any, n: int, images: list[Any], snippets: Snippets
) -> Any:
    from pages.municipalities.factories import MunicipalityPageFactory

    town = f"{rng.choice(TOWNS)} {n}"
    return MunicipalityPageFactory(
        parent=index,
        title=town,
        slug=f"municipality-{n}",
        country=rng.choice(COUNTRIES),
        region=f"Region {n % 40}",
        population=rng.randrange(2_000, 400_000),
        latitude=Decimal(f"{rng.uniform(40, 66):.6f}"),
        longitude=Decimal(f"{rng.uniform(-5, 28):.6f}"),
        logo=rng.choice(images),
        contact=rng.choice(snippets.people),
        body=_paragraph(f"{town} takes part in the network's projects."),
    )


def make_project(
    rng: random.Random, index: Any, n: int, municipalities: list[Any], snippets: Snippets
) -> Any:
    from pages.projects.factories import (
        ProjectGoalFactory,
        ProjectPageFactory,
        ProjectPartnerFactory,
    )
    from pages.projects.models import ProjectPartner

    start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2000))
    programme = rng.choice(snippets.programmes)
    project = ProjectPageFactory(
        parent=index,
        title=_title(rng, "project", n),
        slug=f"project-{n}",
        programme=programme,
        coordinator=rng.choice(snippets.people),
        start_date=start,
        end_date=start + datetime.timedelta(days=rng.randrange(180, 900)),
        body=_paragraph("What the partners did together, and what changed."),
    )
    lead, partner = rng.sample(municipalities, 2)
    ProjectPartnerFactory(project=project, municipality=lead, role=ProjectPartner.Role.LEAD)
    ProjectPartnerFactory(project=project, municipality=partner)
    ProjectGoalFactory(project=project, text="Bring volunteers and municipalities together.")
    return project


def make_call(
    rng: random.Random, index: Any, n: int, projects: list[Any], snippets: Snippets
) -> Any:
    from django.utils import timezone

    from pages.calls.factories import CallPageFactory

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    opens_at = now + datetime.timedelta(days=rng.randrange(-200, 60))
    programme = rng.choice(snippets.programmes)
    return CallPageFactory(
        parent=index,
        title=_title(rng, "call", n),
        slug=f"call-{n}",
        programme=programme,
        programme_action=rng.choice(
            [a for a in snippets.actions if a.programme_id == programme.pk]
        ),
        opens_at=opens_at,
        deadline=opens_at + datetime.timedelta(days=rng.randrange(14, 120)),
        contact=rng.choice(snippets.people),
        related_project=rng.choice(projects) if n % 3 == 0 else None,
        eligible_countries=rng.sample(COUNTRIES, 3),
        eligible_country_groups=[rng.choice(snippets.country_groups)],
        body=_paragraph("What is funded, how to apply and how applications are assessed."),
    )


def make_conference(rng: random.Random, index: Any, n: int, snippets: Snippets) -> Any:
    from pages.conferences.factories import ConferenceObjectiveFactory, ConferencePageFactory

    starts_at = datetime.datetime(2020, 1, 1, 8, tzinfo=datetime.UTC) + datetime.timedelta(
        days=rng.randrange(0, 2500)
    )
    conference = ConferencePageFactory(
        parent=index,
        title=_title(rng, "conference", n),
        slug=f"conference-{n}",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(days=1, hours=8),
        application_deadline=starts_at - datetime.timedelta(days=30),
        main_organiser=rng.choice(snippets.organisations),
        contact=rng.choice(snippets.people),
    )
    ConferenceObjectiveFactory(page=conference, text="Share what works in volunteering.")
    return conference


def make_news(
    rng: random.Random,
    index: Any,
    n: int,
    images: list[Any],
    projects: list[Any],
    municipalities: list[Any],
    snippets: Snippets,
) -> Any:
    from pages.news.factories import NewsGalleryImageFactory, NewsPageFactory

    news = NewsPageFactory(
        parent=index,
        title=_title(rng, "news item", n),
        slug=f"news-{n}",
        date=datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2500)),
        author=rng.choice(snippets.people),
        categories=rng.sample(snippets.categories, 2),
        related_projects=[rng.choice(projects)],
        related_municipalities=[rng.choice(municipalities)],
        body=_paragraph("What happened, who took part and what comes next."),
    )
    NewsGalleryImageFactory(page=news, image=rng.choice(images))
    return news


# --- Translations ----------------------------------------------------------------------------


def translate_pages(indexes: dict[str, Any], summary: Summary, log: Callable[[str], None]) -> None:
    """Index pages through wagtail-localize; content pages by the three timed methods."""
    from wagtail.models import Locale

    locales = [Locale.objects.get(language_code=code) for code in TARGET_LANGUAGES]
    for index in indexes.values():
        for locale in locales:
            code = locale.language_code
            localize(index, code, {index.title: f"{index.title} ({code})"})
    calls = list(indexes["calls"].get_children().specific().order_by("path"))
    timings: dict[str, list[float]] = {"copy_for_translation_publish": [], "wagtail_localize": []}
    for locale in locales:
        for page in calls[:SAMPLE_PER_METHOD]:
            start = time.perf_counter()
            translated = page.copy_for_translation(locale)
            translated.title = translated.draft_title = f"{page.title} ({locale.language_code})"
            translated.save_revision().publish()
            timings["copy_for_translation_publish"].append(time.perf_counter() - start)
        for page in calls[SAMPLE_PER_METHOD : 2 * SAMPLE_PER_METHOD]:
            start = time.perf_counter()
            code = locale.language_code
            localize(page, code, {page.title: f"{page.title} ({code})"})
            timings["wagtail_localize"].append(time.perf_counter() - start)
    for method, seconds in timings.items():
        summary.per_page_ms[method] = sum(seconds) / len(seconds) * 1000
    start = time.perf_counter()
    copied = 0
    for index in indexes.values():
        for locale in locales:
            copied += copy_children_in_bulk(index, locale)
    summary.per_page_ms["bulk_copy"] = (time.perf_counter() - start) / copied * 1000
    summary.counts["translated_one_by_one"] = sum(len(s) for s in timings.values())
    summary.counts["translated_in_bulk"] = copied
    log(
        "    per page: "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in summary.per_page_ms.items())
    )


def localize(page: Any, code: str, texts: dict[str, str]) -> Any:
    """Translate ``page`` through wagtail-localize and publish it at once.

    wagtail-localize's own publishing waits for the transaction to commit, then saves the
    page as it was when translated, so an index page would lose the children counted since.
    """
    from cms.translation import translate

    translated = translate(page, code, texts, publish=False)
    translated.get_latest_revision().publish()
    return translated


def tree_problems() -> list[str]:
    """What bulk copying could get wrong in the page tree, checked in a few queries.

    ``Page.find_problems()`` does the same with a query per page (minutes at this size).
    """
    from django.db.models import F
    from django.db.models.functions import Length

    from wagtail.models import Page

    problems = []
    wrong_depth = Page.objects.annotate(length=Length("path")).exclude(
        length=F("depth") * Page.steplen
    )
    if wrong_depth.exists():
        problems.append(f"depth does not match path for pages {list(wrong_depth[:5])}")
    for node in Page.objects.filter(depth__lte=3):
        children = Page.objects.child_of(node).count()
        if node.numchild != children:
            problems.append(f"{node} (id {node.pk}) counts {node.numchild} children of {children}")
    if Page.objects.filter(depth__gte=4, numchild__gt=0).exists():
        problems.append("content pages report children they do not have")
    orphans = Page.objects.filter(depth__gte=4).exclude(
        path__regex=r"^("
        + "|".join(Page.objects.filter(depth=3).values_list("path", flat=True))
        + r")[0-9A-Z]{4}$"
    )
    if orphans.exists():
        problems.append(f"pages outside every index page: {list(orphans[:5])}")
    return problems


def copy_children_in_bulk(index: Any, locale: Any) -> int:
    """Translate every child of ``index`` not yet in ``locale`` with bulk INSERTs.

    Writes what ``copy_for_translation`` + ``publish`` write for the page itself (the base
    page row with a tree path under the translated index, the type's own row, its
    many-to-many rows and its inline child rows, translatable ones moved to ``locale``) but
    no revision or log entry. ``Page.find_problems()`` checks the tree afterwards.
    """
    from django.db.models import F

    from modelcluster.models import get_all_child_relations
    from wagtail.models import Page, TranslatableMixin

    parent = Page.objects.get(translation_key=index.translation_key, locale=locale)
    done = set(
        Page.objects.child_of(parent).values_list("translation_key", flat=True),
    )
    sources = [
        page
        for page in index.get_children().specific().order_by("path")
        if page.translation_key not in done
    ]
    if not sources:
        return 0
    model = type(sources[0])
    last = Page.objects.child_of(parent).order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    now = datetime.datetime.now(tz=datetime.UTC)
    code = locale.language_code
    base_rows = []
    for offset, source in enumerate(sources, start=1):
        row = Page()
        for page_field in Page._meta.concrete_fields:
            setattr(row, page_field.attname, getattr(source, page_field.attname))
        title = f"{source.title} ({code})"
        row.id = None
        row.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        row.depth = parent.depth + 1
        row.numchild = 0
        row.locale_id = locale.pk
        row.title = row.draft_title = title
        row.url_path = f"{parent.url_path}{source.slug}/"
        row.live = True
        row.has_unpublished_changes = False
        row.first_published_at = row.last_published_at = now
        row.latest_revision_id = row.live_revision_id = None
        row.latest_revision_created_at = None
        row.alias_of_id = None
        base_rows.append(row)
    Page.objects.bulk_create(base_rows, batch_size=BATCH)
    new_id = {source.pk: row.pk for source, row in zip(sources, base_rows, strict=True)}

    own_fields = model._meta.local_concrete_fields
    specific_rows = []
    for source, row in zip(sources, base_rows, strict=True):
        specific = copy.copy(source)
        specific.page_ptr_id = row.pk
        specific.pk = row.pk
        specific_rows.append(specific)
    for start in range(0, len(specific_rows), BATCH):
        # bulk_create refuses multi-table models; this is the INSERT save_base(raw=True) runs.
        model._base_manager._insert(
            specific_rows[start : start + BATCH], fields=own_fields, raw=True, using="default"
        )

    for m2m in model._meta.local_many_to_many:
        through = m2m.remote_field.through
        source_column = through._meta.get_field(m2m.m2m_field_name()).attname
        target_column = through._meta.get_field(m2m.m2m_reverse_field_name()).attname
        pairs = through.objects.filter(**{f"{source_column}__in": list(new_id)}).values_list(
            source_column, target_column
        )
        through.objects.bulk_create(
            [through(**{source_column: new_id[a], target_column: b}) for a, b in pairs],
            batch_size=BATCH,
        )

    for relation in get_all_child_relations(model):
        child_model = relation.related_model
        if child_model._meta.app_label != model._meta.app_label:
            continue  # Wagtail's own (comments): copy_for_translation leaves them out too
        key = relation.field.attname
        clones = []
        for child in child_model.objects.filter(**{f"{key}__in": list(new_id)}):
            child.pk = None
            setattr(child, key, new_id[getattr(child, key)])
            if isinstance(child, TranslatableMixin):
                child.locale_id = locale.pk
            clones.append(child)
        child_model.objects.bulk_create(clones, batch_size=BATCH)

    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(sources))
    return len(sources)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.bench.settings")
    import django

    django.setup()
    summary = ensure_dataset()
    sys.stdout.write(json.dumps(summary.as_dict(), indent=2) + "\n")


if __name__ == "__main__":
    main()
