"""Drop cached GraphQL responses when, and only when, what the public can see has changed.

Cached responses are stored with a content generation kept in the database (one row of
``cms.ContentGeneration``), so a publish in any process (a second worker, ``publish_scheduled``
from cron, a shell) reaches every other one, with or without a shared cache.

With ``CMS_GRAPHQL_GENERATION_CACHE_SECONDS`` above 0 (the default with Redis) readers take the
generation from the shared cache, so a cache hit reads nothing from the database. The database
row stays the truth: after each advance the new value is written to the cache, never moving it
backwards; a reader that finds none there reads the row and adds it. Only a failed cache write
(a Redis blip during the publish) leaves readers on the old generation, for at most that many
seconds, the lifetime of every value written there.

The generation advances after the change commits, once per transaction however many signals
it sends: a rolled-back publish invalidates nothing, and no reader can store the old content
under the new generation. Outside a transaction each save commits, and advances, on its own.

Only changes the public can see count: publishing, unpublishing (expiry included), moving
and deleting live pages, view restrictions, collections, images, snippets and the rows of live
pages the API serves. Draft revisions, autosave, locks and new draft pages leave the cache.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.signals import unpublished

logger = logging.getLogger(__name__)

#: The content generation in the shared cache (an int: django-redis stores it as a number).
GENERATION_CACHE_KEY = "graphql:generation"

#: Sets the generation in Redis only when it is greater (or absent), with a lifetime in ms.
_SET_IF_GREATER = """
local current = tonumber(redis.call('GET', KEYS[1]))
if current == nil or current < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""

#: Serialises compare-and-set on caches other than Redis (exact for the local-memory cache).
_setting_generation = threading.Lock()

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
    """Advance the generation now, atomically (UPDATE ... SET value = value + 1), then tell
    the shared cache once that has committed."""
    from cms.models import ContentGeneration

    rows = ContentGeneration.objects.filter(pk=ContentGeneration.ROW)
    if not rows.update(value=F("value") + 1):
        try:  # the row is missing (a flushed database): create it, unless another process did
            with transaction.atomic():
                ContentGeneration.objects.create(pk=ContentGeneration.ROW, value=1)
        except IntegrityError:
            rows.update(value=F("value") + 1)
    if generation_cache_seconds() > 0:
        # Read back: at least this advance's value (a concurrent one may already be in).
        transaction.on_commit(lambda: publish_generation(content_generation()), robust=True)


def generation_cache_seconds() -> int:
    """How long readers may take the generation from the cache; 0: from the database."""
    return max(0, int(settings.CMS_GRAPHQL_GENERATION_CACHE_SECONDS))


def remember_generation(value: int) -> None:
    """Add the generation a reader read from the database, unless a value is already there
    (a publish's, which is at least as new)."""
    if generation_cache_seconds() > 0:
        caches[DEFAULT_CACHE_ALIAS].add(GENERATION_CACHE_KEY, value, generation_cache_seconds())


def publish_generation(value: int) -> None:
    """Write ``value`` to the cache unless the cache holds a greater one: two publishes that
    finish in either order leave the newer generation. A failed write is logged, never
    raised; readers then keep the older value until its lifetime ends."""
    seconds = generation_cache_seconds()
    if seconds <= 0:
        return
    backend = caches[DEFAULT_CACHE_ALIAS]
    if _redis_set_if_greater(backend, value, seconds):
        return
    with _setting_generation:
        current = backend.get(GENERATION_CACHE_KEY)
        if not isinstance(current, int) or current < value:
            backend.set(GENERATION_CACHE_KEY, value, seconds)


def _redis_set_if_greater(backend: Any, value: int, seconds: int) -> bool:
    """Set-if-greater in one atomic script when the cache is django-redis; False otherwise."""
    try:
        from django_redis import get_redis_connection
        from django_redis.cache import RedisCache
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - django-redis is a dependency
        return False
    if not isinstance(backend, RedisCache):
        return False
    try:
        connection = get_redis_connection(DEFAULT_CACHE_ALIAS)
        connection.eval(
            _SET_IF_GREATER, 1, backend.make_key(GENERATION_CACHE_KEY), value, seconds * 1000
        )
    except (RedisError, OSError):
        logger.warning(
            "The content generation %s could not be written to the cache; readers may answer "
            "from the previous one for up to %s seconds.",
            value,
            seconds,
        )
    return True


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


def _saved(
    sender: type[Model],
    instance: Model,
    created: bool = False,
    update_fields: Any = None,
    **kwargs: Any,
) -> None:
    if not _served_by_api(sender):
        return
    if update_fields is not None and set(update_fields) <= EDITORIAL_FIELDS:
        return
    if _is_public(instance) or (not created and _taken_offline(instance)):
        invalidate_responses()


def _taken_offline(instance: Model) -> bool:
    """Whether an existing row saved offline may have been live until now.

    wagtail-localize's sync without publishing saves a snippet's translation with ``live``
    false and sends no ``unpublished`` signal; the answers that showed it must go too.
    """
    from wagtail.models import DraftStateMixin

    return isinstance(instance, DraftStateMixin) and not instance.live


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
