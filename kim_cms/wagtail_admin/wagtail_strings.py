"""Wagtail's moderation e-mails and buttons, in Indonesian; the privacy
dialog saying that restrictions follow translations (``kim_cms/privacy.py``).

Wagtail sends workflow e-mails in each recipient's language, but its own
Indonesian catalogue lacks their text. These are the exact messages of
Wagtail's ``wagtailadmin/notifications/`` templates; kim_cms's catalogue
translates them, and since kim_cms comes first in ``INSTALLED_APPS`` Django
uses its translation. Nothing imports this module: ``makemessages`` reads it.
"""

from django.utils.translation import gettext_noop

# The moderator's buttons in the page editor (wagtail.models.workflows).
WAGTAIL_WORKFLOW_ACTIONS = (
    gettext_noop("Approve"),
    gettext_noop("Approve with comment"),
    gettext_noop("Request changes"),
    gettext_noop("%(label)s and Publish"),
)

WAGTAIL_NOTIFICATION_MESSAGES = (
    gettext_noop('The page "%(title)s" has been approved.'),
    gettext_noop("You can view the page here:"),
    gettext_noop('The page "%(title)s" has been approved'),
    gettext_noop("Hello %(username)s,"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop('The page "%(title)s" has been rejected.'),
    gettext_noop("You can edit the page here:"),
    gettext_noop('The page "%(title)s" has been rejected'),
    gettext_noop(
        'The page "%(title)s" has been approved in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'
    ),
    gettext_noop("You can edit the %(model_name)s here:"),
    gettext_noop('The page "%(title)s" has been approved in "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected in moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop("You can preview the page here:"),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    gettext_noop("You can preview the %(model_name)s here:"),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    gettext_noop('%(editor)s has updated comments on "%(title)s".'),
    gettext_noop("New comments"),
    gettext_noop("Resolved comments"),
    gettext_noop("Deleted comments"),
    gettext_noop("New replies"),
    gettext_noop("New replies to:"),
    gettext_noop("New comments:"),
    gettext_noop("Resolved comments:"),
    gettext_noop("Deleted comments:"),
    gettext_noop("New replies:"),
    gettext_noop('%(editor)s has updated comments on "%(title)s"'),
    gettext_noop('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The following comment was left: "%(comment)s"'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been rejected during "%(workflow)s".'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    gettext_noop('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    gettext_noop(
        'The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'
    ),
)


# The privacy dialog of the page editor
# (wagtailadmin/shared/side_panels/includes/status/privacy.html): kim_cms's
# catalogues, English included, add that restrictions follow translations.
WAGTAIL_PRIVACY_MESSAGES = (
    gettext_noop("Privacy changes apply to all children of this page too."),
)
