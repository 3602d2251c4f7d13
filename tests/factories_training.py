"""Factories for training material."""

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from kim_cms.pages import TrainingIndexPage, TrainingMaterialPage
from kim_cms.snippets import TrainingTopic


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Modul {n}")
    file = factory.LazyAttribute(
        lambda o: ContentFile(b"%PDF-1.4 " + o.title.encode(), name="modul.pdf")
    )

    @factory.post_generation
    def metadata(obj, create, extracted, **kwargs):
        """Size and hash, as the admin's upload form sets them."""
        obj._set_document_file_metadata()
        if create:
            obj.save()


class TrainingTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingTopic

    name = factory.Sequence(lambda n: f"Topik {n}")
    slug = factory.Sequence(lambda n: f"topik-{n}")


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage

    title = "Materi Pelatihan"
    slug = "pelatihan"


class TrainingMaterialPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingMaterialPage

    title = factory.Sequence(lambda n: f"Pelatihan {n}")
    summary = "Materi pelatihan untuk anggota KIM."
    organiser_name = "Dinas Komunikasi dan Informatika"
    material_type = "pelatihan"
    audience = "kim"
    level = "dasar"
    duration_minutes = 90


def module(
    title="Modul", text="<p>Isi modul.</p>", documents=(), video=None, exercise=""
):
    """StreamField data of one module block."""
    return (
        "module",
        {
            "title": title,
            "text": text,
            "video": video or "",
            "documents": list(documents),
            "exercise": exercise,
        },
    )


def document_link(document, description=""):
    return ("document", {"document": document, "description": description})


def make_material(parent, modules=(), documents=(), sessions=(), objectives=(), **kw):
    """A published material under ``parent`` with raw StreamField content."""
    topics = kw.pop("topics", None)
    page = TrainingMaterialPageFactory.build(**kw)
    page.learning_objectives = [("objective", text) for text in objectives]
    page.modules = list(modules)
    page.documents = [document_link(doc) for doc in documents]
    page.sessions = list(sessions)
    if topics:
        page.topics = topics
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
