from cms.plugins import ContentPlugin


class SampleEventsConfig(ContentPlugin):
    """A throw-away content plugin that joins through the ``cms.plugins`` entry point."""

    name = "tests.plugins.sample_events"
    label = "sample_events"

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query

        from .selectors import sample_events_for_api

        register_content_query(
            ContentQuery(
                plural="sample_events",
                singular="sample_event",
                model="sample_events.SampleEventPage",
                queryset=sample_events_for_api,
            )
        )
