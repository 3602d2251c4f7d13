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
    "DocumentLinkBlock",
    "HeadingBlock",
    "ImageBlock",
    "LearningObjectiveBlock",
    "LearningObjectiveStreamBlock",
    "ModuleBlock",
    "ParagraphBlock",
    "SessionPageBlock",
    "SessionScheduleBlock",
    "TrainingDocumentStreamBlock",
    "TrainingModuleStreamBlock",
    "TrainingSessionStreamBlock",
    "StepBlock",
    "SupplyBlock",
    "TipStepStreamBlock",
    "TipSupplyStreamBlock",
]
