from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class ProjectsConfig(ContentPlugin):
    """Funded projects: partners, goals, events and links, listed under an index page."""

    name = "pages.projects"
    label = "projects"
    verbose_name = _("Projects")
    demo_order = 55

    def ready(self) -> None:
        super().ready()
        import graphene

        from cms.graphql.registry import ContentQuery, register_content_query
        from pages.projects import selectors

        register_content_query(
            ContentQuery(
                plural="projects",
                singular="project",
                model="projects.ProjectPage",
                queryset=selectors.projects_for_api,
                filters={
                    "municipality": graphene.String(description="Slug of a partner municipality."),
                    "programme": graphene.String(description="Slug of the funding programme."),
                },
                apply_filters=selectors.projects_filter,
                orders={"START_DESC": "-start_date", "START": "start_date", "TITLE": "title"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from pages.projects.demo import load_demo

        load_demo(stdout)
