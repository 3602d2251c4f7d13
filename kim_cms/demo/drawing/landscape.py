"""Sky, sun, hills, water, trees and grass."""

import math

from kim_cms.demo.drawing.palette import (
    GREEN,
    LEAF,
    SKY_DAY,
    SKY_NIGHT,
    WATER,
    WAVE,
    WOOD_DARK,
    darker,
    lighter,
    mix,
)

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
