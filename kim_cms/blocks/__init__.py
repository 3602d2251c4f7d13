"""The kim_cms blocks library. Import blocks by name::

from kim_cms.blocks import BodyStreamBlock, ImageBlock
"""

from kim_cms.blocks.content import (
    RICH_TEXT_FEATURES,
    BodyStreamBlock,
    CalloutBlock,
    ContactBlock,
    DocumentBlock,
    FaqBlock,
    GalleryBlock,
    GalleryImageBlock,
    HeadingBlock,
    ImageBlock,
    LinkBlock,
    LinkListBlock,
    ParagraphBlock,
    QuoteBlock,
    TableBlock,
    VideoBlock,
    describe_document,
)

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyStreamBlock",
    "CalloutBlock",
    "ContactBlock",
    "DocumentBlock",
    "FaqBlock",
    "GalleryBlock",
    "GalleryImageBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkListBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "TableBlock",
    "VideoBlock",
    "describe_document",
]
