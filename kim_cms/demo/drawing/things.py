"""Buildings, boats and things: houses, sacks, tables, screens, phones."""

from kim_cms.demo.drawing.palette import (
    CLOTHES,
    ROOF,
    WHITE,
    WOOD,
    WOOD_DARK,
    darker,
)

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
