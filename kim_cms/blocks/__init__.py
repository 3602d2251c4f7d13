"""The kim_cms blocks library. Import blocks by name::

from kim_cms.blocks import BodyStreamBlock, ImageBlock
"""

from kim_cms.blocks.content import (
    RICH_TEXT_FEATURES,
    BodyStreamBlock,
    CalloutBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
)
from kim_cms.blocks.tips import (
    StepBlock,
    SupplyBlock,
    TipStepStreamBlock,
    TipSupplyStreamBlock,
)

__all__ = [
    "RICH_TEXT_FEATURES",
    "BodyStreamBlock",
    "CalloutBlock",
    "HeadingBlock",
    "ImageBlock",
    "ParagraphBlock",
    "StepBlock",
    "SupplyBlock",
    "TipStepStreamBlock",
    "TipSupplyStreamBlock",
]
