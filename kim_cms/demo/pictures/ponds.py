"""Scenes of fish ponds, beje pits and ducks."""

from kim_cms.demo.drawing import (
    CLOTHES,
    PEAT,
    SKINS,
    SKY_DAY,
    SKY_EVENING,
    SWAMP,
    WATER,
    WOOD,
    WOOD_DARK,
    banana,
    clouds,
    duck,
    fish,
    gelam,
    grass,
    ground,
    lighter,
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

# -- ponds, pits and ducks -------------------------------------------------


@scene(
    "tarp-pond",
    "Ilustrasi kolam terpal biru berangka kayu di pekarangan rumah, diisi air "
    "dari selang.",
    "Illustration of a blue tarpaulin pond on a wooden frame in a backyard, being "
    "filled with water from a hose.",
    stage="fill",
)
@scene(
    "pond-fry",
    "Ilustrasi benih ikan patin dilepas dari kantong plastik ke kolam terpal pada "
    "sore hari.",
    "Illustration of patin fry being released from a plastic bag into a tarpaulin "
    "pond in the evening.",
    stage="fry",
)
@scene(
    "pond-feed",
    "Ilustrasi ikan patin muncul ke permukaan kolam terpal saat diberi pakan pelet.",
    "Illustration of patin catfish rising to the surface of a tarpaulin pond as "
    "pellets are scattered.",
    stage="feed",
)
def draw_pond(c, rnd, stage="fill"):
    cx = c.W / 2
    sky(c, SKY_EVENING if stage == "fry" else SKY_DAY, 520)
    if stage == "fry":
        sun(c, cx - 640, 400, 80, (255, 190, 100))
    else:
        sun(c, cx + 640, 140, 56)
        clouds(c, rnd, 2, 70, 200)
    stilt_house(c, cx - 700, 540, 340, wall=(210, 180, 130))
    banana(c, cx + 620, 560, 360)
    banana(c, cx + 800, 560, 300)
    for x in range(0, int(c.W), 60):
        c.rect(x, 440, x + 22, 560, (170, 130, 90))
    c.rect(0, 470, c.W, 486, (150, 110, 76))
    ground(c, 540, (110, 168, 80))
    grass(c, rnd, 560, 1000, (80, 140, 60), count=40)
    # the pond: a water surface over a blue tarpaulin wall
    top, rim, bottom = 560, 690, 930
    left, right = cx - 560, cx + 560
    c.poly(
        [(left + 80, top), (right - 80, top), (right, rim), (left, rim)], (20, 80, 150)
    )
    surface = ((70, 140, 190), (40, 100, 160))
    if stage == "fill":
        surface = ((110, 170, 210), (80, 140, 190))
    c.poly(
        [
            (left + 100, top + 18),
            (right - 100, top + 18),
            (right - 24, rim - 6),
            (left + 24, rim - 6),
        ],
        surface[0],
    )
    c.rect(left, rim, right, bottom, (40, 110, 190))
    c.rect(left, rim, right, rim + 24, (30, 90, 170))
    for x in (left, cx, right):
        c.rect(x - 18, rim - 20, x + 18, bottom + 10, WOOD)
    if stage == "fill":
        c.line([(cx + 700, 1000), (cx + 560, 700), (cx + 420, 600)], (60, 160, 80), 20)
        c.line([(cx + 420, 600), (cx + 330, 660)], (200, 230, 250), 16)
    elif stage == "fry":
        c.ellipse(cx, 620, 150, 60, (220, 236, 246))
        c.poly(
            [(cx - 40, 570), (cx + 40, 570), (cx + 20, 500), (cx - 20, 500)],
            (220, 236, 246),
        )
        for i in range(6):
            fish(c, cx - 90 + i * 36, 620 + (i % 2) * 16, 18, (150, 150, 160))
        person(
            c, right + 120, 960, 380, CLOTHES[0], skin=SKINS[1], arms="hold", facing=-1
        )
    else:
        for i in range(7):
            fish(
                c,
                cx - 380 + i * 120,
                620 + (i % 3) * 18,
                54,
                (140, 150, 160),
                facing=1 if i % 2 else -1,
                belly=(220, 224, 228),
            )
        for _ in range(40):
            c.circle(
                cx + rnd.uniform(-420, 420), rnd.uniform(590, 670), 6, (150, 100, 60)
            )


@scene(
    "beje",
    "Ilustrasi beje, kolam tradisional di rawa gambut, dikelilingi pohon gelam "
    "dan rumput rawa.",
    "Illustration of a beje, a traditional pit in the peat swamp, among gelam "
    "trees and swamp grass.",
)
@scene(
    "beje-shelter",
    "Ilustrasi dahan-dahan kayu diletakkan di beje sebagai tempat ikan "
    "berlindung; ikan papuyu berenang di antaranya.",
    "Illustration of branches laid in a beje pit as shelter; papuyu fish swim "
    "among them.",
    shelter=True,
)
def draw_beje(c, rnd, shelter=False):
    cx = c.W / 2
    sky(c, SKY_DAY, 540)
    clouds(c, rnd, 3, 60, 220)
    treeline(c, rnd, 540, 110, (60, 100, 70), size=50)
    ground(c, 540, (96, 120, 70))
    for _ in range(12):
        x = rnd.uniform(0, c.W)
        if abs(x - cx) > 450:
            gelam(c, x, rnd.uniform(600, 700), rnd.uniform(260, 420))
    grass(c, rnd, 560, 1000, (120, 150, 70), count=70, height=30)
    left, right = cx - 520, cx + 520
    c.poly([(left, 640), (right, 640), (right + 60, 980), (left - 60, 980)], PEAT)
    c.poly(
        [(left + 30, 670), (right - 30, 670), (right + 20, 950), (left - 20, 950)],
        SWAMP[0],
    )
    water(
        c,
        rnd,
        700,
        940,
        colors=SWAMP,
        wave=(120, 150, 130),
        x0=left + 40,
        x1=right - 40,
        density=0.6,
    )
    if shelter:
        for i in range(7):
            x = left + 100 + i * 140
            c.line([(x, 680), (x + rnd.uniform(-80, 80), 900)], WOOD_DARK, 14)
            c.line([(x, 760), (x + 70, 720)], WOOD_DARK, 8)
        for i in range(5):
            fish(
                c,
                left + 170 + i * 180,
                820 + (i % 2) * 50,
                44,
                (110, 120, 90),
                facing=1 if i % 2 else -1,
                belly=(200, 190, 150),
            )
    else:
        for i in range(3):
            fish(
                c,
                cx - 200 + i * 200,
                830 + (i % 2) * 40,
                40,
                (110, 120, 90),
                belly=(200, 190, 150),
            )
    grass(c, rnd, 940, 1000, (120, 150, 70), count=30, height=50)


@scene(
    "duck-house",
    "Ilustrasi kandang panggung itik dengan tangga papan; itik putih berjalan di "
    "rumput dekat kolam.",
    "Illustration of a raised duck house with a plank ramp; white ducks walk on "
    "the grass by a pond.",
)
@scene(
    "duck-feed",
    "Ilustrasi itik-itik mengerumuni palung kayu berisi pakan dedak.",
    "Illustration of ducks crowding round a wooden trough of bran feed.",
    feed=True,
)
def draw_ducks(c, rnd, feed=False):
    cx = c.W / 2
    sky(c, SKY_DAY, 520)
    sun(c, 220, 140, 56)
    clouds(c, rnd, 3, 60, 220)
    treeline(c, rnd, 520, 90, (70, 130, 80), size=46)
    ground(c, 520, (120, 178, 86))
    grass(c, rnd, 540, 1000, (90, 150, 70), count=50)
    if feed:
        palm(c, cx - 700, 640, 380)
        c.poly(
            [(cx - 460, 780), (cx + 460, 780), (cx + 400, 880), (cx - 400, 880)], WOOD
        )
        c.ellipse(cx, 784, 430, 30, (200, 170, 110))
        for i, (x, y, f) in enumerate(
            (
                (cx - 620, 900, 1),
                (cx - 340, 740, 1),
                (cx - 80, 730, -1),
                (cx + 200, 740, -1),
                (cx + 560, 920, -1),
                (cx - 260, 990, 1),
                (cx + 260, 995, -1),
            )
        ):
            duck(c, x, y, 190 + (i % 3) * 20, facing=f)
        return
    c.ellipse(cx + 560, 780, 360, 90, WATER[0])
    c.ellipse(cx + 560, 780, 300, 60, lighter(WATER[0], 0.2))
    # the house on stilts, with slatted walls
    hx, floor, w = cx - 330, 640, 520
    for x in (hx - w / 2 + 30, hx - 60, hx + 60, hx + w / 2 - 30):
        c.rect(x - 14, floor, x + 14, floor + 220, WOOD_DARK)
    c.rect(hx - w / 2, floor - 20, hx + w / 2, floor + 10, WOOD_DARK)
    c.rect(hx - w / 2, floor - 240, hx + w / 2, floor - 20, (196, 156, 100))
    for x in range(int(hx - w / 2) + 20, int(hx + w / 2), 46):
        c.rect(x, floor - 230, x + 18, floor - 30, (150, 110, 70))
    c.poly(
        [
            (hx - w / 2 - 50, floor - 230),
            (hx, floor - 420),
            (hx + w / 2 + 50, floor - 230),
        ],
        (120, 80, 60),
    )
    c.poly(
        [
            (hx + w / 2 - 100, floor),
            (hx + w / 2 + 160, floor + 220),
            (hx + w / 2 + 110, floor + 230),
            (hx + w / 2 - 150, floor + 10),
        ],
        WOOD,
    )
    for i, (x, y, f) in enumerate(
        (
            (cx + 80, 900, 1),
            (cx + 280, 960, -1),
            (cx - 100, 990, 1),
            (cx + 470, 760, 1),
            (cx + 640, 770, -1),
        )
    ):
        duck(c, x, y, 150 + (i % 2) * 30, facing=f)
