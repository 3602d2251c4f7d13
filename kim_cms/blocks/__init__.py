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
from kim_cms.blocks.tips import (
    StepBlock,
    SupplyBlock,
    TipStepStreamBlock,
    TipSupplyStreamBlock,
)
from kim_cms.blocks.training import (
    DocumentLinkBlock,
    LearningObjectiveBlock,
    LearningObjectiveStreamBlock,
    ModuleBlock,
    SessionPageBlock,
    SessionScheduleBlock,
    TrainingDocumentStreamBlock,
    TrainingModuleStreamBlock,
    TrainingSessionStreamBlock,
)

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyStreamBlock",
    "CalloutBlock",
    "ContactBlock",
    "DocumentBlock",
    "DocumentLinkBlock",
    "FaqBlock",
    "GalleryBlock",
    "GalleryImageBlock",
    "HeadingBlock",
    "ImageBlock",
    "LearningObjectiveBlock",
    "LearningObjectiveStreamBlock",
    "LinkBlock",
    "LinkListBlock",
    "ModuleBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "SessionPageBlock",
    "SessionScheduleBlock",
    "TableBlock",
    "TrainingDocumentStreamBlock",
    "TrainingModuleStreamBlock",
    "TrainingSessionStreamBlock",
    "StepBlock",
    "SupplyBlock",
    "TipStepStreamBlock",
    "TipSupplyStreamBlock",
    "VideoBlock",
    "describe_document",
]
