"""The names kim-cms gives what it creates, shown in each reader's language.

kim-cms stores the names of its workflow ("KIM review"), its task
("Diskominfo review") and its user groups ("Diskominfo moderators",
"Translators", "KIM <group> editors") as fixed English identifiers: the roles
code finds them by name, and a site's own groups never collide with them.
People read them in their own language: wherever Wagtail shows such a name
(the "Submit to ..." button, the status side panel, the dashboard, the
moderation e-mails, the workflow and user screens), the name that comes out
of the database is a ``DisplayName``, a string that compares, saves and
serialises as stored and reads, in templates and ``%`` formatting, as its
translation into the active language.

A form that shows a name shows its translation; saving the form unchanged
keeps the stored identifier (``keep_stored_name``), so an administrator who
saves the workflow screen in Indonesian does not rename the workflow. A name
changed to anything else is the site's own from then on.
"""

import re

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop, override

WORKFLOW_NAME = gettext_noop("KIM review")
TASK_NAME = gettext_noop("Diskominfo review")
MODERATORS_NAME = gettext_noop("Diskominfo moderators")
TRANSLATORS_NAME = gettext_noop("Translators")
# "KIM Bahaur Bersatu editors": the KIM group's title, then "editors".
EDITORS_NAME = gettext_noop("%(group)s editors")

FIXED_NAMES = (WORKFLOW_NAME, TASK_NAME, MODERATORS_NAME, TRANSLATORS_NAME)
EDITORS_PATTERN = re.compile(r"^(?P<group>KIM .+) editors(?P<suffix> \(\d+\))?$")
# kim-cms numbers a name that a site's own group already has: "Translators (2)".
SUFFIX_PATTERN = re.compile(r"^(?P<name>.+?)(?P<suffix> \(\d+\))?$")
STORED = "_kim_cms_stored_name"


def editors_name(group_title):
    """The stored name of the editors group of the KIM group ``group_title``."""
    title = " ".join(group_title.split())
    if not title.casefold().startswith("kim "):
        title = f"KIM {title}"
    return EDITORS_NAME % {"group": title}


class DisplayName(str):
    """A stored name that reads as its translation.

    Equality, hashing, slicing, the database and JSON see the stored text;
    ``str()``, ``format()``, ``%s`` and templates see the translation into the
    active language. Pickled, it becomes the plain stored text."""

    def __new__(cls, stored, msgid, params=None, suffix=""):
        name = super().__new__(cls, stored)
        name.msgid = msgid
        name.params = params
        name.suffix = suffix
        return name

    def stored(self):
        return str.__str__(self)

    def __str__(self):
        text = gettext(self.msgid)
        if self.params is not None:
            text = text % self.params
        return text + self.suffix

    def __format__(self, spec):
        return format(str(self), spec)

    def __html__(self):
        return escape(str(self))

    def __reduce__(self):
        return (str, (self.stored(),))


def display_name(stored):
    """``stored`` as a ``DisplayName`` when it is a name kim-cms gives, else
    ``stored`` itself."""
    if not isinstance(stored, str) or isinstance(stored, DisplayName):
        return stored
    match = EDITORS_PATTERN.match(stored)
    if match:
        return DisplayName(
            stored,
            EDITORS_NAME,
            {"group": match["group"]},
            match["suffix"] or "",
        )
    match = SUFFIX_PATTERN.match(stored)
    if match and match["name"] in FIXED_NAMES:
        return DisplayName(stored, match["name"], suffix=match["suffix"] or "")
    return stored


def translations(name):
    """What ``name`` reads as in each of the site's languages."""
    shown = set()
    for code, _language in settings.LANGUAGES:
        with override(code):
            shown.add(str(name))
    return shown


def show_translated(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if name is None:
        return
    name = display_name(name)
    instance.__dict__["name"] = name
    if isinstance(name, DisplayName):
        instance.__dict__[STORED] = name


def keep_stored_name(sender, instance, raw=False, **kwargs):
    """A form shows a name as its translation: saved back unchanged, the
    stored name stays."""
    stored = instance.__dict__.get(STORED)
    name = instance.__dict__.get("name")
    if raw or stored is None or isinstance(name, DisplayName):
        return
    if name in translations(stored):
        instance.name = stored


def named_models():
    """Django's groups, Wagtail's workflows and every type of workflow task."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    tasks = [model for model in apps.get_models() if issubclass(model, Task)]
    return [Group, Workflow, *tasks]


def connect():
    for model in named_models():
        uid = f"kim_cms_names_{model._meta.label_lower}"
        post_init.connect(show_translated, sender=model, dispatch_uid=uid)
        pre_save.connect(keep_stored_name, sender=model, dispatch_uid=uid)
