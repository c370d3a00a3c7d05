from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class CategoriesConfig(ContentPlugin):
    """Themes that pages are tagged with, such as "Networking" or "Volunteering"."""

    name = "snippets.categories"
    label = "categories"
    verbose_name = _("Categories")
    demo_order = 10

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query
        from snippets.categories import selectors

        register_content_query(
            ContentQuery(
                plural="categories",
                singular="category",
                model="categories.Category",
                queryset=selectors.categories_for_api,
                orders={"NAME": "name", "NAME_DESC": "-name"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from snippets.categories.demo import load_demo

        load_demo(stdout)
