"""People, standing, seated and in crowds."""

from kim_cms.demo.drawing.palette import (
    CLOTHES,
    HAIR,
    SKINS,
)

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
