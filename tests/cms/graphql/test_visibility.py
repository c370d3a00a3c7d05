"""Nothing unpublished, expired or view-restricted ever reaches an anonymous partner."""

import pytest

pytestmark = pytest.mark.django_db

HIDDEN = ["draft", "expired", "private", "login_only", "under_private", "unpublished_parent"]


@pytest.mark.parametrize("name", HIDDEN)
def test_page_by_url_path_hides_what_is_not_public(graphql, tree, name) -> None:
    path = tree[name].url_path.split("/", 2)[2]
    body = graphql("query($p: String!) { page(urlPath: $p) { title } }", {"p": "/" + path})
    assert body["data"]["page"] is None


def test_page_by_url_path_finds_a_public_page(graphql, tree) -> None:
    body = graphql('{ page(urlPath: "/public-solidarity/") { title locale urlPath } }')
    assert body["data"]["page"] == {
        "title": "Public Solidarity",
        "locale": "en",
        "urlPath": "/public-solidarity/",
    }


def test_page_serves_the_published_title_not_the_draft(graphql, tree) -> None:
    body = graphql('{ page(urlPath: "/changed-solidarity/") { title } }')
    assert body["data"]["page"]["title"] == "Changed Solidarity"


def test_search_returns_only_public_live_pages(graphql, tree) -> None:
    body = graphql('{ search(query: "solidarity") { items { title } pagination { total } } }')
    titles = {item["title"] for item in body["data"]["search"]["items"]}
    assert titles == {"Public Solidarity", "Changed Solidarity"}
    assert body["data"]["search"]["pagination"]["total"] == 2


def test_search_is_scoped_to_the_requested_locale(graphql, tree) -> None:
    body = graphql('{ search(query: "solidarity", locale: "sl") { items { title locale } } }')
    # Only the Slovenian home page (its title is still the English one) matches in "sl".
    assert body["data"]["search"]["items"] == [{"title": "Solidarity network", "locale": "sl"}]


def test_a_live_page_under_an_unpublished_parent_stays_hidden(graphql, tree) -> None:
    by_path = graphql('{ page(urlPath: "/hidden-parent-solidarity/orphan-solidarity/") { title } }')
    by_search = graphql('{ search(query: "orphan") { items { title } } }')
    assert by_path["data"]["page"] is None
    assert "Orphan Solidarity" not in {
        item["title"] for item in by_search["data"]["search"]["items"]
    }


def test_parent_resolves_to_the_public_parent_and_stops_at_the_home_page(graphql, tree) -> None:
    body = graphql('{ page(urlPath: "/public-solidarity/") { parent { title parent { title } } } }')
    assert body["data"]["page"]["parent"] == {"title": "Solidarity network", "parent": None}


def test_children_list_only_public_live_pages(graphql, tree) -> None:
    body = graphql('{ page(urlPath: "/") { children(limit: 100) { title } } }')
    titles = {child["title"] for child in body["data"]["page"]["children"]}
    assert titles == {"Public Solidarity", "Changed Solidarity"}


def test_translations_list_only_live_translations(graphql, home_pages) -> None:
    home_pages["sv"].unpublish()
    body = graphql('{ page(urlPath: "/") { translations { locale url } } }')
    assert body["data"]["page"]["translations"] == [
        {"locale": "sl", "url": "http://127.0.0.1:8000/partner-site/?locale=sl"}
    ]


@pytest.mark.parametrize(
    "field",
    [
        "draftTitle",
        "hasUnpublishedChanges",
        "latestRevisionCreatedAt",
        "lockedAt",
        "goLiveAt",
        "expireAt",
        "aliasOf",
        "path",
        "depth",
        "live",
        "owner",
        "locked",
    ],
)
def test_page_types_do_not_expose_editorial_fields(graphql, tree, field) -> None:
    body = graphql(f'{{ page(urlPath: "/") {{ ... on HomePage {{ {field} }} }} }}')
    assert body["_status"] == 400
    assert f"Cannot query field '{field}'" in body["errors"][0]["message"]


def test_grapple_top_level_queries_are_not_exposed(graphql) -> None:
    body = graphql("{ pages { title } }")
    assert body["_status"] == 400
    assert "Cannot query field 'pages'" in body["errors"][0]["message"]
