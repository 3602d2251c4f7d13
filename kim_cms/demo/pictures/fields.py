"""Scenes of rice fields and field work."""

from kim_cms.demo.drawing import (
    CLOTHES,
    PEAT,
    RICE_GOLD,
    SKINS,
    SKY_DAY,
    SKY_MORNING,
    SOIL,
    SOIL_DARK,
    WATER,
    WHITE,
    WOOD,
    WOOD_DARK,
    clouds,
    corn_plant,
    darker,
    grass,
    ground,
    hills,
    hut,
    lighter,
    person,
    rice_rows,
    rice_tuft,
    sack,
    sky,
    sun,
    treeline,
)
from kim_cms.demo.pictures.registry import (
    scene,
)

# -- fields --------------------------------------------------------------


@scene(
    "rice-field",
    "Ilustrasi petani bercaping di sawah padi yang hijau, dangau di tepi sawah "
    "dan perbukitan di kejauhan.",
    "Illustration of a farmer in a conical hat in a green rice field, a field "
    "hut at the edge and hills in the distance.",
)
@scene(
    "rice-harvest",
    "Ilustrasi sawah padi menguning siap panen, petani bercaping dan dangau.",
    "Illustration of a ripe golden rice field ready for harvest, a farmer in a "
    "conical hat and a field hut.",
    ripe=True,
)
@scene(
    "rice-fertiliser",
    "Ilustrasi karung pupuk berwarna putih, merah muda, dan merah di pematang "
    "sawah padi yang hijau.",
    "Illustration of white, pink and red fertiliser sacks on the bank of a green "
    "rice field.",
    sacks=True,
)
def draw_rice_field(c, rnd, ripe=False, sacks=False):
    cx = c.W / 2
    sky(c, SKY_DAY, 560)
    sun(c, cx + 620, 150, 60)
    clouds(c, rnd, 3, 70, 230)
    hills(c, rnd, 480, 140, (104, 156, 120))
    hills(c, rnd, 540, 70, (80, 140, 90))
    base = (176, 170, 70) if ripe else (104, 170, 70)
    ground(c, 560, base)
    for i, y in enumerate(range(560, 1000, 110)):
        c.rect(0, y, c.W, y + 10 + i * 3, darker(base, 0.12))
    rice_rows(
        c,
        rnd,
        590,
        1010,
        (150, 150, 50) if ripe else (52, 140, 58),
        head=RICE_GOLD if ripe else None,
        spacing=64,
        size=(22, 90),
    )
    hut(c, cx + 520, 640, 180)
    if sacks:
        c.rect(0, 800, c.W, 1000, (118, 150, 70))
        for x, color, band in (
            (cx - 260, WHITE, (60, 120, 200)),
            (cx, (240, 176, 190), (60, 140, 80)),
            (cx + 260, (214, 70, 60), WHITE),
        ):
            sack(c, x, 980, 240, color, band)
    else:
        person(
            c, cx - 80, 900, 330, CLOTHES[1], hat="caping", arms="hold", skin=SKINS[1]
        )
        rice_tuft(c, cx + 60, 960, 120, (52, 140, 58), RICE_GOLD if ripe else None)


@scene(
    "peat-canal",
    "Ilustrasi saluran air lurus di tengah sawah gambut dengan pintu air kayu; "
    "muka air di bawah permukaan tanah.",
    "Illustration of a straight water channel through a peatland rice field, with "
    "a wooden sluice gate; the water sits below the soil surface.",
)
def draw_peat_canal(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 520)
    clouds(c, rnd, 3, 60, 220)
    treeline(c, rnd, 530, 80, (58, 110, 76), size=44)
    ground(c, 520, (98, 164, 70))
    rice_rows(c, rnd, 560, 1010, (48, 132, 56), spacing=70, size=(20, 80))
    # the channel, narrowing to the horizon
    c.poly([(cx - 30, 520), (cx + 30, 520), (cx + 420, 1000), (cx - 420, 1000)], PEAT)
    c.poly(
        [(cx - 18, 530), (cx + 18, 530), (cx + 330, 1000), (cx - 330, 1000)], WATER[0]
    )
    for y in range(600, 1000, 60):
        half = 18 + (y - 530) * 312 / 470
        for t in (-0.5, 0.1):
            x = cx + t * half
            c.line(
                [(x, y), (x + half * 0.2, y - 5), (x + half * 0.4, y)],
                (150, 200, 232),
                4 + (y - 530) / 60,
            )
    # the sluice gate: two posts and boards
    for x in (cx - 250, cx + 250):
        c.rect(x - 22, 640, x + 22, 900, WOOD_DARK)
    for i in range(4):
        y = 760 + i * 34
        c.rect(cx - 240, y, cx + 240, y + 28, (170, 120, 74) if i % 2 else WOOD)
    c.rect(cx - 270, 650, cx + 270, 676, WOOD_DARK)


