"""Scenes of plantations and gardens."""

from kim_cms.demo.drawing import (
    CLOTHES,
    LEAF,
    SKINS,
    SKY_DAY,
    SKY_EVENING,
    SKY_MORNING,
    WOOD_DARK,
    chili,
    clouds,
    darker,
    ground,
    hills,
    leaf,
    person,
    rubber_trunk,
    sky,
    sun,
)
from kim_cms.demo.pictures.registry import (
    scene,
)

# -- plantations and gardens --------------------------------------------------


@scene(
    "rubber-dawn",
    "Ilustrasi kebun karet saat fajar: penyadap dengan lampu kepala di antara "
    "batang pohon yang bersadap dan bermangkuk.",
    "Illustration of a rubber plantation at dawn: a tapper with a head lamp among "
    "tapped trunks with latex cups.",
)
def draw_rubber_dawn(c, rnd):
    cx = c.W / 2
    sky(c, SKY_MORNING, 1000)
    sun(c, cx, 640, 110, (255, 220, 140))
    ground(c, 760, (96, 110, 70))
    for depth, (width, color, step) in enumerate(
        (
            (34, (150, 130, 120), 170),
            (60, (120, 100, 86), 300),
            (110, (96, 76, 62), 520),
        )
    ):
        x = rnd.uniform(0, step)
        base = 780 + depth * 90
        while x < c.W + 50:
            rubber_trunk(c, x, base, 0, width, color)
            groove = base - 320 - depth * 40
            c.line(
                [(x - width / 2, groove - width * 0.4), (x + width / 2, groove)],
                (246, 240, 222),
                4 + depth * 3,
            )
            if depth:
                c.pieslice(
                    x + width / 2 + 6,
                    groove + 40,
                    16 + depth * 8,
                    0,
                    180,
                    (246, 246, 240),
                )
            x += step
    for x in range(-40, int(c.W) + 80, 120):
        c.circle(x, rnd.uniform(-20, 60), rnd.uniform(90, 140), (46, 90, 56))
    # the tapper and the beam of the head lamp
    px = cx + 240
    c.poly([(px + 20, 440), (px - 360, 380), (px - 360, 600)], (255, 242, 180))
    person(
        c, px, 990, 600, CLOTHES[1], hat="cap", arms="hold", facing=-1, skin=SKINS[2]
    )
    c.circle(px - 14, 440, 18, (255, 250, 220))


@scene(
    "rubber-tapping",
    "Ilustrasi batang pohon karet dengan irisan sadap miring dari kiri atas ke "
    "kanan bawah; lateks putih mengalir ke mangkuk.",
    "Illustration of a rubber tree trunk with a sloping tapping cut from upper "
    "left to lower right; white latex runs into a cup.",
)
@scene(
    "rubber-knife",
    "Ilustrasi pisau sadap pada irisan batang karet, lateks menetes ke mangkuk.",
    "Illustration of a tapping knife at the cut in a rubber trunk, latex "
    "dripping into a cup.",
    knife=True,
)
def draw_rubber_tapping(c, rnd, knife=False):
    cx = c.W / 2
    c.gradient(0, 1000, (130, 170, 120), (90, 130, 90))
    for x in range(60, int(c.W), 260):
        if abs(x - cx) > 300:
            rubber_trunk(c, x + rnd.uniform(-40, 40), 1000, 0, 80, (120, 130, 110))
    ground(c, 900, (80, 100, 60))
    left, right = cx - 190, cx + 190
    rubber_trunk(c, cx, 1000, 0, 380, (150, 122, 96))
    for _i in range(6):
        y = rnd.uniform(60, 900)
        c.line([(left + 40, y), (left + 90, y + 8)], (126, 100, 80), 8)
    # the cut and the latex
    c.line([(left + 10, 300), (right - 10, 460)], (130, 60, 40), 26)
    c.line([(left + 10, 300), (right - 10, 460)], (250, 246, 232), 12)
    c.line([(right - 20, 470), (right - 20, 620)], (250, 246, 232), 10)
    c.rect(right - 40, 600, right + 20, 610, (120, 120, 120))
    c.pieslice(right - 10, 640, 90, 0, 180, (230, 230, 224))
    c.ellipse(right - 10, 640, 90, 20, (250, 250, 246))
    if knife:
        c.poly(
            [
                (cx - 60, 360),
                (cx + 120, 420),
                (cx + 150, 470),
                (cx + 100, 440),
                (cx - 70, 390),
            ],
            (180, 186, 196),
        )
        c.line([(cx - 60, 378), (cx - 330, 300)], WOOD_DARK, 40)
        c.circle(cx - 330, 300, 34, SKINS[1])


