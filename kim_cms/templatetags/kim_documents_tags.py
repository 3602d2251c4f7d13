"""What a reader fetches before they fetch it: ``{% load kim_documents_tags %}``."""

from django import template

from kim_cms.blocks import describe_document

register = template.Library()


@register.filter
def kim_file_info(document):
    """``{{ document|kim_file_info }}``: ``PDF, 1,2 MB``, the file type and
    size of a document (``kim_cms.blocks.describe_document``)."""
    return describe_document(document)
