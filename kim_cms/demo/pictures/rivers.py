"""Scenes of rivers and boats."""

from kim_cms.demo.drawing import (
    CLOTHES,
    HAIR,
    SKINS,
    SKY_DAY,
    SKY_MORNING,
    WOOD_DARK,
    boat,
    clouds,
    crowd_backs,
    hills,
    palm,
    person,
    sky,
    stilt_house,
    sun,
    treeline,
    water,
)
from kim_cms.demo.pictures.registry import (
    scene,
)

# -- rivers and boats --------------------------------------------------------


@scene(
    "river",
    "Ilustrasi Sungai Kahayan: rumah panggung di tepi sungai, pohon kelapa, dan "
    "perahu kayu di air.",
    "Illustration of the Kahayan River: stilt houses on the bank, coconut palms "
    "and a wooden boat on the water.",
)
@scene(
    "river-fishing",
    "Ilustrasi nelayan di perahu kayu menebar jala di sungai, rumah panggung di "
    "tepian.",
    "Illustration of fishers in a wooden boat casting a net on the river, stilt "
    "houses on the bank.",
    fishing=True,
)
def draw_river(c, rnd, fishing=False):
    cx = c.W / 2
    sky(c, SKY_DAY, 580)
    sun(c, cx + 560, 170, 64)
    clouds(c, rnd, 3, 80, 240)
    hills(c, rnd, 520, 90, (120, 170, 130))
    treeline(c, rnd, 580, 70, (62, 124, 84), size=48)
    water(c, rnd, 575, 1000)
    # the near bank on the left, with houses on stilts
    c.poly([(0, 640), (cx - 420, 650), (cx - 300, 760), (0, 800)], (92, 150, 80))
    palm(c, cx - 640, 690, 300, lean=1)
    stilt_house(c, cx - 470, 780, 200, wall=(206, 164, 108))
    stilt_house(c, cx - 770, 770, 170, wall=(226, 196, 140), roof=(110, 70, 50))
    palm(c, cx - 300, 700, 260, lean=-1)
    boat(c, cx + 660, 660, 200, hull=(180, 80, 60))
    if fishing:
        boat(c, cx + 170, 840, 480)
        person(c, cx + 60, 805, 200, CLOTHES[0], hat="caping", arms="up")
        person(c, cx + 280, 805, 180, CLOTHES[2], skin=SKINS[1], arms="out")
        # the net, flying open
        for i in range(9):
            t = i / 8
            c.line(
                [(cx + 60, 640), (cx - 120 + 360 * t, 720 + 40 * (2 * t - 1) ** 2)],
                (236, 236, 226),
                3,
            )
        c.line([(cx - 120, 760), (cx + 60, 730), (cx + 240, 760)], (236, 236, 226), 4)
    else:
        boat(c, cx + 120, 850, 640)
        c.rect(cx + 80, 700, cx + 320, 810, (200, 160, 100))
        c.poly([(cx + 60, 705), (cx + 200, 650), (cx + 340, 705)], (170, 60, 46))
        c.rect(cx + 150, 730, cx + 250, 780, (120, 80, 50))
        person(
            c, cx - 40, 815, 170, CLOTHES[1], skin=SKINS[2], arms="hold", hat="caping"
        )


@scene(
    "boat-race",
    "Ilustrasi lomba perahu dayung: dua perahu panjang penuh pendayung di sungai, "
    "penonton dan bendera di tepi.",
    "Illustration of a rowing race: two long boats full of rowers on the river, "
    "spectators and flags on the bank.",
)
def draw_boat_race(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 420)
    sun(c, 220, 130, 56)
    clouds(c, rnd, 3, 60, 180)
    treeline(c, rnd, 400, 60, (62, 124, 84), size=40)
    c.rect(0, 400, c.W, 470, (110, 170, 90))
    crowd_backs(c, rnd, 470, 30, 34)
    for i in range(9):
        x = 120 + i * (c.W - 240) / 8
        c.line([(x, 470), (x, 300)], (90, 70, 60), 6)
        c.poly([(x, 300), (x + 90, 320), (x, 360)], CLOTHES[i % len(CLOTHES)])
    water(c, rnd, 470, 1000, density=0.8)
    for row, (y, length, hull, shirt) in enumerate(
        (
            (660, 1200, (200, 60, 50), CLOTHES[2]),
            (900, 1500, (40, 96, 170), CLOTHES[3]),
        )
    ):
        x = cx + (60 if row == 0 else -80)
        boat(c, x, y, length, hull=hull, stripe=(250, 220, 100), depth=60)
        rowers = 9 if row == 0 else 11
        for i in range(rowers):
            px = x - length * 0.38 + i * length * 0.76 / (rowers - 1)
            c.line([(px + 30, y - 90), (px - 50, y + 30)], WOOD_DARK, 10)
            c.rect(px - 18, y - 120, px + 18, y - 50, shirt, r=12)
            c.circle(px, y - 140, 20, rnd.choice(SKINS))
            c.pieslice(px, y - 142, 21, 180, 360, rnd.choice(HAIR))
        # the prow
        c.poly(
            [
                (x + length / 2 - 10, y - 72),
                (x + length / 2 + 60, y - 150),
                (x + length / 2 + 30, y - 60),
            ],
            hull,
        )


@scene(
    "floating-market",
    "Ilustrasi pasar terapung pada pagi hari: perahu-perahu kecil bermuatan buah "
    "dan sayur, pedagang bercaping.",
    "Illustration of a floating market in the morning: small boats loaded with "
    "fruit and vegetables, traders in conical hats.",
)
def draw_floating_market(c, rnd):
    cx = c.W / 2
    sky(c, SKY_MORNING, 520)
    sun(c, cx + 380, 300, 90, (255, 200, 90))
    for x in (150, 470, c.W - 460, c.W - 160):
        stilt_house(c, x, 540, 220, wall=rnd.choice(((214, 170, 120), (190, 150, 110))))
    water(c, rnd, 520, 1000, colors=((120, 150, 170), (70, 100, 130)))
    produce = [
        (246, 200, 50),
        (226, 90, 40),
        (120, 180, 60),
        (200, 40, 60),
        (250, 150, 40),
    ]
    for x, y, length in (
        (cx - 520, 690, 420),
        (cx + 300, 650, 380),
        (cx - 80, 880, 560),
        (cx + 650, 900, 420),
    ):
        boat(c, x, y, length, depth=40)
        for i in range(7):
            px = x - length * 0.2 + i * length * 0.07
            c.circle(px, y - 60 - (i % 2) * 18, 24, rnd.choice(produce))
        person(
            c,
            x - length * 0.32,
            y - 30,
            150,
            rnd.choice(CLOTHES),
            hat="caping",
            skin=rnd.choice(SKINS),
        )