@scene(
    "dolomite",
    "Ilustrasi petani menebar kapur dolomit putih di lahan yang sudah diolah, "
    "karung dolomit di pematang.",
    "Illustration of a farmer spreading white dolomite lime on prepared land, "
    "sacks of dolomite on the bank.",
)
def draw_dolomite(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 540)
    sun(c, 260, 160, 60)
    clouds(c, rnd, 2, 90, 220)
    hills(c, rnd, 530, 80, (96, 150, 100))
    ground(c, 540, SOIL)
    for i in range(9):
        y = 560 + i * i * 6 + i * 20
        c.line([(0, y), (c.W, y)], SOIL_DARK, 6 + i)
    for x in range(0, int(c.W), 24):
        for y in range(570, 1000, 60):
            if rnd.random() < 0.25:
                c.circle(
                    x + rnd.uniform(0, 20), y + rnd.uniform(0, 40), 5, (236, 232, 220)
                )
    for x, base in ((cx - 720, 900), (cx - 480, 930), (cx - 600, 990)):
        sack(c, x, base, 200, WHITE, (60, 120, 200))
    person(c, cx + 100, 920, 360, CLOTHES[3], hat="caping", arms="out", skin=SKINS[2])
    # the lime, flying from the hand in an arc
    hand = (cx + 100 + 0.36 * 360, 920 - 0.74 * 360)
    for _ in range(40):
        t = rnd.uniform(0, 1)
        x = hand[0] + 40 + t * 340
        y = hand[1] + 10 - 120 * t + 300 * t * t + rnd.uniform(-30, 30)
        c.circle(x, y, rnd.uniform(4, 9), WHITE)


@scene(
    "seedlings",
    "Ilustrasi petani menanam bibit padi muda berbaris di sawah yang tergenang air.",
    "Illustration of a farmer planting rows of young rice seedlings in a flooded "
    "field.",
)
def draw_seedlings(c, rnd):
    cx = c.W / 2
    sky(c, SKY_MORNING, 520)
    sun(c, cx - 500, 360, 80, (255, 210, 100))
    hills(c, rnd, 500, 80, (110, 150, 110))
    c.gradient(520, 1000, (168, 200, 210), (120, 160, 170))
    for y in range(540, 1000, 70):
        c.line([(0, y), (c.W, y + 4)], (190, 220, 226), 3)
    rice_rows(c, rnd, 560, 1000, (90, 176, 60), spacing=54, size=(14, 60))
    person(c, cx + 160, 900, 340, CLOTHES[5], hat="caping", arms="hold", skin=SKINS[0])
    # a bundle of seedlings in the hand and two on the bank
    for x, y, h in ((cx + 270, 740, 80), (cx - 420, 980, 130), (cx - 300, 990, 120)):
        rice_tuft(c, x, y, h, (90, 176, 60))
        c.rect(x - 16, y - 24, x + 16, y - 10, (196, 160, 90))


@scene(
    "maize",
    "Ilustrasi barisan tanaman jagung tinggi bertongkol kuning di lahan kering.",
    "Illustration of rows of tall maize plants with yellow cobs on dry land.",
)
def draw_maize(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 600)
    sun(c, cx + 560, 150, 64)
    clouds(c, rnd, 3, 60, 220)
    hills(c, rnd, 560, 90, (140, 170, 110))
    ground(c, 600, (176, 140, 90))
    for row, (base, h, step) in enumerate(
        ((650, 180, 90), (760, 320, 150), (1000, 640, 300))
    ):
        x = rnd.uniform(0, step) - (80 if row == 2 else 0)
        while x < c.W + 100:
            corn_plant(c, x, base, h, cob=row > 0)
            x += step


