from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class ProgrammesConfig(ContentPlugin):
    """Funding programmes, such as the European Solidarity Corps, and their actions."""

    name = "snippets.programmes"
    label = "programmes"
    verbose_name = _("Programmes")
    demo_order = 20

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query
        from snippets.programmes import selectors

        register_content_query(
            ContentQuery(
                plural="programmes",
                singular="programme",
                model="programmes.Programme",
                queryset=selectors.programmes_for_api,
                orders={"NAME": "name", "NAME_DESC": "-name"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from snippets.programmes.demo import load_demo

        load_demo(stdout)
