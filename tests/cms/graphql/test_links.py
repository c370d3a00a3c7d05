"""Page ids are found in stored StreamField data without loading any block."""

from wagtail import blocks

from cms.graphql.links import _chosen_pages


def test_page_ids_are_found_in_streams_structs_and_both_list_formats() -> None:
    stream = blocks.StreamBlock(
        [
            ("link", blocks.StructBlock([("page", blocks.PageChooserBlock())])),
            ("pages", blocks.ListBlock(blocks.PageChooserBlock())),
            (
                "rows",
                blocks.ListBlock(
                    blocks.StructBlock(
                        [("value", blocks.CharBlock()), ("page", blocks.PageChooserBlock())]
                    )
                ),
            ),
            ("text", blocks.CharBlock()),
        ]
    )
    data = [
        {"type": "link", "value": {"page": 1}, "id": "a"},
        {"type": "pages", "value": [{"type": "item", "value": 2, "id": "b"}], "id": "c"},
        # An older list: bare items, here structs that happen to have a child named "value".
        {"type": "rows", "value": [{"value": "x", "page": 3}, {"value": "y", "page": 4}]},
        {"type": "text", "value": "5"},
        {"type": "link", "value": {"page": None}},
    ]

    assert sorted(_chosen_pages(stream, data)) == [1, 2, 3, 4]
