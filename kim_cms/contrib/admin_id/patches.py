"""Two places where Wagtail and wagtail-localize write English that no
catalogue can reach, made to read the user's language when the app is ready.

- Wagtail's login form declares its password field without a label, so
  Django names it after the field: "Password", on every login screen.
- wagtail-localize dates each translated segment ("Translated manually on
  {date}") with ``strftime``, whose month names are English whatever the
  language: the date is written as Django writes dates in the user's
  language instead ("1 Desember 2026").
"""

from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext

# Wagtail's own message, translated by the app's catalogue: not marked for
# makemessages, which would write it into this app's locale/.
upstream_message = lazy(gettext, str)


def label_the_login_password():
    from wagtail.admin.forms.auth import LoginForm

    field = LoginForm.base_fields.get("password")
    if field is not None and not field.label:
        field.label = upstream_message("Password")


def date_translated_segments_in_the_users_language():
    from wagtail_localize.models import StringTranslation

    original = StringTranslation.get_comment
    if getattr(original, "_kim_cms_admin_id", False):
        return

    def get_comment(self):
        from wagtail_localize.compat import DATE_FORMAT

        comment = original(self)
        if comment and self.updated_at is not None:
            comment = comment.replace(
                self.updated_at.strftime(DATE_FORMAT),
                date_format(self.updated_at, "j F Y"),
            )
        return comment

    get_comment._kim_cms_admin_id = True
    get_comment.__doc__ = original.__doc__
    StringTranslation.get_comment = get_comment


def install():
    label_the_login_password()
    date_translated_segments_in_the_users_language()
