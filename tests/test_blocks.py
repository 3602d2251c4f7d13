"""The blocks library: every block renders, has a preview and translated labels."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from kim_cms.blocks import (
    BodyStreamBlock,
    ContactBlock,
    DocumentBlock,
    FaqBlock,
    GalleryBlock,
    LinkListBlock,
    QuoteBlock,
    TableBlock,
    VideoBlock,
    describe_document,
)
from tests.factories import ImageFactory
from tests.html import squash

pytestmark = pytest.mark.django_db


def render(block, raw):
    return block.render(block.to_python(raw))


def make_document(size=1_258_291, name="panduan.pdf"):
    document = get_document_model()(title="Panduan KIM")
    document.file.save(name, ContentFile(b"x" * size), save=False)
    document.save()
    return document


def test_every_block_is_documented_and_previewable():
    for name, block in BodyStreamBlock().child_blocks.items():
        meta = block.meta
        assert block.__class__.__doc__, name
        assert meta.icon, name
        assert meta.label, name
        assert meta.template.startswith("kim_cms/blocks/"), name
        assert getattr(meta, "description", None), name
        assert block.is_previewable, name
        with translation.override("id"):
            assert str(meta.label), name


def test_block_previews_render_with_and_without_media(locales):
    for name, block in BodyStreamBlock().child_blocks.items():
        if name == "video":
            continue  # the preview points at YouTube: never fetched in tests
        block.render(block.get_preview_value())
    ImageFactory()
    make_document()
    for name, block in BodyStreamBlock().child_blocks.items():
        if name != "video":
            assert block.render(block.get_preview_value()), name


def test_labels_are_translated():
    with translation.override("id"):
        assert str(FaqBlock().meta.label) == "Tanya jawab"
        assert str(TableBlock().meta.label) == "Tabel"


def test_gallery_renders_thumbnails_linking_to_large_versions():
    images = [ImageFactory(), ImageFactory()]
    html = render(
        GalleryBlock(),
        {
            "title": "Dokumentasi",
            "images": [
                {"image": images[0].pk, "alt_text": "Warga berkumpul", "caption": "A"},
                {"image": images[1].pk, "alt_text": "", "caption": ""},
            ],
        },
    )
    assert html.count("<img") == 2
    assert 'alt="Warga berkumpul"' in html
    assert "Dokumentasi" in html


def test_video_falls_back_to_a_link_when_it_cannot_be_embedded():
    html = render(
        VideoBlock(), {"video": "https://video.example.org/v/1", "title": "Bimtek"}
    )
    assert '<a href="https://video.example.org/v/1" rel="noopener">Bimtek</a>' in html
    assert "<iframe" not in html


def test_video_uses_a_cached_embed():
    url = "https://www.youtube.com/watch?v=abc"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    )
    html = render(VideoBlock(), {"video": url})
    assert '<iframe src="https://www.youtube.com/embed/abc">' in html


def test_document_shows_type_and_size():
    document = make_document()
    with translation.override("id"):
        assert describe_document(document) == "PDF, 1,2\xa0MB"
        html = render(DocumentBlock(), {"document": document.pk, "title": ""})
    assert "Panduan KIM" in html
    assert "(PDF, 1,2\xa0MB)" in html
    with translation.override("en"):
        assert describe_document(document) == "PDF, 1.2\xa0MB"


def test_quote_contact_faq_table_and_links_render(portal):
    assert "<blockquote><p>Bagus</p></blockquote>" in squash(
        render(
            QuoteBlock(),
            {"text": "Bagus", "name": "Pak Amat", "role": "", "photo": None},
        )
    )
    html = render(
        ContactBlock(),
        {"name": "KIM Bahaur", "phone": "+62 812-3456", "email": "kim@example.org"},
    )
    assert 'href="tel:+628123456"' in html
    assert 'href="mailto:kim@example.org"' in html
    html = render(FaqBlock(), {"question": "Apa itu KIM?", "answer": "<p>Kelompok</p>"})
    assert "<details" in html and "<summary>Apa itu KIM?</summary>" in html
    html = render(
        TableBlock(),
        {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "Jadwal",
            "data": [["Hari", "Kegiatan"], ["Senin", "Bimtek <b>"]],
        },
    )
    assert '<th scope="col">Hari</th>' in html
    assert '<th scope="row">Senin</th>' in html
    assert "Bimtek &lt;b&gt;" in html
    html = render(
        LinkListBlock(),
        {
            "title": "Tautan",
            "links": [
                {"page": portal.pk, "url": "", "text": ""},
                {"page": None, "url": "https://example.org/", "text": "Contoh"},
            ],
        },
    )
    assert '<a href="/">Portal KIM Pulang Pisau</a>' in html
    assert '<a href="https://example.org/" rel="noopener">Contoh</a>' in html


def test_link_needs_a_page_or_an_address():
    from django.core.exceptions import ValidationError

    block = LinkListBlock().child_blocks["links"].child_block
    with translation.override("id"):
        with pytest.raises(ValidationError) as error:
            block.clean(block.to_python({"page": None, "url": "", "text": "x"}))
        message = str(error.value.block_errors["url"])
    assert "Pilih halaman atau isi alamat web." in message


def test_training_document_block_is_the_document_block_with_a_note():
    from kim_cms.blocks import DocumentLinkBlock

    block = DocumentLinkBlock()
    assert isinstance(block, DocumentBlock)
    # the sub-blocks its migrations froze: no title, a short note
    assert list(block.child_blocks) == ["document", "description"]
    assert block.child_blocks["description"].field.max_length == 250
    document = make_document()
    with translation.override("id"):
        html = render(block, {"document": document.pk, "description": "Slide"})
    assert "Panduan KIM" in html
    assert "(PDF, 1,2\xa0MB)" in html
    assert "Slide" in html


def test_document_blocks_hide_a_document_of_a_private_collection(rf):
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Collection, CollectionViewRestriction

    from kim_cms.blocks import DocumentLinkBlock

    private = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document()
    document.collection = private
    document.save()
    request = rf.get("/")
    request.user = AnonymousUser()
    request.session = {}
    for block in (DocumentBlock(), DocumentLinkBlock()):
        value = block.to_python({"document": document.pk})
        html = block.render(value, context={"request": request})
        assert "Panduan KIM" not in html, type(block).__name__
        # a page that worked out what the reader may see decides instead
        visible = {"request": request, "kim_visible_document_ids": {document.pk}}
        assert "Panduan KIM" in block.render(value, context=visible)


def test_file_info_filter_names_a_file_without_extension():
    from django.template import Context, Template

    document = make_document(size=10, name="catatan")
    template = Template("{% load kim_documents_tags %}{{ document|kim_file_info }}")
    with translation.override("en"):
        assert template.render(Context({"document": document})) == "file, 10\xa0bytes"
        assert template.render(Context({"document": None})) == ""
