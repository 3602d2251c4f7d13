"""Flat vector-style drawing for the demo's pictures, with Pillow only.

A :class:`Canvas` is drawn in units of a thousandth of its height (so a scene
looks the same at any size) at twice its pixel size, then halved, which
smooths the edges. The shapes here are the vocabulary of the scenes in
``kim_cms.demo.pictures``: sky, hills, water, trees, houses, boats, people,
animals, plants and a few icons. Nothing is drawn as text: the emblem
initials use a small stroke alphabet of their own.
"""

import math

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


# -- landscape -------------------------------------------------------------


def sky(c, colors=SKY_DAY, horizon=600):
    c.gradient(0, horizon, *colors)


def sun(c, x, y, r, color=(255, 214, 92), glow=True):
    if glow:
        c.circle(x, y, r * 1.45, lighter(color, 0.55))
    c.circle(x, y, r, color)


def moon(c, x, y, r, night=SKY_NIGHT[0]):
    c.circle(x, y, r, (250, 240, 200))
    c.circle(x + r * 0.45, y - r * 0.2, r * 0.85, night)


def stars(c, rnd, count=40, bottom=450):
    for _ in range(count):
        x, y = rnd.uniform(0, c.W), rnd.uniform(0, bottom)
        c.circle(x, y, rnd.uniform(2, 5), (250, 246, 220))


def cloud(c, x, y, s, color=(255, 255, 255)):
    c.ellipse(x, y, 90 * s, 34 * s, color)
    c.circle(x - 35 * s, y - 22 * s, 38 * s, color)
    c.circle(x + 22 * s, y - 34 * s, 48 * s, color)


def clouds(c, rnd, count=3, top=60, bottom=260, color=(255, 255, 255)):
    for number in range(count):
        x = c.W * (number + rnd.uniform(0.2, 0.8)) / count
        cloud(c, x, rnd.uniform(top, bottom), rnd.uniform(0.6, 1.1), color)


def hills(c, rnd, base, amp, color, waves=2.0, bottom=1000):
    phase = rnd.uniform(0, math.tau)
    points = [(0, bottom)]
    steps = 48
    for i in range(steps + 1):
        t = i / steps
        wave = 0.6 * math.sin(phase + waves * math.tau * t) + 0.4 * math.sin(
            phase * 1.7 + waves * 2.3 * math.tau * t
        )
        points.append((c.W * t, base - amp * (0.5 + 0.5 * wave)))
    points.append((c.W, bottom))
    c.poly(points, color)


def ground(c, y, color, bottom=1000):
    c.rect(0, y, c.W, bottom, color)


def water(c, rnd, y0, y1, colors=WATER, wave=WAVE, density=1.0, x0=0, x1=None):
    x1 = c.W if x1 is None else x1
    c.gradient(y0, y1, *colors, x0=x0, x1=x1)
    rows = max(1, int((y1 - y0) / 55 * density))
    for row in range(rows):
        y = y0 + (row + 0.6) * (y1 - y0) / rows
        depth = (y - y0) / max(1, y1 - y0)
        length = 30 + 60 * depth
        for _ in range(int(3 + 5 * density)):
            x = rnd.uniform(x0, x1 - length)
            c.line(
                [(x, y), (x + length / 2, y - 6 - 6 * depth), (x + length, y)],
                mix(wave, colors[0], 0.2),
                4 + 4 * depth,
            )


def treeline(c, rnd, base, height, color, x0=0, x1=None, size=60):
    x1 = c.W if x1 is None else x1
    x = x0
    while x < x1:
        r = size * rnd.uniform(0.7, 1.2)
        c.circle(x, base - height * rnd.uniform(0.6, 1.0), r, color)
        x += r * 1.1
    c.rect(x0, base - height * 0.6, x1, base, color)


def round_tree(c, x, base, h, leaf=GREEN, trunk=WOOD_DARK):
    c.rect(x - h * 0.05, base - h * 0.55, x + h * 0.05, base, trunk)
    c.circle(x - h * 0.18, base - h * 0.62, h * 0.24, darker(leaf, 0.1))
    c.circle(x + h * 0.18, base - h * 0.64, h * 0.24, darker(leaf, 0.1))
    c.circle(x, base - h * 0.8, h * 0.28, leaf)


