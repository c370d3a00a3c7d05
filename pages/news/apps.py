from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class NewsConfig(ContentPlugin):
    """News items about projects, municipalities and organisations, under an index page."""

    name = "pages.news"
    label = "news"
    verbose_name = _("News")
    demo_order = 80

    def ready(self) -> None:
        super().ready()
        import graphene

        from cms.graphql.registry import ContentQuery, register_content_query
        from pages.news import selectors

        register_content_query(
            ContentQuery(
                plural="news",
                singular="news_item",
                model="news.NewsPage",
                queryset=selectors.news_for_api,
                filters={
                    "category": graphene.String(description="Slug of a category."),
                    "published_after": graphene.Date(
                        description="Only news items dated this day or later."
                    ),
                    "published_before": graphene.Date(
                        description="Only news items dated this day or earlier."
                    ),
                    "project": graphene.String(description="Slug of a related project."),
                    "municipality": graphene.String(description="Slug of a related municipality."),
                },
                apply_filters=selectors.news_filter,
                orders={"DATE_DESC": "-date", "DATE": "date", "TITLE": "title"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from pages.news.demo import load_demo

        load_demo(stdout)
