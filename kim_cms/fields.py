"""Model fields kim_cms adds: a multiple choice stored in a plain text column,
and a text of lines that translators translate line by line."""

import hashlib
from collections import Counter

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def split_choices(value):
    """``",11,12,1,"`` -> ``["11", "12", "1"]``."""
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v)]
    return [part for part in str(value).split(",") if part]


def join_choices(values):
    """``["11", "1"]`` -> ``",11,1,"``: leading and trailing commas make
    ``field__contains=",1,"`` match exactly one value on every database."""
    values = [str(v) for v in values if str(v)]
    return f",{','.join(values)}," if values else ""


class MultipleChoiceTextFormField(forms.MultipleChoiceField):
    """Check boxes whose cleaned value is the comma-separated text."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return split_choices(value)

    def to_python(self, value):
        return split_choices(value)

    def clean(self, value):
        values = super().clean(value)
        order = [str(key) for key, _label in self.choices]
        return join_choices(sorted(values, key=order.index))

    def has_changed(self, initial, data):
        return sorted(split_choices(initial)) != sorted(split_choices(data))


class MultipleChoiceTextField(models.CharField):
    """Several values from ``item_choices`` stored as ``",a,b,"`` in a
    ``CharField``: portable across databases (unlike ``ArrayField``), filterable
    with ``__contains=",a,"``. ``item_choices`` is behaviour, not schema, so it
    stays out of migrations."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        """Only values of ``item_choices``, also when the value is set by code
        (an import, a script) rather than by the admin's check boxes."""
        super().validate(value, model_instance)
        allowed = {str(key) for key, _label in self.item_choices}
        unknown = [item for item in split_choices(value) if item not in allowed]
        if unknown:
            raise ValidationError(
                _("%(values)s is not one of the choices."),
                code="invalid_choice",
                params={"values": ", ".join(unknown)[:100]},
            )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": MultipleChoiceTextFormField,
            "choices": [(str(k), v) for k, v in self.item_choices],
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        for unwanted in ("max_length", "empty_value", "widget"):
            defaults.pop(unwanted, None)
        return form_class(**defaults)


class TranslatableLinesField(models.TextField):
    """A text written one point per line (a mission, a vision), which
    wagtail-localize offers for translation line by line.

    A plain ``TextField`` reaches the translation editor as one segment, its
    line breaks shown as ``<br/>`` tags the translator must keep. Here every
    non-empty line is a segment of its own, named after its text, so that
    editing one line of the source leaves the translations of the others in
    place. The translation keeps the source's lines in their order."""

    @staticmethod
    def keyed_lines(value):
        """``[(key, line)]`` for the non-empty lines of ``value``, stripped;
        a line repeated gets a numbered key."""
        seen = Counter()
        keyed = []
        for line in (value or "").splitlines():
            text = line.strip()
            if not text:
                continue
            digest = hashlib.sha1(text.encode()).hexdigest()[:12]
            seen[digest] += 1
            keyed.append(
                (digest if seen[digest] == 1 else f"{digest}-{seen[digest]}", text)
            )
        return keyed

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        return [StringSegmentValue(key, text) for key, text in self.keyed_lines(value)]

    def restore_translated_segments(self, value, segments):
        translated = {
            segment.path: segment.render_text()
            for segment in segments
            if hasattr(segment, "render_text")
        }
        return "\n".join(
            translated.get(key, text) for key, text in self.keyed_lines(value)
        )