def palm(c, x, base, h, lean=1, leaf=(54, 140, 70), trunk=(140, 104, 70)):
    top = (x + lean * h * 0.18, base - h)
    c.line([(x, base), (x + lean * h * 0.06, base - h * 0.5), top], trunk, h * 0.07)
    for angle in (200, 235, 270, 305, 340, 20, 160):
        a = math.radians(angle)
        tip = (
            top[0] + math.cos(a) * h * 0.42,
            top[1] + math.sin(a) * h * 0.3 + h * 0.12,
        )
        mid = (
            top[0] + math.cos(a) * h * 0.22,
            top[1] + math.sin(a) * h * 0.2 - h * 0.02,
        )
        c.line([top, mid, tip], leaf, h * 0.05)
    c.circle(top[0], top[1] + h * 0.04, h * 0.05, (110, 80, 50))


def banana(c, x, base, h, color=(88, 168, 72)):
    top = base - h * 0.6
    c.line([(x, base), (x, top)], (120, 150, 70), h * 0.08)
    for angle, length in (
        (-2.7, 0.55),
        (-2.0, 0.5),
        (-1.45, 0.42),
        (-0.9, 0.5),
        (-0.35, 0.55),
    ):
        leaf(c, x, top, h * length, angle, color, width=0.32)


def gelam(c, x, base, h, leaf=(70, 120, 70)):
    """A thin swamp tree of the peat forest."""
    c.line([(x, base), (x, base - h)], (196, 186, 168), h * 0.035)
    for dy, dx, r in ((0.95, 0.0, 0.13), (0.8, -0.09, 0.1), (0.72, 0.1, 0.09)):
        c.circle(x + dx * h, base - dy * h, r * h, leaf)


def grass(c, rnd, y0, y1, color, count=60, height=30, x0=0, x1=None):
    x1 = c.W if x1 is None else x1
    for _ in range(count):
        x, y = rnd.uniform(x0, x1), rnd.uniform(y0, y1)
        s = height * (0.6 + (y - y0) / max(1, y1 - y0))
        c.line([(x - s * 0.3, y - s), (x, y)], color, 4)
        c.line([(x + s * 0.3, y - s), (x, y)], color, 4)
        c.line([(x, y - s * 1.2), (x, y)], color, 4)


# -- buildings and things --------------------------------------------------


def stilt_house(c, x, base, w, wall=(196, 150, 98), roof=ROOF, stilts=0.35):
    floor = base - w * stilts
    for i in range(5):
        px = x - w / 2 + w * 0.08 + i * (w * 0.84) / 4
        c.rect(px - w * 0.02, floor, px + w * 0.02, base, WOOD_DARK)
    c.rect(
        x - w / 2 - w * 0.04, floor - w * 0.05, x + w / 2 + w * 0.04, floor, WOOD_DARK
    )
    c.rect(x - w / 2, floor - w * 0.5, x + w / 2, floor - w * 0.05, wall)
    c.poly(
        [
            (x - w * 0.62, floor - w * 0.48),
            (x, floor - w * 0.9),
            (x + w * 0.62, floor - w * 0.48),
        ],
        roof,
    )
    c.rect(
        x - w * 0.12,
        floor - w * 0.38,
        x + w * 0.06,
        floor - w * 0.05,
        darker(wall, 0.4),
    )
    c.rect(
        x + w * 0.18, floor - w * 0.36, x + w * 0.38, floor - w * 0.2, darker(wall, 0.5)
    )
    c.rect(
        x - w * 0.4, floor - w * 0.36, x - w * 0.22, floor - w * 0.2, darker(wall, 0.5)
    )


def hut(c, x, base, w, roof=(176, 140, 80)):
    """A small open field hut (dangau) on stilts."""
    floor = base - w * 0.45
    for px in (x - w * 0.4, x + w * 0.4):
        c.rect(px - w * 0.03, floor - w * 0.4, px + w * 0.03, base, WOOD_DARK)
    c.rect(x - w * 0.5, floor - w * 0.04, x + w * 0.5, floor + w * 0.04, WOOD)
    c.poly(
        [
            (x - w * 0.65, floor - w * 0.38),
            (x, floor - w * 0.8),
            (x + w * 0.65, floor - w * 0.38),
        ],
        roof,
    )


def boat(c, x, y, length, hull=WOOD, stripe=(224, 196, 96), depth=None):
    depth = depth or length * 0.12
    half = length / 2
    c.poly(
        [
            (x - half, y - depth * 1.2),
            (x - half + depth * 1.5, y),
            (x + half - depth * 1.5, y),
            (x + half, y - depth * 1.2),
            (x + half - depth * 0.8, y - depth * 0.75),
            (x - half + depth * 0.8, y - depth * 0.75),
        ],
        hull,
    )
    c.line(
        [
            (x - half + depth * 0.9, y - depth * 0.5),
            (x + half - depth * 0.9, y - depth * 0.5),
        ],
        stripe,
        depth * 0.18,
    )


