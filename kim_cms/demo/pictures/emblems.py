"""The groups' emblems: a shape, a motif and the initials."""

from kim_cms.demo.drawing import (
    WHITE,
    Canvas,
    darker,
    icon,
    initials,
    lighter,
)

# -- emblems -----------------------------------------------------------------


def shield_outline(cx, cy, r):
    """A heater shield ``2r`` wide around (cx, cy): a flat top with rounded
    corners, straight sides, and curved flanks meeting in a point."""
    top, shoulder, point = cy - r * 0.95, cy + r * 0.05, cy + r * 0.98
    points = [
        (cx - r * 0.86, top),
        (cx + r * 0.86, top),
        (cx + r * 0.97, top + r * 0.08),
    ]
    points.append((cx + r * 0.97, shoulder))
    for i in range(1, 13):
        t = i / 12
        points.append(
            (cx + r * 0.97 * (1 - t**1.6), shoulder + (point - shoulder) * t**0.8)
        )
    for x, y in reversed(points[1:-1]):
        points.append((2 * cx - x, y))
    return points


def emblem(letters, color, shape="circle", motif=None, size=(400, 400)):
    """A group's logo: a circle or shield in ``color`` with a light ring, a
    small ``motif`` pictogram and the group's ``letters`` (its initials)."""
    c = Canvas(size, background=(255, 255, 255))
    cx = c.W / 2
    light = lighter(color, 0.75)
    if shape == "shield":
        for scale, fill in ((1.0, darker(color, 0.15)), (0.92, light), (0.86, color)):
            c.poly(shield_outline(cx, 520, 440 * scale), fill)
        text_y, motif_y = 540, 280
    else:
        c.circle(cx, 500, 470, darker(color, 0.15))
        c.circle(cx, 500, 430, light)
        c.circle(cx, 500, 400, color)
        text_y, motif_y = 600, 330
    if motif:
        icon(c, motif, cx, motif_y, 230, light)
    initials(c, letters, cx, text_y, 230 if len(letters) < 3 else 190, WHITE)
    return c.finish()
