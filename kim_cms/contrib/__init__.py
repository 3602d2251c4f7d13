"""Optional apps that a site adds to ``INSTALLED_APPS`` beside ``kim_cms``.

The translatable names of these apps are marked here rather than in the apps
themselves: ``makemessages``, run from ``kim_cms/``, sends the messages of a
folder that holds a ``locale/`` of its own into that folder's catalogue, and
the catalogue of ``admin_id`` is built from its sources, not extracted.
"""

from django.utils.translation import gettext_lazy as _

ADMIN_ID_VERBOSE_NAME = _("Indonesian admin screens")