def sack(c, x, base, s, color=WHITE, band=None):
    c.rect(x - s * 0.4, base - s, x + s * 0.4, base, color, r=s * 0.18)
    c.poly(
        [
            (x - s * 0.3, base - s * 0.95),
            (x, base - s * 1.15),
            (x + s * 0.3, base - s * 0.95),
        ],
        color,
    )
    c.rect(
        x - s * 0.1, base - s * 1.05, x + s * 0.1, base - s * 0.92, darker(color, 0.25)
    )
    if band:
        c.rect(x - s * 0.4, base - s * 0.55, x + s * 0.4, base - s * 0.38, band)


def table(c, x0, x1, top, legs=160, color=WOOD, cloth=None):
    if cloth:
        c.rect(x0, top, x1, top + legs * 0.55, cloth)
    else:
        c.rect(x0, top, x1, top + 18, color)
        for lx in (x0 + 20, x1 - 40):
            c.rect(lx, top, lx + 20, top + legs, darker(color, 0.2))


def bowl(c, x, y, r, color=(236, 236, 230), food=(214, 120, 60)):
    c.ellipse(x, y - r * 0.2, r, r * 0.35, food)
    c.pieslice(x, y - r * 0.2, r, 0, 180, color)


def bunting(c, x0, x1, y, sag, rnd, size=40):
    count = max(3, int((x1 - x0) / (size * 1.3)))
    points = []
    for i in range(count + 1):
        t = i / count
        points.append((x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)))
    c.line(points, (90, 70, 60), 3, caps=False)
    for i in range(count):
        (ax, ay), (bx, by) = points[i], points[i + 1]
        color = CLOTHES[(i + rnd.randrange(2)) % len(CLOTHES)]
        mx, my = (ax + bx) / 2, (ay + by) / 2
        c.poly([(ax + 4, ay), (bx - 4, by), (mx, my + size)], color)


def string_lights(c, x0, x1, y, sag, count=14):
    points = []
    for i in range(count + 1):
        t = i / count
        points.append((x0 + (x1 - x0) * t, y + sag * 4 * t * (1 - t)))
    c.line(points, (60, 50, 50), 3, caps=False)
    for x, py in points[1:-1]:
        c.circle(x, py + 10, 14, (255, 236, 150))
        c.circle(x, py + 10, 8, (255, 250, 220))


def screen(c, x0, y0, x1, y1, frame=(60, 64, 80), face=(236, 244, 250)):
    c.rect(x0 - 14, y0 - 14, x1 + 14, y1 + 14, frame, r=12)
    c.rect(x0, y0, x1, y1, face)


def phone(c, x, y, w, h, body=(44, 48, 62), face=(236, 244, 250)):
    c.rect(x - w / 2, y - h / 2, x + w / 2, y + h / 2, body, r=w * 0.14)
    c.rect(x - w * 0.42, y - h * 0.42, x + w * 0.42, y + h * 0.4, face, r=w * 0.05)
    c.rect(
        x - w * 0.12, y - h * 0.47, x + w * 0.12, y - h * 0.45, darker(body, 0.3), r=4
    )


def text_lines(c, x0, y0, x1, count, color, gap=36, width=14):
    """Grey bars standing for text (never letters)."""
    for i in range(count):
        end = x1 if i < count - 1 else x0 + (x1 - x0) * 0.6
        c.line([(x0, y0 + i * gap), (end, y0 + i * gap)], color, width)


def bubble(c, x0, y0, x1, y1, color, tail="left"):
    c.rect(x0, y0, x1, y1, color, r=24)
    if tail == "left":
        c.poly([(x0 + 10, y1 - 30), (x0 - 18, y1 + 12), (x0 + 40, y1 - 6)], color)
    else:
        c.poly([(x1 - 10, y1 - 30), (x1 + 18, y1 + 12), (x1 - 40, y1 - 6)], color)


# -- people ----------------------------------------------------------------