@scene(
    "chilli-plant",
    "Ilustrasi tanaman cabai berbuah merah, beberapa buah berbercak hitam; buah "
    "yang dipetik dikumpulkan di keranjang.",
    "Illustration of a chilli plant with red fruit, some with black spots; picked "
    "fruit collected in a basket.",
)
@scene(
    "chilli-spray",
    "Ilustrasi petani bermasker dan bersarung tangan menyemprot tanaman cabai di "
    "sore hari.",
    "Illustration of a farmer in a mask and gloves spraying chilli plants in the "
    "late afternoon.",
    spray=True,
)
def draw_chilli(c, rnd, spray=False):
    cx = c.W / 2
    sky(c, SKY_EVENING if spray else SKY_DAY, 560)
    if spray:
        sun(c, cx - 600, 420, 90, (255, 190, 100))
    else:
        sun(c, cx + 600, 140, 56)
        clouds(c, rnd, 2, 80, 220)
    hills(c, rnd, 540, 70, (96, 140, 90) if not spray else (130, 110, 100))
    ground(c, 560, (110, 84, 58))
    plant_x = cx - (180 if spray else 60)
    for x in (plant_x - 620, plant_x + 620):
        for _ in range(10):
            leaf(c, x, 700, rnd.uniform(80, 140), rnd.uniform(-3.0, -0.1), LEAF)
    c.line([(plant_x, 1000), (plant_x, 380)], (70, 120, 50), 26)
    for i in range(14):
        y = 420 + i * 34
        side = -1 if i % 2 else 1
        c.line([(plant_x, y + 40), (plant_x + side * 220, y)], (70, 120, 50), 12)
        leaf(
            c,
            plant_x + side * 150,
            y + 10,
            rnd.uniform(160, 220),
            -1.57 + side * rnd.uniform(0.5, 1.2),
            rnd.choice((LEAF, darker(LEAF, 0.15), (70, 150, 70))),
        )
    for i in range(11):
        x = plant_x + rnd.uniform(-300, 300)
        y = rnd.uniform(420, 760)
        chili(
            c,
            x,
            y,
            rnd.uniform(110, 160),
            angle=rnd.uniform(-0.4, 0.4),
            spots=i % 4 == 0,
        )
    if spray:
        px = cx + 470
        person(
            c,
            px,
            980,
            470,
            CLOTHES[6],
            hat="cap",
            arms="hold",
            facing=-1,
            skin=SKINS[1],
        )
        c.rect(
            px - 40, 980 - 0.84 * 470, px + 40, 980 - 0.78 * 470, (230, 236, 240), r=10
        )
        c.rect(px + 20, 600, px + 120, 800, (230, 200, 40), r=20)
        c.line([(px - 130, 650), (px - 330, 560)], (60, 60, 60), 10)
        for _ in range(30):
            c.circle(
                px - 350 - rnd.uniform(0, 150),
                560 + rnd.uniform(-60, 80),
                rnd.uniform(4, 9),
                (236, 240, 250),
            )
    else:
        bx = cx + 420
        c.poly(
            [(bx - 170, 800), (bx + 170, 800), (bx + 130, 990), (bx - 130, 990)],
            (190, 140, 80),
        )
        for i in range(5):
            c.line(
                [(bx - 160 + i * 8, 840 + i * 34), (bx + 160 - i * 8, 840 + i * 34)],
                (150, 104, 60),
                6,
            )
        for i in range(8):
            chili(
                c,
                bx - 130 + i * 36,
                770 + (i % 2) * 14,
                90,
                angle=-1.2 + i * 0.3,
                spots=i in (2, 5),
            )
