"""URL configuration: Wagtail admin, GraphQL (and GraphiQL where enabled), health, and page
paths, which redirect to the partner frontend."""

from csp.decorators import csp, csp_update

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path

from grapple.urls import graphiql
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.frontend import redirect_to_frontend
from cms.graphql.view import graphql_view
from cms.media_files import rendition_urls
from cms.metrics import metrics_view
from cms.partner_site import partner_site_urls
from cms.partners.access import partner_api
from cms.partners.feeds import feed_urlpatterns, feed_view
from cms.partners.sitemap import sitemap_xml
from cms.partners.widget import widget_script
from cms.password_reset import RateLimitedPasswordResetView
from cms.security_headers import API_POLICY, GRAPHIQL_POLICY_UPDATE
from cms.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # 404 unless METRICS_ENABLED (cms/metrics.py).
    path("metrics", metrics_view, name="metrics"),
    # Before Wagtail's admin URLs, so that this one answers the password-reset form.
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Named as grapple names it, so grapple's GraphiQL page finds the endpoint. API keys and
    # rate limits (cms/partners/access.py) hand the view its caller.
    path(
        "graphql/",
        csp(API_POLICY)(partner_api("graphql")(graphql_view)),
        name="grapple_graphql",
    ),
    # Calendar and news feeds from the plugins, and the sitemap (cms/partners/); feed_view
    # applies API keys and rate limits to each.
    path("feeds/", include(feed_urlpatterns())),
    path("sitemap.xml", feed_view(sitemap_xml), name="sitemap"),
    path("widget/solidarity-calls.js", widget_script, name="widget_calls"),
]

if settings.GRAPPLE["EXPOSE_GRAPHIQL"]:
    urlpatterns.append(
        path("graphiql/", csp_update(GRAPHIQL_POLICY_UPDATE)(graphiql), name="grapple_graphiql")
    )

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.CMS_SERVE_LOCAL_RENDITIONS:
    urlpatterns += rendition_urls()

# The example partner site (examples/partner-site/), served beside the CMS in development.
if settings.CMS_PARTNER_SITE_DIR:
    urlpatterns += partner_site_urls(settings.CMS_PARTNER_SITE_DIR)

# Page paths carry the language (/sl/..., /sv/...; the default language has no prefix) and
# answer a redirect to the page on the partner frontend: nothing here renders a page. Wagtail's
# own patterns follow for its front-end login (documents in login-restricted collections send
# readers there) and for the page path it reverses; no page path reaches its page view.
urlpatterns += i18n_patterns(
    re_path(r"^((?:[\w\-]+/)*)$", redirect_to_frontend, name="cms_page_redirect"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