def person(
    c,
    x,
    base,
    h,
    shirt,
    skin=SKINS[0],
    hair=HAIR[0],
    pants=(60, 60, 80),
    hat=None,
    arms="down",
    skirt=False,
    facing=1,
):
    """A standing figure ``h`` units tall with its feet on ``base``.

    ``arms`` is ``down``, ``up``, ``out`` (one arm forward), ``hold`` (both
    forward) or a pair of (dx, dy) hand positions relative to the shoulders
    in units of ``h``.
    """
    head_r = h * 0.1
    shoulder_y = base - h * 0.74
    hip_y = base - h * 0.42
    # legs
    if skirt:
        c.poly(
            [
                (x - h * 0.13, hip_y - h * 0.02),
                (x + h * 0.13, hip_y - h * 0.02),
                (x + h * 0.17, base - h * 0.04),
                (x - h * 0.17, base - h * 0.04),
            ],
            pants,
        )
    else:
        c.line(
            [(x - h * 0.06, hip_y), (x - h * 0.07, base - h * 0.03)], pants, h * 0.09
        )
        c.line(
            [(x + h * 0.06, hip_y), (x + h * 0.07, base - h * 0.03)], pants, h * 0.09
        )
    # arms
    hands = {
        "down": ((-0.2, 0.32), (0.2, 0.32)),
        "up": ((-0.24, -0.3), (0.24, -0.3)),
        "out": ((-0.18, 0.3), (0.36, 0.02)),
        "hold": ((0.26, 0.14), (0.34, 0.1)),
    }.get(arms, arms)
    for side, (dx, dy) in zip((-1, 1), hands, strict=True):
        sx = x + side * h * 0.12
        hx, hy = x + dx * h * facing, shoulder_y + dy * h
        elbow = ((sx + hx) / 2 + side * h * 0.03, (shoulder_y + hy) / 2 + h * 0.03)
        c.line([(sx, shoulder_y + h * 0.03), elbow, (hx, hy)], shirt, h * 0.075)
        c.circle(hx, hy, h * 0.04, skin)
    # torso
    c.rect(
        x - h * 0.15,
        shoulder_y - h * 0.04,
        x + h * 0.15,
        hip_y + h * 0.04,
        shirt,
        r=h * 0.07,
    )
    # head
    hy = shoulder_y - h * 0.14
    c.rect(x - h * 0.035, hy, x + h * 0.035, shoulder_y, skin)
    c.circle(x, hy, head_r, skin)
    if hat not in ("caping", "cap"):
        c.pieslice(x, hy - h * 0.01, head_r * 1.02, 180, 360, hair)
    if hat == "caping":
        c.poly(
            [
                (x - h * 0.26, hy - h * 0.04),
                (x, hy - h * 0.2),
                (x + h * 0.26, hy - h * 0.04),
            ],
            (222, 190, 120),
        )
    elif hat == "cap":
        c.pieslice(x, hy - h * 0.02, head_r * 1.05, 180, 360, CLOTHES[1])
        c.rect(x, hy - h * 0.04, x + facing * h * 0.17, hy - h * 0.015, CLOTHES[1])
    elif hat == "headdress":
        for i, color in enumerate(((230, 60, 50), (250, 250, 240), (30, 30, 30))):
            dx = (i - 1) * h * 0.06
            c.poly(
                [
                    (x + dx - h * 0.03, hy - h * 0.08),
                    (x + dx * 2.2, hy - h * 0.36),
                    (x + dx + h * 0.03, hy - h * 0.08),
                ],
                color,
            )
        c.rect(x - head_r, hy - h * 0.09, x + head_r, hy - h * 0.05, (230, 190, 60))
    elif hat == "scarf":
        c.pieslice(
            x, hy, head_r * 1.12, 160, 380, shirt if shirt != hair else CLOTHES[4]
        )


def seated_back(c, x, base, s, shirt, hair):
    """Someone in an audience, seen from behind: shoulders and a head."""
    c.rect(x - s * 0.5, base - s * 0.8, x + s * 0.5, base, shirt, r=s * 0.3)
    c.circle(x, base - s * 1.05, s * 0.32, hair)


def crowd_backs(c, rnd, y, count, size, x0=0, x1=None):
    x1 = c.W if x1 is None else x1
    step = (x1 - x0) / count
    for i in range(count):
        x = x0 + step * (i + 0.5) + rnd.uniform(-step * 0.15, step * 0.15)
        seated_back(
            c,
            x,
            y + rnd.uniform(0, size * 0.1),
            size * rnd.uniform(0.9, 1.1),
            rnd.choice(CLOTHES),
            rnd.choice(HAIR),
        )


