"""Rich text that enters by code is cleaned as the editor cleans it.

The page editor (Draftail) saves rich text in Wagtail's database format,
keeping only the elements its features allow and dropping unsafe link
addresses (``javascript:``). Rich text set by code (the demo, an import, a
site's own script) is stored as given, and Wagtail renders stored rich text
without cleaning it again. ``clean_page_rich_text()`` puts every rich text
field and every rich text block of a page through the editor's own converter;
kim_cms pages call it before they are validated (``KimPageMixin.full_clean``),
so a saved page or revision holds only what the editor could have written.
"""

import functools
from html.parser import HTMLParser

from django.utils.html import escape
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText
from wagtail.rich_text import features as feature_registry


@functools.lru_cache(maxsize=32)
def _converter(features):
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    return ContentstateConverter(list(features))


def clean_rich_text(html, features=None):
    """``html`` (Wagtail's database format) as the rich text editor with
    ``features`` (the default features when ``None``) would save it."""
    if not html or not html.strip():
        return html or ""
    if features is None:
        features = feature_registry.get_default_features()
    from draftjs_exporter.error import ExporterException

    converter = _converter(tuple(features))
    try:
        return converter.to_database_format(converter.from_database_format(html))
    except (
        AssertionError,
        TypeError,
        ValueError,
        IndexError,
        KeyError,
        ExporterException,
    ):
        # (an ExporterException: e.g. a link inside a link, which the
        # editor's exporter cannot close)
        # The editor's converter takes well-formed HTML only (the editor makes
        # nothing else): keep the text of anything else, as paragraphs.
        text = _as_paragraphs(html)
        return converter.to_database_format(converter.from_database_format(text))


class _Text(HTMLParser):
    """The text of an HTML fragment, one string per block, without the
    content of ``<script>`` and ``<style>``."""

    BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._skip = [""], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.blocks[-1] += data


def _as_paragraphs(html):
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(
        f"<p>{escape(text.strip())}</p>" for text in parser.blocks if text.strip()
    )


def _clean_block_value(block, value):
    """Clean, in place, the rich text inside a StreamField block's value."""
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        if isinstance(value, RichText):
            value.source = clean_rich_text(value.source, block.features)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _clean_block_value(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _clean_block_value(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _clean_block_value(child.block, child.value)


def clean_page_rich_text(page):
    """Clean every rich text field and rich text block of ``page`` in place."""
    for field in page._meta.concrete_fields:
        if isinstance(field, RichTextField):
            value = getattr(page, field.attname)
            if value:
                setattr(page, field.attname, clean_rich_text(value, field.features))
        elif isinstance(field, StreamField):
            value = getattr(page, field.attname)
            if value:
                _clean_block_value(field.stream_block, value)