@scene(
    "raised-beds",
    "Ilustrasi bedengan tanah gembur berbaris di lahan kering dengan cangkul "
    "tertancap.",
    "Illustration of rows of loosened raised soil beds on dry land with a hoe "
    "standing in the soil.",
)
def draw_raised_beds(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 520)
    sun(c, 240, 140, 56)
    clouds(c, rnd, 3, 70, 220)
    treeline(c, rnd, 520, 90, (74, 130, 80), size=50)
    ground(c, 520, (150, 110, 70))
    for i in range(-4, 5):
        top_x, bottom_x = cx + i * 110, cx + i * 520
        c.poly(
            [
                (top_x - 30, 525),
                (top_x + 30, 525),
                (bottom_x + 190, 1000),
                (bottom_x - 190, 1000),
            ],
            SOIL,
        )
        c.poly(
            [
                (top_x - 8, 525),
                (top_x + 8, 525),
                (bottom_x + 40, 1000),
                (bottom_x - 40, 1000),
            ],
            lighter(SOIL, 0.12),
        )
        for t in (0.3, 0.55, 0.8):
            y = 525 + 475 * t
            x = top_x + (bottom_x - top_x) * t
            c.circle(x, y, 6 + 12 * t, SOIL_DARK)
    # a hoe, its blade in the soil
    c.line([(cx + 360, 960), (cx + 460, 560)], WOOD, 22)
    c.poly(
        [(cx + 300, 930), (cx + 420, 930), (cx + 410, 1000), (cx + 300, 990)],
        (150, 156, 166),
    )


@scene(
    "clearing",
    "Ilustrasi lahan yang ditebas: tumpukan cacahan semak, tunggul, dan parang di "
    "tanah.",
    "Illustration of cleared land: heaps of chopped bushes, stumps and a machete "
    "on the ground.",
    stage="chop",
)
@scene(
    "compost-spray",
    "Ilustrasi petani menyemprotkan larutan dekomposer dari tangki punggung ke "
    "tumpukan cacahan tanaman.",
    "Illustration of a farmer spraying decomposer solution from a backpack tank "
    "onto a heap of chopped plants.",
    stage="spray",
)
@scene(
    "compost-cover",
    "Ilustrasi tumpukan kompos ditutup terpal biru yang diberi pemberat batu di "
    "tepi lahan.",
    "Illustration of a compost heap covered with a blue tarpaulin held down with "
    "stones at the edge of a field.",
    stage="cover",
)
def draw_compost(c, rnd, stage="chop"):
    cx = c.W / 2
    sky(c, SKY_DAY, 560)
    sun(c, cx + 600, 160, 58)
    clouds(c, rnd, 2, 80, 230)
    treeline(c, rnd, 560, 100, (66, 120, 76), size=56)
    ground(c, 560, (120, 130, 70))
    grass(c, rnd, 580, 1000, (90, 120, 50), count=50, height=24)
    heap_x = cx - (80 if stage == "spray" else 0)
    heap = [
        (heap_x - 420, 930),
        (heap_x - 300, 720),
        (heap_x - 100, 620),
        (heap_x + 120, 640),
        (heap_x + 330, 740),
        (heap_x + 430, 930),
    ]
    if stage == "cover":
        c.poly(heap, (40, 110, 190))
        c.poly(heap[:3] + [(heap_x - 100, 930)], (60, 130, 210))
        for x in (heap_x - 400, heap_x - 150, heap_x + 150, heap_x + 400):
            c.ellipse(x, 930, 50, 30, (150, 150, 150))
        return
    c.poly(heap, (110, 92, 50))
    for _ in range(70):
        x = rnd.uniform(heap_x - 340, heap_x + 340)
        y = rnd.uniform(660, 920)
        if y < 620 + abs(x - heap_x) * 0.55:
            continue
        length = rnd.uniform(30, 60)
        c.line(
            [(x, y), (x + length, y + rnd.uniform(-20, 20))],
            rnd.choice(((70, 120, 50), (140, 110, 60), (96, 140, 60))),
            10,
        )
    if stage == "chop":
        for x in (cx + 560, cx - 620):
            c.rect(x - 30, 880, x + 30, 960, WOOD)
            c.ellipse(x, 880, 30, 12, (210, 170, 110))
        # the machete
        c.poly(
            [
                (cx + 200, 960),
                (cx + 560, 900),
                (cx + 640, 910),
                (cx + 600, 950),
                (cx + 210, 990),
            ],
            (176, 182, 194),
        )
        c.line([(cx + 60, 990), (cx + 200, 975)], WOOD_DARK, 34)
    else:
        px = cx + 460
        person(
            c,
            px,
            950,
            380,
            CLOTHES[6],
            hat="cap",
            arms="hold",
            facing=-1,
            skin=SKINS[1],
        )
        c.rect(px + 20, 650, px + 110, 800, (230, 200, 40), r=20)
        c.line([(px - 90, 860 - 0.74 * 380 + 50), (px - 260, 700)], (60, 60, 60), 10)
        for _ in range(30):
            c.circle(
                px - 280 - rnd.uniform(0, 180),
                700 + rnd.uniform(-60, 90),
                rnd.uniform(4, 9),
                (210, 236, 250),
            )
