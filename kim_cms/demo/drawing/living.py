"""Animals and plants: fish, ducks, rice, chillies, maize, rubber."""

import math

from kim_cms.demo.drawing.landscape import leaf
from kim_cms.demo.drawing.palette import (
    GREEN,
    INK,
    WHITE,
    darker,
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
