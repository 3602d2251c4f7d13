"""Django discovers models only in ``<app>.models``: import every kim_cms model."""

from kim_cms.aspirations.models import Aspiration  # noqa: F401
from kim_cms.pages import *  # noqa: F401,F403
from kim_cms.snippets import *  # noqa: F401,F403
from kim_cms.snippets.identity import KimSiteIdentity  # noqa: F401,E402
from kim_cms.wagtail_admin.roles import KimRole  # noqa: F401,E402
