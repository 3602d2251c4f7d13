"""Icons for screens, banners and emblems."""

from kim_cms.demo.drawing.living import (
    fish,
    leaf,
)
from kim_cms.demo.drawing.palette import (
    WHITE,
    darker,
    lighter,
)
from kim_cms.demo.drawing.things import (
    text_lines,
)

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
