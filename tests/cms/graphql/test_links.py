"""Page and image ids are found in stored StreamField data without loading any block."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from cms.graphql.links import _chosen


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

    assert sorted(_chosen(stream, data, blocks.PageChooserBlock)) == [1, 2, 3, 4]


def test_rich_text_page_links_and_chosen_images_are_found() -> None:
    stream = blocks.StreamBlock(
        [
            ("paragraph", blocks.RichTextBlock()),
            ("image", blocks.StructBlock([("image", ImageChooserBlock())])),
        ]
    )
    data = [
        {
            "type": "paragraph",
            "value": '<p><a linktype="page" id="7">x</a> <a href="https://e.org/?id=8">y</a> '
            '<a id="9" linktype="page">z</a> <a linktype="document" id="10">d</a></p>',
        },
        {"type": "image", "value": {"image": 11}},
    ]

    assert sorted(_chosen(stream, data, blocks.PageChooserBlock)) == [7, 9]
    assert list(_chosen(stream, data, ImageChooserBlock)) == [11]
