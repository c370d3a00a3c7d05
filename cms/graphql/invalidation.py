"""Drop cached GraphQL responses when, and only when, what the public can see has changed.

Cached responses are keyed by a content generation kept in the database (one row of
``cms.ContentGeneration``), so a publish in any process (a second worker, ``publish_scheduled``
from cron, a shell) reaches every other one, with or without a shared cache.

The generation advances after the change commits, once per transaction however many signals
it sends: a rolled-back publish invalidates nothing, and no reader can store the old content
under the new generation. Outside a transaction each save commits, and advances, on its own.

Only changes the public can see count: publishing, unpublishing (expiry included), moving
and deleting live pages, view restrictions, collections, images, snippets and the rows of live
pages the API serves. Draft revisions, autosave, locks and new draft pages leave the cache.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.signals import unpublished

#: Fields only editors see: saving nothing but these never changes an API response.
EDITORIAL_FIELDS = frozenset(
    {
        # Page.save_revision() and RevisionMixin (drafts and autosave)
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        # LockableMixin (locking and workflow locks)
        "locked",
        "locked_at",
        "locked_by",
        # Bookkeeping Wagtail writes when it first measures an image or document file
        "file_size",
        "file_hash",
    }
)


def content_generation() -> int:
    """The current generation: one primary-key read, part of every response cache key."""
    from cms.models import ContentGeneration

    value = (
        ContentGeneration.objects.filter(pk=ContentGeneration.ROW)
        .values_list("value", flat=True)
        .first()
    )
    return value or 0


def generation_and_locales() -> tuple[int, dict[int, Any]]:
    """The current generation and every locale by primary key, in one statement: a GraphQL
    request needs both (the cache key, then the locales its arguments name)."""
    from django.db.models import Subquery

    from wagtail.models import Locale

    from cms.models import ContentGeneration

    generation = ContentGeneration.objects.filter(pk=ContentGeneration.ROW).values("value")[:1]
    locales = list(Locale.objects.order_by("pk").annotate(cms_generation=Subquery(generation)))
    if not locales:
        return content_generation(), {}
    return locales[0].cms_generation or 0, {locale.pk: locale for locale in locales}


def advance_generation() -> None:
    """Advance the generation now, atomically (UPDATE ... SET value = value + 1)."""
    from cms.models import ContentGeneration

    rows = ContentGeneration.objects.filter(pk=ContentGeneration.ROW)
    if rows.update(value=F("value") + 1):
        return
    try:  # the row is missing (a flushed database): create it, unless another process did
        with transaction.atomic():
            ContentGeneration.objects.create(pk=ContentGeneration.ROW, value=1)
    except IntegrityError:
        rows.update(value=F("value") + 1)


#: Sent once the generation has advanced (after commit): caches outside the app follow it.
responses_invalidated = Signal()


class _Batch:
    """One pending advance, shared by every change of one transaction."""

    def __init__(self) -> None:
        self.done = False

    def run(self) -> None:
        if not self.done:
            self.done = True
            advance_generation()
            # A receiver that fails (a proxy that cannot be purged) never fails the publish.
            responses_invalidated.send_robust(sender=_Batch)


class _PendingBatch(threading.local):
    batch: _Batch | None = None


_pending = _PendingBatch()


def invalidate_responses() -> None:
    """Advance the generation when the current transaction commits (at once outside one)."""
    # Every change registers the shared batch's callback, so a batch left pending by a rolled
    # back transaction (whose callbacks Django discarded) still runs with the next commit.
    batch = _pending.batch
    if batch is None or batch.done:
        batch = _pending.batch = _Batch()
    # robust: a failure after commit is logged by Django; the publish itself has succeeded.
    transaction.on_commit(batch.run, robust=True)


def _saved(sender: type[Model], instance: Model, update_fields: Any = None, **kwargs: Any) -> None:
    if not _served_by_api(sender):
        return
    if update_fields is not None and set(update_fields) <= EDITORIAL_FIELDS:
        return
    if _is_public(instance):
        invalidate_responses()


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _served_by_api(sender) and _is_public(instance):
        invalidate_responses()


def _unpublished(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if _served_by_api(sender):
        invalidate_responses()


def _is_public(instance: Model) -> bool:
    """Whether the public could see ``instance`` as it is now saved (or was, until deleted)."""
    from wagtail.models import DraftStateMixin

    # A draft (a new page, a page never published) is invisible; saving it changes nothing
    # public. Unpublishing saves a draft too: the `unpublished` signal covers it.
    if isinstance(instance, DraftStateMixin):
        return bool(instance.live)
    parent = _parent_page(instance)
    if parent is not None:
        return bool(parent.live)
    return True


def _parent_page(instance: Model) -> Any:
    """The page an inline row (gallery image, project partner) belongs to, if any."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import Page

    for field in instance._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            try:
                return getattr(instance, field.name)
            except ObjectDoesNotExist:  # deleted with its page: the page's delete counts
                return None
    return None


def _served_by_api(model: type) -> bool:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.snippets.models import get_snippet_models

    return (
        # A collection moved under a private one makes its images and documents private; a
        # site's root page decides what `page(urlPath:)` finds.
        issubclass(
            model,
            Page
            | AbstractImage
            | AbstractDocument
            | PageViewRestriction
            | Collection
            | CollectionViewRestriction
            | Site,
        )
        or model in set(get_snippet_models())
        or getattr(model, "_cms_api_related", False)
    )


def connect() -> None:
    post_save.connect(_saved, dispatch_uid="cms.invalidate.save")
    post_delete.connect(_deleted, dispatch_uid="cms.invalidate.delete")
    # Pages send page_unpublished and then this one; snippets with drafts send only this one.
    unpublished.connect(_unpublished, dispatch_uid="cms.invalidate.unpublish")
