"""Admin: categories under Snippets, searchable by name and description."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from snippets.categories.models import Category


class CategoryViewSet(SnippetViewSet):
    """Categories; Wagtail adds the language filter and column itself."""

    model = Category
    icon = "tag"
    menu_label = _("Categories")
    menu_order = 150
    list_display = ["name", "slug", "description"]
    list_export = ["name", "slug", "description"]
    ordering = ["name"]


register_snippet(CategoryViewSet)
