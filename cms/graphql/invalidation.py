"""Drop cached GraphQL responses whenever published content or its visibility changes."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move


def _content_changed(sender: Any, **kwargs: Any) -> None:
    from cms.graphql.view import invalidate_responses

    invalidate_responses()


def _model_changed(sender: type, instance: Any = None, **kwargs: Any) -> None:
    if _affects_responses(sender):
        _content_changed(sender)


def _affects_responses(model: type) -> bool:
    from wagtail.images.models import AbstractImage
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
    from wagtail.snippets.models import get_snippet_models

    return (
        # A collection moved under a private one makes its images private.
        issubclass(
            model,
            Page | AbstractImage | PageViewRestriction | Collection | CollectionViewRestriction,
        )
        or model in set(get_snippet_models())
        or getattr(model, "_cms_api_related", False)
    )


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=f"cms.invalidate.{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="cms.invalidate.save")
    post_delete.connect(_model_changed, dispatch_uid="cms.invalidate.delete")
