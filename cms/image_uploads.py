"""The admin's image form: the pixel limit counts every frame of an animated image.

Wagtail multiplies width, height and the frame count Willow reports, but Willow's Pillow
backend reports one frame for every image, so a 200-frame 1000x700 GIF (140 million pixels)
passed a 128 million limit. Pillow itself knows the frames: this form asks it, and stops
counting as soon as the answer is known, so counting is bounded work whatever the file holds.
"""

from __future__ import annotations

from typing import IO, Any

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm


def count_frames(file: IO[bytes], stop_after: int) -> int:
    """Frames in the image ``file`` holds, counting no further than ``stop_after + 1``.

    1 for a still image and for anything Pillow cannot read (SVG); Wagtail has checked those.
    """
    try:
        with PILImage.open(file) as image:
            frames = 1
            while frames <= stop_after:
                try:
                    image.seek(frames)
                except EOFError:
                    break
                frames += 1
            return frames
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return 1
    finally:
        file.seek(0)


class ImageForm(BaseImageForm):
    """Wagtail's image form, refusing an image whose frames together pass the pixel limit."""

    def clean_file(self) -> Any:
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):  # unchanged on edit: checked when uploaded
            return file
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
        max_frames = settings.CMS_IMAGE_MAX_FRAMES
        width, height = file.image.get_size()
        # One frame more than the limits allow is enough to refuse.
        stop_after = max_frames
        if max_pixels:
            stop_after = min(max_frames, max_pixels // max(width * height, 1))
        frames = count_frames(file, stop_after)
        if frames > max_frames:
            raise ValidationError(
                _("This image has more than %(max_frames)s frames; the maximum is %(max_frames)s.")
                % {"max_frames": max_frames},
                code="too_many_frames",
            )
        if max_pixels and width * height * frames > max_pixels:
            # Counting stopped at the first frame past the limit: there may be more.
            raise ValidationError(
                _(
                    "This file has too many pixels (%(width)s×%(height)s in %(frames)s frames "
                    "or more). Maximum pixels %(max_pixels)s."
                )
                % {"width": width, "height": height, "frames": frames, "max_pixels": max_pixels},
                code="file_too_many_pixels",
            )
        return file
