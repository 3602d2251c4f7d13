"""KIM groups: the directory (``index``), group profiles (``profile``), their
officers (``officers``), what they published (``authored``) and their activity
reports (``activities``), among them the disaster reports (``disaster``)."""

from kim_cms.pages.groups.activities import AbstractKimActivityPage, KimActivityPage
from kim_cms.pages.groups.authored import authored_pages
from kim_cms.pages.groups.disaster import disaster_reports
from kim_cms.pages.groups.index import (
    AbstractKimGroupIndexPage,
    KimGroupIndexPage,
    attach_localized_focus_areas,
    latest_groups,
)
from kim_cms.pages.groups.officers import (
    AbstractKimGroupOfficer,
    KimGroupOfficer,
    OfficerSerializer,
)
from kim_cms.pages.groups.profile import (
    CARD_IMAGE_SPEC,
    COVER_SPEC,
    LOGO_SPEC,
    OFFICER_PHOTO_SPEC,
    SOCIAL_IMAGE_SPEC,
    AbstractKimGroupPage,
    FocusAreaSerializer,
    KimGroupPage,
    KimGroupPageForm,
    with_card_images,
    with_renditions,
)

__all__ = [
    "CARD_IMAGE_SPEC",
    "COVER_SPEC",
    "LOGO_SPEC",
    "OFFICER_PHOTO_SPEC",
    "SOCIAL_IMAGE_SPEC",
    "AbstractKimActivityPage",
    "AbstractKimGroupIndexPage",
    "AbstractKimGroupOfficer",
    "AbstractKimGroupPage",
    "FocusAreaSerializer",
    "KimActivityPage",
    "KimGroupIndexPage",
    "KimGroupOfficer",
    "KimGroupPage",
    "KimGroupPageForm",
    "OfficerSerializer",
    "attach_localized_focus_areas",
    "authored_pages",
    "disaster_reports",
    "latest_groups",
    "with_card_images",
    "with_renditions",
]
