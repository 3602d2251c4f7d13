"""Agriculture and fisheries tips: the farming calendar (``seasons``), the tip
page (``tip``) and the index with its filters and feeds (``index``)."""

from kim_cms.pages.tips.index import (
    AbstractAgricultureTipIndexPage,
    AgricultureTipIndexPage,
    TipFilterForm,
    tips_queryset,
)
from kim_cms.pages.tips.seasons import (
    MONTH_CHOICES,
    SEASON_CHOICES,
    SEASON_MONTHS,
    SEASON_SHORT_LABELS,
    current_month,
    in_season_q,
    months_between,
    today,
)
from kim_cms.pages.tips.tip import (
    DIFFICULTY_CHOICES,
    EXPERT_ROLE_CHOICES,
    PROBLEM_CULTIVATION,
    PROBLEM_PEST,
    PROBLEM_TYPE_CHOICES,
    SEVERITY_CHOICES,
    SUB_SECTOR_CHOICES,
    AbstractAgricultureTipPage,
    AgricultureTipPage,
)

__all__ = [
    "DIFFICULTY_CHOICES",
    "EXPERT_ROLE_CHOICES",
    "MONTH_CHOICES",
    "PROBLEM_CULTIVATION",
    "PROBLEM_PEST",
    "PROBLEM_TYPE_CHOICES",
    "SEASON_CHOICES",
    "SEASON_MONTHS",
    "SEASON_SHORT_LABELS",
    "SEVERITY_CHOICES",
    "SUB_SECTOR_CHOICES",
    "AbstractAgricultureTipIndexPage",
    "AbstractAgricultureTipPage",
    "AgricultureTipIndexPage",
    "AgricultureTipPage",
    "TipFilterForm",
    "current_month",
    "in_season_q",
    "months_between",
    "tips_queryset",
    "today",
]
