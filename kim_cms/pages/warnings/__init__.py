"""Disaster warnings (peringatan): what BPBD or Diskominfo tells residents about
a hazard now, shown on every kim_cms page as a banner while it is valid, with
a list of current and past warnings and a CAP 1.2 document per warning.

Status levels are the ones Indonesian agencies use (Normal, Waspada, Siaga,
Awas); ``CAP_LEVELS`` maps them to CAP's severity, urgency and certainty.
A warning leaves the banner at its ``valid_until`` by itself (no scheduled
job): the banner is cached only until the next warning starts or ends.

``levels`` holds the levels and ``now()``, ``warning`` the warning page,
``index`` the list, ``banner`` the banner, ``cap_import`` the import of CAP
alerts as draft warnings, ``admin_form`` the admin form that reads times on
the warning's clock; this package re-exports them.
"""

from kim_cms.pages.warnings.banner import (
    BANNER_CACHE_KEY,
    BANNER_VERSION_KEY,
    Banner,
    BannerWarning,
    connect,
    get_banner,
    get_banner_warnings,
    get_shown_banner,
    invalidate_banner,
    load_banner,
)
from kim_cms.pages.warnings.cap_import import (
    CapImportReport,
    DocumentReport,
    ImportedCapMessage,
    import_cap,
    import_document,
    import_location,
)
from kim_cms.pages.warnings.index import (
    AbstractWarningIndexPage,
    WarningFilterForm,
    WarningIndexPage,
    parse_warning_filters,
)
from kim_cms.pages.warnings.levels import (
    BANNER_LEVELS,
    CAP_LEVELS,
    LEVEL_AWAS,
    LEVEL_CHOICES,
    LEVEL_NORMAL,
    LEVEL_SHORT_LABELS,
    LEVEL_SIAGA,
    LEVEL_WASPADA,
    STATUS_ACTIVE,
    STATUS_CANCELLED,
    STATUS_EXPIRED,
    STATUS_LABELS,
    STATUS_UPCOMING,
    TIME_ZONE_CHOICES,
    CapLevel,
    cap_level,
    default_warning_time_zone,
    get_warning_model,
)
from kim_cms.pages.warnings.warning import AbstractWarningPage, WarningPage

__all__ = [
    "AbstractWarningIndexPage",
    "AbstractWarningPage",
    "BANNER_CACHE_KEY",
    "BANNER_LEVELS",
    "BANNER_VERSION_KEY",
    "Banner",
    "BannerWarning",
    "CAP_LEVELS",
    "CapImportReport",
    "CapLevel",
    "DocumentReport",
    "ImportedCapMessage",
    "LEVEL_AWAS",
    "LEVEL_CHOICES",
    "LEVEL_NORMAL",
    "LEVEL_SHORT_LABELS",
    "LEVEL_SIAGA",
    "LEVEL_WASPADA",
    "STATUS_ACTIVE",
    "STATUS_CANCELLED",
    "STATUS_EXPIRED",
    "STATUS_LABELS",
    "STATUS_UPCOMING",
    "TIME_ZONE_CHOICES",
    "WarningFilterForm",
    "WarningIndexPage",
    "WarningPage",
    "cap_level",
    "connect",
    "default_warning_time_zone",
    "get_banner",
    "get_banner_warnings",
    "get_shown_banner",
    "get_warning_model",
    "import_cap",
    "import_document",
    "import_location",
    "invalidate_banner",
    "load_banner",
    "parse_warning_filters",
]