def people_row(c, rnd, x0, x1, base, h, count, **kwargs):
    step = (x1 - x0) / max(1, count - 1) if count > 1 else 0
    for i in range(count):
        person(
            c,
            x0 + step * i,
            base + rnd.uniform(-6, 6),
            h * rnd.uniform(0.92, 1.05),
            rnd.choice(CLOTHES),
            skin=rnd.choice(SKINS),
            hair=rnd.choice(HAIR),
            **kwargs,
        )


# -- animals and plants ----------------------------------------------------


def fish(c, x, y, s, color=(150, 160, 170), facing=1, belly=None):
    f = facing
    c.poly(
        [
            (x - f * s * 0.8, y),
            (x - f * s * 1.25, y - s * 0.38),
            (x - f * s * 1.2, y + s * 0.38),
        ],
        darker(color, 0.15),
    )
    c.ellipse(x, y, s, s * 0.42, color)
    if belly:
        c.ellipse(x + f * s * 0.1, y + s * 0.16, s * 0.7, s * 0.2, belly)
    c.poly(
        [
            (x - f * s * 0.1, y - s * 0.38),
            (x + f * s * 0.3, y - s * 0.62),
            (x + f * s * 0.4, y - s * 0.36),
        ],
        darker(color, 0.15),
    )
    c.circle(x + f * s * 0.62, y - s * 0.08, s * 0.09, WHITE)
    c.circle(x + f * s * 0.64, y - s * 0.08, s * 0.05, INK)


def duck(c, x, base, s, body=(236, 226, 200), facing=1):
    f = facing
    c.ellipse(x, base - s * 0.4, s * 0.62, s * 0.34, body)
    c.poly(
        [
            (x - f * s * 0.5, base - s * 0.55),
            (x - f * s * 0.85, base - s * 0.75),
            (x - f * s * 0.55, base - s * 0.35),
        ],
        body,
    )
    c.line(
        [(x + f * s * 0.35, base - s * 0.5), (x + f * s * 0.45, base - s * 1.0)],
        body,
        s * 0.22,
    )
    c.circle(x + f * s * 0.48, base - s * 1.05, s * 0.2, body)
    c.poly(
        [
            (x + f * s * 0.62, base - s * 1.1),
            (x + f * s * 0.92, base - s * 1.0),
            (x + f * s * 0.62, base - s * 0.96),
        ],
        (236, 150, 40),
    )
    c.circle(x + f * s * 0.54, base - s * 1.1, s * 0.045, INK)
    c.ellipse(x - f * s * 0.08, base - s * 0.45, s * 0.36, s * 0.16, darker(body, 0.12))
    c.line(
        [(x - s * 0.1, base - s * 0.1), (x - s * 0.12, base)], (236, 150, 40), s * 0.06
    )
    c.line(
        [(x + s * 0.12, base - s * 0.1), (x + s * 0.12, base)], (236, 150, 40), s * 0.06
    )


def rice_tuft(c, x, base, h, color=GREEN, head=None):
    for dx in (-0.32, -0.12, 0.0, 0.14, 0.34):
        c.line(
            [(x, base), (x + dx * h, base - h * (1 - abs(dx)))], color, max(3, h * 0.07)
        )
    if head:
        for dx in (-0.3, 0.32):
            tip = (x + dx * h * 1.1, base - h * 0.78)
            c.line([(x + dx * h * 0.6, base - h * 0.9), tip], head, max(3, h * 0.1))


def rice_rows(
    c, rnd, y0, y1, color, head=None, spacing=70, size=(26, 70), x0=0, x1=None
):
    """Rows of rice clumps, larger towards the front."""
    x1 = c.W if x1 is None else x1
    rows = max(2, int((y1 - y0) / spacing))
    for row in range(rows):
        t = row / max(1, rows - 1)
        y = y0 + (y1 - y0) * t
        h = size[0] + (size[1] - size[0]) * t
        step = h * 1.1
        x = x0 + rnd.uniform(0, step)
        while x < x1:
            rice_tuft(c, x, y, h, color, head)
            x += step


def chili(c, x, y, s, color=(210, 36, 36), angle=0.0, spots=False):
    """A hanging chilli pod ``s`` long from its stem at (x, y), tilted by
    ``angle`` radians."""
    cos, sin = math.cos(angle), math.sin(angle)

    def at(across, t):
        lx, ly = across + 0.25 * s * t * t, t * s
        return (x + lx * cos - ly * sin, y + lx * sin + ly * cos)

    widths = [(i / 10, s * (0.12 * (1 - i / 10) ** 0.7 + 0.015)) for i in range(11)]
    shape = [at(w, t) for t, w in widths] + [
        at(-w * 0.9, t) for t, w in reversed(widths)
    ]
    c.poly(shape, color)
    c.poly([at(-s * 0.13, 0), at(s * 0.14, 0), at(0, 0.12)], (60, 130, 50))
    c.line([at(0, 0), at(0, -0.14)], (60, 130, 50), s * 0.06)
    if spots:
        for t in (0.35, 0.6):
            c.circle(*at(0.01 * s, t), s * 0.07, (40, 30, 30))


