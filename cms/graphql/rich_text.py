"""Rich text as a GraphQL request renders it: page links through the request's loaders.

Wagtail renders each rich text value on its own (``expand_db_html``), so its link handler looks
up the linked pages value by value, and :class:`cms.rich_text.PublicPageLinkHandler` reads the
hidden sections each time. Here page links are served by :meth:`cms.graphql.loaders.Loaders.
chosen_page` instead: in the reader's language, public only, every page linked from what the
request has loaded fetched at once with the request's visibility snapshot. Other link and
embed types keep the handlers registered with Wagtail's rich text features.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import escape

from wagtail.models import Locale
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from cms.frontend import frontend_url
from cms.graphql.loaders import Loaders, loaders_of


def render_rich_text(source: str, info: Any) -> str:
    """Stored rich text as HTML for the field ``info`` resolves."""
    loaders = loaders_of(info)
    if loaders is None:  # outside a GraphQL request: Wagtail's own rendering
        from wagtail.rich_text import expand_db_html

        return expand_db_html(source)
    locale = loaders.context.locale(info)
    rewriters = loaders.memo("rich_text_rewriters")
    rewriter = rewriters.get(locale.pk)
    if rewriter is None:
        rewriter = rewriters[locale.pk] = _rewriter(loaders, locale)
    return rewriter(source)


def _rewriter(loaders: Loaders, locale: Locale) -> MultiRuleRewriter:
    """The rewriter of one request and reader's language: built once, used for every value."""
    link_rules = {
        linktype: handler.expand_db_attributes_many
        for linktype, handler in features.get_link_types().items()
    }
    link_rules["page"] = lambda attrs_list: [
        _page_link(loaders, locale, attrs) for attrs in attrs_list
    ]
    embed_rules = {
        embedtype: handler.expand_db_attributes_many
        for embedtype, handler in features.get_embed_types().items()
    }
    return MultiRuleRewriter(
        [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
    )


def _page_link(loaders: Loaders, locale: Locale, attrs: dict[str, str]) -> str:
    """The opening tag of a link to a page: ``<a>`` alone when the reader may not see it."""
    page_id = attrs.get("id", "")
    if not page_id.isdigit():
        return "<a>"
    page = loaders.chosen_page(int(page_id), locale)
    if page is None:
        return "<a>"
    language_code = loaders.context.locales[page.locale_id].language_code
    url = frontend_url(page, language_code=language_code)
    return f'<a href="{escape(url)}">' if url else "<a>"
