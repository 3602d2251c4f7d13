"""Blocks of training material: modules, learning objectives, documents and
sessions.

Videos are never embedded: readers on slow, costly mobile data get a plain
link to the video, so opening a module never downloads a player.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from kim_cms.blocks.content import (
    DocumentBlock,
    ParagraphBlock,
    latest_document,
    readable_in_context,
)

EXERCISE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class LearningObjectiveBlock(blocks.CharBlock):
    """One thing a participant can do after the training."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 250)
        super().__init__(**kwargs)

    class Meta:
        icon = "tick"
        label = _("Learning objective")
        template = "kim_cms/blocks/learning_objective_block.html"
        description = _(
            "One thing participants can do afterwards, e.g. 'Check a news story "
            "before sharing it'."
        )
        preview_value = "Memeriksa kebenaran berita sebelum membagikannya"


def _document_link_preview():
    return {"document": latest_document(), "description": "Materi hari pertama"}


class DocumentLinkBlock(DocumentBlock):
    """A training's document: the library's document download with a short
    note on what it is instead of a title and a description."""

    title = None
    description = blocks.CharBlock(
        label=_("Description"),
        required=False,
        max_length=250,
        help_text=_("What the document is, e.g. 'Slides of day 1'."),
    )

    class Meta:
        label = _("Document")
        template = "kim_cms/blocks/document_link_block.html"
        description = _("A file participants can download: slides, handouts, forms.")
        preview_value = staticmethod(_document_link_preview)


class ModuleBlock(blocks.StructBlock):
    """One module of a training: text, an optional video, documents and an
    exercise."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = ParagraphBlock(label=_("Text"))
    # A URL, not an EmbedBlock: readers get a link (no player on slow mobile
    # data), the admin never fetches oEmbed data, and wagtail-localize cannot
    # extract an empty optional EmbedBlock (it crashes on None).
    video = blocks.URLBlock(
        label=_("Video"),
        required=False,
        help_text=_(
            "Address of a video (e.g. on YouTube). Readers get a link, not a "
            "player, to save their mobile data."
        ),
    )
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("Document")),
        label=_("Documents"),
        default=[],
        collapsed=True,
    )
    exercise = blocks.RichTextBlock(
        label=_("Exercise"),
        required=False,
        features=EXERCISE_FEATURES,
        help_text=_("A task participants do to practise, with its questions."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Module")
        template = "kim_cms/blocks/module_block.html"
        form_classname = "struct-block kim-module-block"
        description = _(
            "One part of the training: its text, a video link, documents and an "
            "exercise."
        )
        preview_value = {
            "title": "Mengenali hoaks",
            "text": "<p>Hoaks adalah informasi bohong yang sengaja disebarkan.</p>",
            "exercise": "<p>Periksa tiga pesan berantai di grup WhatsApp desa.</p>",
        }

    def get_context(self, value, parent_context=None):
        """Only the module's documents the reader may see, when the page has
        worked them out (``kim_visible_document_ids``)."""
        context = super().get_context(value, parent_context=parent_context)
        context["documents"] = readable_in_context(value["documents"], parent_context)
        return context


class TrainingModuleStreamBlock(blocks.StreamBlock):
    """The ordered modules of a training."""

    module = ModuleBlock()

    class Meta:
        label = _("Modules")


class SessionPageBlock(blocks.StructBlock):
    """A link to a page announcing a session (an event page)."""

    page = blocks.PageChooserBlock(label=_("Page"))
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=200,
        help_text=_("Optional, e.g. 'For KIM members of Kahayan Hilir'."),
    )

    class Meta:
        icon = "date"
        label = _("Session page")
        template = "kim_cms/blocks/session_page_block.html"
        description = _("Link to the page of an upcoming session of this training.")

    def get_context(self, value, parent_context=None):
        """``session_page``: the page, unless it is a draft or private."""
        from kim_cms.visibility import public_or_none

        context = super().get_context(value, parent_context=parent_context)
        context["session_page"] = public_or_none(value["page"])
        return context


COURSE_MODE_CHOICES = [
    ("onsite", _("In person")),
    ("online", _("Online")),
    ("blended", _("In person and online")),
]


class SessionScheduleBlock(blocks.StructBlock):
    """A session described in words: when, where and how to take part."""

    start = blocks.DateTimeBlock(label=_("Starts"))
    end = blocks.DateTimeBlock(label=_("Ends"), required=False)
    place = blocks.CharBlock(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("E.g. Aula Kantor Desa Pulang Pisau, or a meeting link."),
    )
    mode = blocks.ChoiceBlock(
        label=_("How to take part"), choices=COURSE_MODE_CHOICES, default="onsite"
    )
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=250,
        help_text=_("E.g. how to register, what to bring."),
    )

    class Meta:
        icon = "time"
        label = _("Session schedule")
        template = "kim_cms/blocks/session_schedule_block.html"
        description = _("A session's date, time and place, written here.")

    def get_context(self, value, parent_context=None):
        from kim_cms.conf import kim_settings

        context = super().get_context(value, parent_context=parent_context)
        context["mode_label"] = dict(COURSE_MODE_CHOICES).get(value.get("mode"), "")
        context["kim_time_zone"] = kim_settings.TIME_ZONE
        return context

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if value.get("end") and value.get("start") and value["end"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={
                    "end": ValidationError(
                        _("The session cannot end before it starts.")
                    )
                }
            )
        return value


class TrainingSessionStreamBlock(blocks.StreamBlock):
    """Sessions of a training: links to event pages or schedules in words."""

    session_page = SessionPageBlock()
    schedule = SessionScheduleBlock()

    class Meta:
        label = _("Sessions")


class LearningObjectiveStreamBlock(blocks.StreamBlock):
    """The list of learning objectives."""

    objective = LearningObjectiveBlock()

    class Meta:
        label = _("Learning objectives")


class TrainingDocumentStreamBlock(blocks.StreamBlock):
    """The downloadable documents of a training."""

    document = DocumentLinkBlock()

    class Meta:
        label = _("Documents")