def leaf(c, x, y, length, angle, color=LEAF, width=0.38):
    cos, sin = math.cos(angle), math.sin(angle)
    tip = (x + cos * length, y + sin * length)
    side = (-sin * length * width / 2, cos * length * width / 2)
    mid = (x + cos * length * 0.45, y + sin * length * 0.45)
    c.poly(
        [
            (x, y),
            (mid[0] + side[0], mid[1] + side[1]),
            tip,
            (mid[0] - side[0], mid[1] - side[1]),
        ],
        color,
    )


def corn_plant(c, x, base, h, cob=True):
    stalk = (96, 150, 60)
    c.line([(x, base), (x, base - h)], stalk, h * 0.035)
    for i, angle in enumerate((-2.5, -0.6, -2.7, -0.4, -2.2, -0.9)):
        y = base - h * (0.2 + i * 0.13)
        leaf(c, x, y, h * 0.38, angle, (84 + i * 6, 160, 64), width=0.18)
    c.line([(x, base - h), (x - h * 0.06, base - h * 1.1)], (214, 190, 110), h * 0.02)
    c.line([(x, base - h), (x + h * 0.05, base - h * 1.12)], (214, 190, 110), h * 0.02)
    if cob:
        cx, cy = x + h * 0.07, base - h * 0.55
        c.ellipse(cx, cy, h * 0.05, h * 0.12, (246, 204, 70))
        c.poly(
            [
                (cx - h * 0.06, cy + h * 0.12),
                (cx - h * 0.01, cy - h * 0.08),
                (cx - h * 0.08, cy - h * 0.02),
            ],
            (130, 180, 80),
        )


def rubber_trunk(c, x, base, top, w, bark=(140, 120, 100)):
    c.rect(x - w / 2, top, x + w / 2, base, bark)
    c.rect(x - w / 2, top, x - w / 4, base, darker(bark, 0.12))


# -- icons (screens, banners, emblems) -------------------------------------


