"""The warning's admin form: *valid from* and *valid until* are typed and
shown on the warning's own clock (its ``time_zone`` field), not the admin
user's, so that 18:00 typed for a WIT warning is 18:00 WIT, as the agency
wrote it."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from kim_cms.pages.warnings.levels import TIME_ZONE_CHOICES, default_warning_time_zone
from kim_cms.schedule import zone_abbreviation

WALL_CLOCK_FIELDS = ("valid_from", "valid_until")


class WarningAdminForm(WagtailAdminPageForm):
    """Reads and shows the validity times in the warning's time zone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = ZoneInfo(self.instance.time_zone or default_warning_time_zone())
        for name in WALL_CLOCK_FIELDS:
            if name not in self.fields:
                continue
            self.fields[name].help_text = _(
                "In the warning's time zone chosen below (now %(zone)s)."
            ) % {"zone": zone_abbreviation(str(zone))}
            value = self.initial.get(name)
            if value is not None and timezone.is_aware(value):
                # shown as written: naive, on the warning's clock
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def entry_zone(self):
        """The zone the times are typed in: the one chosen in the form, else
        the warning's."""
        known = {code for code, _label in TIME_ZONE_CHOICES}
        chosen = self.data.get(self.add_prefix("time_zone")) if self.is_bound else None
        if chosen not in known:
            chosen = self.instance.time_zone or default_warning_time_zone()
        return ZoneInfo(chosen)

    def full_clean(self):
        with timezone.override(self.entry_zone()):
            super().full_clean()

    @cached_property
    def changed_data(self):
        with timezone.override(self.entry_zone()):
            return super().changed_data
