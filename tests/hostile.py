"""Hostile text in every text field of a page, for ``tests/test_injection.py``.

``HOSTILE`` breaks out of attributes, tags, ``<script>`` and ``<title>``
blocks, starts like a spreadsheet formula and carries ``<kimxss>``, a tag
kim_cms never writes: wherever ``<kimxss`` appears unescaped in an output that
is read as HTML, text became markup. ``HOSTILE_LINES`` adds calendar lines,
for the multi-line fields that end up in ``.ics`` files. ``HOSTILE_RICH_TEXT``
is markup that rich text set by code carries and the editor would drop.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import escape
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

MARKER = "<kimxss"
HOSTILE = (
    "=\"'><kimxss onmouseover=alert(1)></title></script>"
    '<script>alert("x")</script><!--&amp;{{ 7|add:1 }}'
)
HOSTILE_LINES = HOSTILE + "\r\nATTENDEE:mailto:evil@example.com\r\nX-KIMXSS:1"
HOSTILE_URL = "https://example.com/?q=%22%3E%3Ckimxss%3E&next=javascript:alert(1)"
HOSTILE_RICH_TEXT = (
    f"<p>{escape(HOSTILE)}</p>"
    '<p onclick="alert(1)"><a href="javascript:alert(1)">link</a>'
    "<kimxss>tag</kimxss><script>alert(1)</script></p>"
    '<img src=x onerror="alert(1)"><iframe src="https://example.com"></iframe>'
)
# Page fields that Wagtail manages or that hold no prose
SKIPPED_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key"}


def text_for(field_or_block, lines=False):
    """The hostile text, cut to the field's length."""
    text = HOSTILE_LINES if lines else HOSTILE
    max_length = getattr(field_or_block, "max_length", None)
    if max_length is None and hasattr(field_or_block, "field"):
        max_length = getattr(field_or_block.field, "max_length", None)
    return text[:max_length] if max_length else text


def _accepts(field, value, instance):
    """Whether the model field and its admin form field take ``value``."""
    try:
        field.clean(value, instance)
        # (a URL field's form field warns about Django 6's default scheme)
        formfield = None if isinstance(field, models.URLField) else field.formfield()
        if formfield is not None:
            formfield.clean(value)
    except ValidationError:
        return False
    return True


def hostile_fields(instance):
    """Put hostile text in every prose field of ``instance`` that accepts it
    (a phone number or an e-mail address refuses it, as the admin would)."""
    for field in type(instance)._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or field.choices or not field.editable:
            continue
        if isinstance(field, RichTextField):
            setattr(instance, field.attname, HOSTILE_RICH_TEXT)
        elif isinstance(field, StreamField):
            setattr(instance, field.attname, hostile_stream(field.stream_block))
        elif isinstance(field, models.URLField):
            if _accepts(field, HOSTILE_URL, instance):
                setattr(instance, field.attname, HOSTILE_URL)
        elif isinstance(field, (models.EmailField, models.SlugField)):
            continue
        elif isinstance(field, (models.CharField, models.TextField)):
            value = text_for(field, lines=isinstance(field, models.TextField))
            if _accepts(field, value, instance):
                setattr(instance, field.attname, value)
    return instance


class Targets:
    """What chooser blocks point at: set by the test before building."""

    image = None
    document = None
    pages = {}  # page model -> a live public page of it


def _page_for(block):
    for model in block.target_models:
        for candidate, page in Targets.pages.items():
            if issubclass(candidate, model):
                return page
    return next(iter(Targets.pages.values()), None)


def hostile_block_value(block):
    """A value of ``block`` with hostile text in every text it holds."""
    if isinstance(block, blocks.RichTextBlock):
        return RichText(HOSTILE_RICH_TEXT)
    if isinstance(block, EmbedBlock):
        return None  # an embed is fetched from its provider: no network here
    if isinstance(block, blocks.URLBlock):
        return HOSTILE_URL
    if isinstance(block, blocks.EmailBlock):
        return "kim@example.com"
    if isinstance(block, blocks.ChoiceBlock):
        choices = [value for value, _label in block.field.choices if value]
        return choices[0] if choices else block.get_default()
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, blocks.DateTimeBlock):
        return timezone.now() + datetime.timedelta(days=10)
    if isinstance(block, blocks.DateBlock):
        return datetime.date.today() + datetime.timedelta(days=10)
    if isinstance(block, blocks.TimeBlock):
        return datetime.time(19, 0)
    if isinstance(block, (blocks.IntegerBlock, blocks.DecimalBlock, blocks.FloatBlock)):
        return 1
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return text_for(block, lines=isinstance(block, blocks.TextBlock))
    if isinstance(block, ImageBlock):
        return {
            "image": Targets.image,
            "alt_text": text_for(block),
            "decorative": False,
        }
    if isinstance(block, ImageChooserBlock):
        return Targets.image
    if isinstance(block, DocumentChooserBlock):
        return Targets.document
    if isinstance(block, blocks.PageChooserBlock):
        return _page_for(block)
    if type(block).__name__.endswith("TableBlock"):
        return {
            "data": [[HOSTILE, HOSTILE], [HOSTILE, HOSTILE]],
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": HOSTILE,
        }
    if isinstance(block, blocks.StructBlock):
        return {
            name: _valid(child, hostile_block_value(child))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [hostile_block_value(block.child_block)]
    if isinstance(block, blocks.StreamBlock):
        return hostile_stream(block)
    return block.get_default()


def _valid(block, value):
    """``value`` if ``block`` accepts it, else its default."""
    try:
        block.clean(block.normalize(value))
    except (ValidationError, TypeError, ValueError, AttributeError):
        return block.get_default()
    return value


def hostile_stream(stream_block):
    """One block of every type the stream offers, each full of hostile text;
    the types whose value the block refuses are left out."""
    items = []
    for name, child in stream_block.child_blocks.items():
        value = hostile_block_value(child)
        try:
            child.clean(child.normalize(value))
        except (ValidationError, TypeError, ValueError, AttributeError):
            continue
        items.append((name, value))
    return items


def live_pages():
    return Page.objects.live().filter(depth__gt=1).specific()