def icon(c, kind, x, y, s, color):
    """A pictogram ``s`` units across centred on (x, y)."""
    if kind == "padlock":
        c.arc(x, y - s * 0.12, s * 0.24, 180, 360, color, s * 0.09)
        c.rect(x - s * 0.24, y - s * 0.14, x - s * 0.16, y - s * 0.05, color)
        c.rect(x + s * 0.16, y - s * 0.14, x + s * 0.24, y - s * 0.05, color)
        c.rect(x - s * 0.34, y - s * 0.06, x + s * 0.34, y + s * 0.4, color, r=s * 0.06)
        c.circle(x, y + s * 0.12, s * 0.06, WHITE)
        c.rect(x - s * 0.025, y + s * 0.12, x + s * 0.025, y + s * 0.26, WHITE)
    elif kind == "check":
        c.line(
            [
                (x - s * 0.32, y),
                (x - s * 0.08, y + s * 0.24),
                (x + s * 0.36, y - s * 0.26),
            ],
            color,
            s * 0.14,
        )
    elif kind == "cross":
        c.line(
            [(x - s * 0.26, y - s * 0.26), (x + s * 0.26, y + s * 0.26)],
            color,
            s * 0.14,
        )
        c.line(
            [(x + s * 0.26, y - s * 0.26), (x - s * 0.26, y + s * 0.26)],
            color,
            s * 0.14,
        )
    elif kind == "flame":
        c.poly(
            [
                (x, y - s * 0.48),
                (x + s * 0.2, y - s * 0.18),
                (x + s * 0.3, y + s * 0.12),
                (x + s * 0.22, y + s * 0.34),
                (x, y + s * 0.44),
                (x - s * 0.22, y + s * 0.34),
                (x - s * 0.3, y + s * 0.12),
                (x - s * 0.14, y - s * 0.1),
                (x - s * 0.06, y + s * 0.02),
            ],
            (236, 96, 30),
        )
        c.ellipse(x, y + s * 0.22, s * 0.13, s * 0.2, (255, 204, 60))
    elif kind == "no-fire":
        icon(c, "flame", x, y, s * 0.8, color)
        c.arc(x, y, s * 0.46, 0, 360, (214, 40, 40), s * 0.1)
        c.line(
            [(x - s * 0.32, y - s * 0.32), (x + s * 0.32, y + s * 0.32)],
            (214, 40, 40),
            s * 0.1,
        )
    elif kind == "layout":
        c.rect(x - s * 0.5, y - s * 0.36, x + s * 0.5, y - s * 0.22, color)
        c.rect(
            x - s * 0.5, y - s * 0.14, x - s * 0.04, y + s * 0.22, lighter(color, 0.45)
        )
        text_lines(
            c,
            x + s * 0.04,
            y - s * 0.1,
            x + s * 0.5,
            4,
            lighter(color, 0.3),
            s * 0.1,
            s * 0.05,
        )
        c.rect(x - s * 0.5, y + s * 0.3, x + s * 0.5, y + s * 0.36, lighter(color, 0.3))
    elif kind == "camera":
        c.rect(
            x - s * 0.45, y - s * 0.22, x + s * 0.45, y + s * 0.32, color, r=s * 0.08
        )
        c.rect(x - s * 0.16, y - s * 0.32, x + s * 0.16, y - s * 0.2, color, r=s * 0.04)
        c.circle(x, y + s * 0.05, s * 0.19, WHITE)
        c.circle(x, y + s * 0.05, s * 0.12, color)
    elif kind == "leaf":
        leaf(c, x - s * 0.3, y + s * 0.3, s * 0.85, -0.8, color, width=0.5)
        c.line(
            [(x - s * 0.32, y + s * 0.32), (x + s * 0.18, y - s * 0.18)],
            darker(color, 0.2),
            s * 0.04,
        )
    elif kind == "rice":
        c.line([(x, y + s * 0.45), (x, y - s * 0.2)], color, s * 0.06)
        for i in range(4):
            gy = y - s * 0.35 + i * s * 0.15
            c.ellipse(x - s * 0.1, gy, s * 0.08, s * 0.05, color)
            c.ellipse(x + s * 0.1, gy + s * 0.06, s * 0.08, s * 0.05, color)
        c.ellipse(x, y - s * 0.44, s * 0.05, s * 0.08, color)
    elif kind == "fish":
        fish(c, x, y, s * 0.38, color)
    elif kind == "wave":
        for i in range(2):
            wy = y - s * 0.1 + i * s * 0.24
            c.line(
                [
                    (x - s * 0.45, wy),
                    (x - s * 0.22, wy - s * 0.12),
                    (x, wy),
                    (x + s * 0.22, wy - s * 0.12),
                    (x + s * 0.45, wy),
                ],
                color,
                s * 0.08,
            )
    elif kind == "signal":
        c.circle(x, y + s * 0.3, s * 0.08, color)
        for r in (0.28, 0.5):
            c.arc(x, y + s * 0.3, s * r, 225, 315, color, s * 0.08)
    elif kind == "basket":
        c.poly(
            [
                (x - s * 0.42, y - s * 0.05),
                (x + s * 0.42, y - s * 0.05),
                (x + s * 0.3, y + s * 0.38),
                (x - s * 0.3, y + s * 0.38),
            ],
            color,
        )
        c.arc(x, y - s * 0.05, s * 0.28, 180, 360, color, s * 0.07)
    elif kind == "diamond":
        c.poly(
            [(x, y - s * 0.42), (x + s * 0.3, y), (x, y + s * 0.42), (x - s * 0.3, y)],
            color,
        )
        c.poly(
            [(x, y - s * 0.2), (x + s * 0.14, y), (x, y + s * 0.2), (x - s * 0.14, y)],
            WHITE,
        )
    elif kind == "shield-check":
        c.poly(
            [
                (x - s * 0.36, y - s * 0.36),
                (x + s * 0.36, y - s * 0.36),
                (x + s * 0.32, y + s * 0.1),
                (x, y + s * 0.44),
                (x - s * 0.32, y + s * 0.1),
            ],
            color,
        )
        icon(c, "check", x, y, s * 0.5, WHITE)
    elif kind == "exclaim":
        c.poly(
            [
                (x, y - s * 0.45),
                (x + s * 0.45, y + s * 0.38),
                (x - s * 0.45, y + s * 0.38),
            ],
            color,
        )
        c.rect(
            x - s * 0.04, y - s * 0.15, x + s * 0.04, y + s * 0.15, WHITE, r=s * 0.03
        )
        c.circle(x, y + s * 0.26, s * 0.05, WHITE)


