"""Only the local renditions view, as production settings without an object store serve it."""

from cms.media_files import rendition_urls

urlpatterns = rendition_urls()
