"""The demo's pictures: flat illustrations of Pulang Pisau's rivers, fields,
ponds, stages and classrooms, and the groups' emblems, drawn locally with
Pillow (nothing is downloaded). Every picture is deterministic: the same
scene and seed give the same pixels.

``SCENES`` maps a scene name to its drawing function, the keyword arguments
it is drawn with, and a description of the picture in Indonesian and English
(the alternative text). ``render(name, seed, size)`` draws one;
``emblem(letters, color, shape, motif)`` draws a group's logo; ``jpeg`` and
``emblem_png`` return them encoded.
"""

import functools
import hashlib
import io
import random

from kim_cms.demo.drawing import Canvas
from kim_cms.demo.pictures.culture import (
    dancer,
    dayak_pattern,
    draw_blowpipe,
    draw_harvest_festival,
    draw_karungut,
    draw_parade,
    draw_ritual,
    draw_stage,
    draw_stalls,
    draw_weaving,
    rice_basket,
    seated_front,
)
from kim_cms.demo.pictures.emblems import (
    emblem,
    shield_outline,
)
from kim_cms.demo.pictures.fields import (
    draw_compost,
    draw_dolomite,
    draw_maize,
    draw_peat_canal,
    draw_raised_beds,
    draw_rice_field,
    draw_seedlings,
)
from kim_cms.demo.pictures.gardens import (
    draw_chilli,
    draw_rubber_dawn,
    draw_rubber_tapping,
)
from kim_cms.demo.pictures.ponds import (
    draw_beje,
    draw_ducks,
    draw_pond,
)
from kim_cms.demo.pictures.registry import (
    ROOF_DARK,
    SCENES,
    scene,
)
from kim_cms.demo.pictures.rivers import (
    draw_boat_race,
    draw_floating_market,
    draw_river,
)
from kim_cms.demo.pictures.training import (
    draw_class,
    draw_fire_watch,
    draw_laptop,
    draw_phone_camera,
    draw_phone_hoax,
    draw_product_photo,
)


def describe(name):
    """The (Indonesian, English) description of scene ``name``."""
    _function, _options, description_id, description_en = SCENES[name]
    return description_id, description_en


def rng(seed):
    return random.Random(int(hashlib.sha1(seed.encode()).hexdigest()[:12], 16))


@functools.lru_cache(maxsize=256)
def jpeg(name, seed="", size=(1200, 630)):
    """Scene ``name`` as JPEG bytes (kept for the process: a demo loaded
    again, as tests do, draws nothing twice)."""
    buffer = io.BytesIO()
    render(name, seed, size).save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def emblem_png(letters, color, shape="circle", motif=None, size=(400, 400)):
    """The emblem as PNG bytes, kept like ``jpeg``."""
    buffer = io.BytesIO()
    emblem(letters, color, shape, motif, size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render(name, seed="", size=(1200, 630)):
    """Scene ``name`` as a PIL image of ``size``, its details varied by ``seed``."""
    function, options, _id, _en = SCENES[name]
    canvas = Canvas(size)
    function(canvas, rng(f"{name}:{seed}"), **options)
    return canvas.finish()


__all__ = [
    "ROOF_DARK",
    "SCENES",
    "dancer",
    "dayak_pattern",
    "describe",
    "draw_beje",
    "draw_blowpipe",
    "draw_boat_race",
    "draw_chilli",
    "draw_class",
    "draw_compost",
    "draw_dolomite",
    "draw_ducks",
    "draw_fire_watch",
    "draw_floating_market",
    "draw_harvest_festival",
    "draw_karungut",
    "draw_laptop",
    "draw_maize",
    "draw_parade",
    "draw_peat_canal",
    "draw_phone_camera",
    "draw_phone_hoax",
    "draw_pond",
    "draw_product_photo",
    "draw_raised_beds",
    "draw_rice_field",
    "draw_ritual",
    "draw_river",
    "draw_rubber_dawn",
    "draw_rubber_tapping",
    "draw_seedlings",
    "draw_stage",
    "draw_stalls",
    "draw_weaving",
    "emblem",
    "emblem_png",
    "jpeg",
    "render",
    "rice_basket",
    "rng",
    "scene",
    "seated_front",
    "shield_outline",
]