# -- a stroke alphabet for emblem initials -----------------------------------

# Each letter: polylines on a grid 4 wide and 6 high.
LETTERS = {
    "A": [[(0, 6), (2, 0), (4, 6)], [(0.8, 4), (3.2, 4)]],
    "B": [
        [
            (0, 3),
            (3, 3),
            (4, 4),
            (4, 5),
            (3, 6),
            (0, 6),
            (0, 0),
            (3, 0),
            (3.8, 0.8),
            (3.8, 2.2),
            (3, 3),
        ]
    ],
    "C": [[(4, 1), (3, 0), (1, 0), (0, 1), (0, 5), (1, 6), (3, 6), (4, 5)]],
    "D": [[(0, 0), (0, 6), (2.4, 6), (4, 4.4), (4, 1.6), (2.4, 0), (0, 0)]],
    "E": [[(4, 0), (0, 0), (0, 6), (4, 6)], [(0, 3), (3, 3)]],
    "F": [[(4, 0), (0, 0), (0, 6)], [(0, 3), (3, 3)]],
    "G": [
        [
            (4, 1),
            (3, 0),
            (1, 0),
            (0, 1),
            (0, 5),
            (1, 6),
            (3, 6),
            (4, 5),
            (4, 3.4),
            (2.2, 3.4),
        ]
    ],
    "H": [[(0, 0), (0, 6)], [(4, 0), (4, 6)], [(0, 3), (4, 3)]],
    "I": [[(2, 0), (2, 6)], [(1, 0), (3, 0)], [(1, 6), (3, 6)]],
    "J": [[(4, 0), (4, 5), (3, 6), (1, 6), (0, 5)]],
    "K": [[(0, 0), (0, 6)], [(4, 0), (0, 3.6)], [(1.4, 2.6), (4, 6)]],
    "L": [[(0, 0), (0, 6), (4, 6)]],
    "M": [[(0, 6), (0, 0), (2, 3.6), (4, 0), (4, 6)]],
    "N": [[(0, 6), (0, 0), (4, 6), (4, 0)]],
    "O": [[(1, 0), (3, 0), (4, 1), (4, 5), (3, 6), (1, 6), (0, 5), (0, 1), (1, 0)]],
    "P": [[(0, 6), (0, 0), (3, 0), (4, 1), (4, 2.2), (3, 3.2), (0, 3.2)]],
    "Q": [
        [(1, 0), (3, 0), (4, 1), (4, 5), (3, 6), (1, 6), (0, 5), (0, 1), (1, 0)],
        [(2.6, 4.6), (4.2, 6.2)],
    ],
    "R": [
        [(0, 6), (0, 0), (3, 0), (4, 1), (4, 2.2), (3, 3.2), (0, 3.2)],
        [(2.2, 3.2), (4, 6)],
    ],
    "S": [
        [
            (4, 1),
            (3, 0),
            (1, 0),
            (0, 1),
            (0, 2),
            (1, 3),
            (3, 3),
            (4, 4),
            (4, 5),
            (3, 6),
            (1, 6),
            (0, 5),
        ]
    ],
    "T": [[(0, 0), (4, 0)], [(2, 0), (2, 6)]],
    "U": [[(0, 0), (0, 5), (1, 6), (3, 6), (4, 5), (4, 0)]],
    "V": [[(0, 0), (2, 6), (4, 0)]],
    "W": [[(0, 0), (1, 6), (2, 2.6), (3, 6), (4, 0)]],
    "X": [[(0, 0), (4, 6)], [(4, 0), (0, 6)]],
    "Y": [[(0, 0), (2, 3), (4, 0)], [(2, 3), (2, 6)]],
    "Z": [[(0, 0), (4, 0), (0, 6), (4, 6)]],
}


def initials(c, letters, x, y, height, color, weight=0.16):
    """Draw ``letters`` centred on (x, y), ``height`` units tall."""
    unit = height / 6
    letters = [ch for ch in letters.upper() if ch in LETTERS]
    advance = unit * 5.6
    left = x - (advance * len(letters) - unit * 1.6) / 2
    for index, letter in enumerate(letters):
        ox = left + index * advance
        for stroke in LETTERS[letter]:
            c.line(
                [(ox + gx * unit, y - height / 2 + gy * unit) for gx, gy in stroke],
                color,
                height * weight,
            )
