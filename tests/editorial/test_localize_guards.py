"""Every wagtail-localize view that changes content is reached through a language check."""

from django.urls import URLPattern, URLResolver, resolve

from wagtail_localize import wagtail_hooks as localize_hooks

from cms.editorial import localize_views

# Views that change nothing or check page rights themselves (page rights are per language tree).
UNGUARDED = {
    "jsi18n/",  # translations of wagtail-localize's own interface
    "reports/translations/",  # read-only report
    "reports/translations/results/",
    "api/snippets/<slug:app_label>/<slug:model_name>/",  # read-only chooser data
    "api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
}


def localize_routes() -> set[str]:
    [resolver] = localize_hooks.register_admin_urls()
    assert isinstance(resolver, URLResolver)
    return {str(p.pattern) for p in resolver.url_patterns if isinstance(p, URLPattern)}


def guarded_routes() -> set[str]:
    return {str(p.pattern).removeprefix("localize/") for p in localize_views.urlpatterns}


def test_each_localize_view_is_guarded_or_known_to_be_safe() -> None:
    assert localize_routes() - UNGUARDED == guarded_routes()


def test_the_guarded_views_answer_wagtail_localize_paths() -> None:
    # Reversing wagtail-localize's names gives its paths; they must resolve to the guards.
    assert resolve("/admin/localize/submit/page/1/").func.view_class is (
        localize_views.ScopedSubmitPageTranslationView
    )
    assert resolve("/admin/localize/update/1/").func.view_class is (
        localize_views.ScopedUpdateTranslationsView
    )
    for path in (
        "translate/1/pofile/download/",
        "translate/1/pofile/upload/",
        "translate/1/disable/",
    ):
        assert getattr(resolve(f"/admin/localize/{path}").func, "editorial_guard", False), path
