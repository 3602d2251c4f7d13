"""Colours and the canvas the demo's pictures are drawn on."""

from PIL import Image, ImageDraw

SUPERSAMPLE = 2

# -- colours ---------------------------------------------------------------

SKY_DAY = ((112, 184, 232), (214, 238, 250))
SKY_MORNING = ((246, 164, 118), (255, 228, 178))
SKY_EVENING = ((222, 104, 96), (255, 196, 128))
SKY_NIGHT = ((22, 28, 68), (74, 62, 120))

GREEN_DARK = (34, 96, 62)
GREEN = (64, 146, 74)
GREEN_LIGHT = (128, 192, 92)
LEAF = (52, 128, 60)
RICE_GOLD = (222, 178, 64)
SOIL = (128, 88, 58)
SOIL_DARK = (92, 62, 44)
PEAT = (70, 50, 40)
WOOD = (150, 98, 58)
WOOD_DARK = (104, 66, 40)
ROOF = (160, 58, 44)
WATER = ((78, 154, 200), (40, 104, 164))
SWAMP = ((70, 96, 78), (40, 62, 52))
WAVE = (170, 214, 238)
WHITE = (250, 250, 246)
CREAM = (246, 236, 214)
INK = (40, 44, 56)
SKINS = [(224, 172, 128), (196, 138, 96), (168, 112, 76), (236, 190, 150)]
HAIR = [(40, 30, 26), (28, 24, 22), (62, 42, 30)]
CLOTHES = [
    (214, 64, 58),
    (38, 110, 180),
    (244, 180, 40),
    (40, 150, 120),
    (150, 70, 150),
    (236, 120, 40),
    (60, 70, 140),
    (200, 60, 110),
]


def mix(a, b, t):
    """The colour ``t`` of the way from ``a`` to ``b``."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def lighter(color, t=0.3):
    return mix(color, (255, 255, 255), t)


def darker(color, t=0.3):
    return mix(color, (0, 0, 0), t)


class Canvas:
    """A picture being drawn; ``W`` is its width in units (its height is 1000)."""

    def __init__(self, size, background=WHITE, scale=SUPERSAMPLE):
        width, height = size
        self.size = size
        self.scale = scale
        self.k = height * scale / 1000
        self.W = 1000 * width / height
        self.image = Image.new("RGB", (width * scale, height * scale), background)
        self.draw = ImageDraw.Draw(self.image)

    # -- coordinates -----------------------------------------------------
    def p(self, x, y):
        return (x * self.k, y * self.k)

    def pts(self, points):
        return [(x * self.k, y * self.k) for x, y in points]

    def box(self, x0, y0, x1, y1):
        return [
            min(x0, x1) * self.k,
            min(y0, y1) * self.k,
            max(x0, x1) * self.k,
            max(y0, y1) * self.k,
        ]

    # -- primitives --------------------------------------------------------
    def poly(self, points, fill):
        self.draw.polygon(self.pts(points), fill=fill)

    def rect(self, x0, y0, x1, y1, fill, r=0):
        if r:
            radius = min(r, abs(x1 - x0) / 2, abs(y1 - y0) / 2) * self.k
            self.draw.rounded_rectangle(
                self.box(x0, y0, x1, y1), radius=radius, fill=fill
            )
        else:
            self.draw.rectangle(self.box(x0, y0, x1, y1), fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill):
        self.draw.ellipse(self.box(cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)

    def circle(self, cx, cy, r, fill):
        self.ellipse(cx, cy, r, r, fill)

    def line(self, points, fill, width, caps=True):
        self.draw.line(
            self.pts(points),
            fill=fill,
            width=max(1, round(width * self.k)),
            joint="curve",
        )
        if caps:
            for x, y in (points[0], points[-1]):
                self.circle(x, y, width / 2, fill)

    def arc(self, cx, cy, r, start, end, fill, width):
        self.draw.arc(
            self.box(cx - r, cy - r, cx + r, cy + r),
            start,
            end,
            fill=fill,
            width=max(1, round(width * self.k)),
        )

    def pieslice(self, cx, cy, r, start, end, fill):
        self.draw.pieslice(
            self.box(cx - r, cy - r, cx + r, cy + r), start, end, fill=fill
        )

    def gradient(self, y0, y1, top, bottom, x0=0, x1=None):
        """A vertical blend from ``top`` to ``bottom`` (a one-pixel column,
        stretched: much faster than a line per row)."""
        x1 = self.W if x1 is None else x1
        first, last = round(y0 * self.k), round(y1 * self.k)
        left, right = round(x0 * self.k), round(x1 * self.k)
        if last <= first or right <= left:
            return
        span = max(1, last - first - 1)
        column = Image.new("RGB", (1, last - first))
        column.putdata([mix(top, bottom, row / span) for row in range(last - first)])
        self.image.paste(column.resize((right - left, last - first)), (left, first))

    def finish(self):
        if self.scale == 1:
            return self.image
        return self.image.reduce(self.scale)
