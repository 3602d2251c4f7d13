"""The demo's pictures: flat illustrations of Pulang Pisau's rivers, fields,
ponds, stages and classrooms, and the groups' emblems, drawn locally with
Pillow (nothing is downloaded). Every picture is deterministic: the same
scene and seed give the same pixels.

``SCENES`` maps a scene name to its drawing function, the keyword arguments
it is drawn with, and a description of the picture in Indonesian and English
(the alternative text). ``render(name, seed, size)`` draws one;
``emblem(letters, color, shape, motif)`` draws a group's logo; ``jpeg`` and
``emblem_png`` return them encoded.
"""

import functools
import hashlib
import io
import random

from kim_cms.demo.drawing import (
    CLOTHES,
    GREEN,
    HAIR,
    INK,
    LEAF,
    PEAT,
    RICE_GOLD,
    SKINS,
    SKY_DAY,
    SKY_EVENING,
    SKY_MORNING,
    SKY_NIGHT,
    SOIL,
    SOIL_DARK,
    SWAMP,
    WATER,
    WHITE,
    WOOD,
    WOOD_DARK,
    Canvas,
    banana,
    boat,
    bowl,
    bubble,
    bunting,
    chili,
    clouds,
    corn_plant,
    crowd_backs,
    darker,
    duck,
    fish,
    gelam,
    grass,
    ground,
    hills,
    hut,
    icon,
    initials,
    leaf,
    lighter,
    mix,
    moon,
    palm,
    people_row,
    person,
    phone,
    rice_rows,
    rice_tuft,
    round_tree,
    rubber_trunk,
    sack,
    screen,
    sky,
    stars,
    stilt_house,
    string_lights,
    sun,
    table,
    text_lines,
    treeline,
    water,
)

SCENES = {}
ROOF_DARK = (110, 64, 44)


def scene(name, description_id, description_en, **options):
    """Register the decorated function as scene ``name`` (drawn with
    ``options``); more names can be registered for the same function."""

    def register(function):
        SCENES[name] = (function, options, description_id, description_en)
        return function

    return register


def describe(name):
    """The (Indonesian, English) description of scene ``name``."""
    _function, _options, description_id, description_en = SCENES[name]
    return description_id, description_en


def rng(seed):
    return random.Random(int(hashlib.sha1(seed.encode()).hexdigest()[:12], 16))


@functools.lru_cache(maxsize=256)
def jpeg(name, seed="", size=(1200, 630)):
    """Scene ``name`` as JPEG bytes (kept for the process: a demo loaded
    again, as tests do, draws nothing twice)."""
    buffer = io.BytesIO()
    render(name, seed, size).save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


@functools.lru_cache(maxsize=64)
def emblem_png(letters, color, shape="circle", motif=None, size=(400, 400)):
    """The emblem as PNG bytes, kept like ``jpeg``."""
    buffer = io.BytesIO()
    emblem(letters, color, shape, motif, size).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render(name, seed="", size=(1200, 630)):
    """Scene ``name`` as a PIL image of ``size``, its details varied by ``seed``."""
    function, options, _id, _en = SCENES[name]
    canvas = Canvas(size)
    function(canvas, rng(f"{name}:{seed}"), **options)
    return canvas.finish()


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


# -- culture ---------------------------------------------------------------


def dayak_pattern(c, x0, y0, x1, y1, color, accent):
    c.rect(x0, y0, x1, y1, color)
    step = (y1 - y0) / 2
    x = x0
    while x < x1:
        c.poly(
            [(x, y0 + step), (x + step, y0), (x + 2 * step, y0 + step), (x + step, y1)],
            accent,
        )
        c.poly(
            [
                (x + step * 0.5, y0 + step),
                (x + step, y0 + step * 0.5),
                (x + step * 1.5, y0 + step),
                (x + step, y0 + step * 1.5),
            ],
            color,
        )
        x += 2 * step


def dancer(c, x, base, h, color, rnd, facing=1):
    person(
        c,
        x,
        base,
        h,
        color,
        skin=rnd.choice(SKINS),
        pants=(200, 50, 40),
        hat="headdress",
        arms="up" if facing > 0 else "out",
        skirt=True,
        facing=facing,
    )
    # a beaded sash
    c.line(
        [(x - h * 0.14, base - h * 0.72), (x + h * 0.14, base - h * 0.44)],
        (250, 220, 90),
        h * 0.03,
    )


@scene(
    "stage-day",
    "Ilustrasi panggung festival berhias bendera segitiga dan motif Dayak; penari "
    "bermahkota bulu tampil di depan penonton.",
    "Illustration of a festival stage decorated with bunting and Dayak patterns; "
    "dancers in feather crowns perform for the audience.",
)
@scene(
    "stage-night",
    "Ilustrasi pentas malam di bawah lampu sorot: penari Dayak dan pemain musik "
    "di panggung, penonton di depan.",
    "Illustration of a night performance under spotlights: Dayak dancers and "
    "musicians on stage, the audience in front.",
    night=True,
)
def draw_stage(c, rnd, night=False):
    cx = c.W / 2
    if night:
        sky(c, SKY_NIGHT, 1000)
        stars(c, rnd, 50, 300)
        moon(c, c.W - 200, 130, 50)
    else:
        sky(c, SKY_DAY, 1000)
        sun(c, 200, 120, 56)
        clouds(c, rnd, 2, 60, 160)
    left, right, floor = cx - 720, cx + 720, 700
    backdrop = (120, 40, 40) if night else (170, 50, 44)
    c.rect(left, 180, right, floor, backdrop)
    dayak_pattern(c, left, 180, right, 250, (60, 30, 30), (240, 190, 60))
    c.rect(left - 40, 130, left + 40, floor, WOOD_DARK)
    c.rect(right - 40, 130, right + 40, floor, WOOD_DARK)
    c.rect(left - 60, 110, right + 60, 180, (80, 40, 30))
    if night:
        for x in (cx - 420, cx, cx + 420):
            c.poly(
                [(x - 20, 180), (x + 20, 180), (x + 220, floor), (x - 220, floor)],
                mix(backdrop, (255, 230, 150), 0.35),
            )
    else:
        bunting(c, left - 200, cx, 60, 120, rnd)
        bunting(c, cx, right + 200, 60, 120, rnd)
    c.rect(left - 60, floor, right + 60, floor + 70, WOOD)
    c.rect(left - 60, floor + 70, right + 60, floor + 90, WOOD_DARK)
    dancer(c, cx - 300, floor, 420, (230, 200, 60), rnd)
    dancer(c, cx + 40, floor, 440, (240, 240, 230), rnd, facing=-1)
    if night:
        c.ellipse(cx + 420, floor - 80, 70, 80, (160, 90, 40))
        person(c, cx + 420, floor, 360, CLOTHES[6], skin=SKINS[1], arms="hold")
    else:
        dancer(c, cx + 360, floor, 410, (230, 200, 60), rnd)
    audience = (30, 30, 50) if night else None
    for row, (y, size, count) in enumerate(((880, 70, 18), (1010, 96, 13))):
        if audience:
            for i in range(count):
                x = (i + 0.5) * c.W / count + rnd.uniform(-20, 20)
                c.rect(
                    x - size * 0.5,
                    y - size * 0.8,
                    x + size * 0.5,
                    y + 40,
                    lighter(audience, 0.1 * row),
                    r=size * 0.3,
                )
                c.circle(x, y - size * 1.05, size * 0.32, lighter(audience, 0.1 * row))
        else:
            crowd_backs(c, rnd, y, count, size)


def rice_basket(c, x, base, s):
    """A woven basket (bakul) heaped with rice."""
    c.ellipse(x, base - s * 0.62, s * 0.46, s * 0.22, (250, 250, 244))
    c.poly(
        [
            (x - s * 0.5, base - s * 0.62),
            (x + s * 0.5, base - s * 0.62),
            (x + s * 0.34, base),
            (x - s * 0.34, base),
        ],
        (186, 136, 76),
    )
    for i in range(3):
        y = base - s * (0.48 - i * 0.17)
        c.line(
            [(x - s * (0.46 - i * 0.05), y), (x + s * (0.46 - i * 0.05), y)],
            (146, 100, 56),
            s * 0.04,
            caps=False,
        )


@scene(
    "harvest-festival",
    "Ilustrasi syukuran panen: warga di belakang meja penuh hidangan, bakul "
    "berisi beras baru, sawah menguning di belakang.",
    "Illustration of a harvest thanksgiving: villagers behind a table full of "
    "food, baskets of new rice, golden fields behind.",
)
def draw_harvest_festival(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 520)
    sun(c, cx + 600, 150, 60)
    bunting(c, 0, c.W, 80, 140, rnd)
    hills(c, rnd, 500, 80, (120, 160, 110))
    ground(c, 520, (200, 170, 70))
    rice_rows(
        c, rnd, 540, 660, (160, 150, 50), head=RICE_GOLD, spacing=40, size=(18, 34)
    )
    people_row(c, rnd, cx - 460, cx + 460, 860, 340, 5)
    c.rect(cx - 560, 760, cx + 560, 1000, (250, 244, 230))
    c.rect(cx - 560, 760, cx + 560, 800, (90, 150, 70))
    for i in range(7):
        bowl(
            c,
            cx - 450 + i * 150,
            790,
            54,
            food=rnd.choice(((250, 250, 246), (200, 90, 50), (236, 180, 60))),
        )
    c.rect(0, 900, cx - 560, 1000, (120, 160, 70))
    c.rect(cx + 560, 900, c.W, 1000, (120, 160, 70))
    for x in (cx - 760, cx + 760):
        rice_basket(c, x, 990, 240)


@scene(
    "ritual",
    "Ilustrasi prosesi adat di tepian sungai: warga berpakaian adat membawa "
    "sesaji di dekat patung kayu sapundu dan umbul-umbul.",
    "Illustration of a customary procession on the riverbank: villagers in "
    "traditional dress carry offerings near a carved sapundu post and banners.",
)
def draw_ritual(c, rnd):
    cx = c.W / 2
    sky(c, SKY_MORNING, 500)
    sun(c, cx + 480, 330, 80, (255, 210, 110))
    treeline(c, rnd, 470, 60, (80, 120, 80), size=40)
    water(c, rnd, 470, 620, colors=((150, 160, 170), (110, 130, 150)), density=0.6)
    ground(c, 620, (160, 140, 90))
    grass(c, rnd, 640, 1000, (120, 130, 60), count=30)
    # the carved post
    px = cx - 560
    c.rect(px - 40, 280, px + 40, 980, WOOD_DARK)
    for y in range(340, 900, 110):
        c.ellipse(px, y, 70, 40, WOOD)
        c.circle(px - 20, y - 6, 10, INK)
        c.circle(px + 20, y - 6, 10, INK)
    c.poly([(px - 90, 290), (px, 170), (px + 90, 290)], WOOD)
    for x, color in (
        (cx + 700, (240, 200, 40)),
        (cx + 820, (210, 50, 40)),
        (cx - 780, (240, 200, 40)),
    ):
        c.line([(x, 1000), (x, 240)], (120, 90, 60), 10)
        c.poly([(x, 250), (x + 60, 270), (x + 30, 700), (x, 660)], color)
    for i in range(5):
        x = cx - 320 + i * 170
        person(
            c,
            x,
            960 - (i % 2) * 20,
            360,
            rnd.choice(((230, 200, 60), (200, 50, 40), (250, 246, 236))),
            skin=rnd.choice(SKINS),
            arms="up",
            skirt=i % 2 == 0,
            pants=(120, 40, 40),
        )
        c.rect(
            x - 80,
            960 - 0.74 * 360 - 0.3 * 360 - 30,
            x + 80,
            960 - 0.74 * 360 - 0.3 * 360 - 10,
            (200, 160, 90),
        )
        for dx in (-40, 0, 40):
            c.circle(
                x + dx,
                960 - 0.74 * 360 - 0.3 * 360 - 50,
                22,
                rnd.choice(((240, 200, 60), (200, 60, 40), (120, 170, 60))),
            )


@scene(
    "food-stalls",
    "Ilustrasi bazar kuliner pada malam hari: deretan stan beratap garis-garis "
    "dengan mangkuk makanan dan lampu hias.",
    "Illustration of an evening food bazaar: a row of stalls with striped awnings, "
    "bowls of food and string lights.",
)
@scene(
    "market-day",
    "Ilustrasi stan produk desa di siang hari: keranjang anyaman, toples kue, dan "
    "pembeli di depan stan beratap garis-garis.",
    "Illustration of village product stalls by day: woven baskets, jars of "
    "snacks and shoppers in front of striped awnings.",
    day=True,
)
def draw_stalls(c, rnd, day=False):
    cx = c.W / 2
    sky(c, SKY_DAY if day else SKY_EVENING, 1000)
    if day:
        sun(c, 200, 120, 56)
        clouds(c, rnd, 3, 60, 180)
    ground(c, 760, (170, 160, 150))
    width = 480
    for number, x in enumerate(
        (cx - width * 1.5, cx - width * 0.5, cx + width * 0.5, cx + width * 1.5)
    ):
        stripes = (CLOTHES[number % 4], WHITE)
        c.rect(x - width / 2 + 20, 300, x - width / 2 + 40, 780, WOOD_DARK)
        c.rect(x + width / 2 - 40, 300, x + width / 2 - 20, 780, WOOD_DARK)
        c.rect(
            x - width / 2 + 40,
            360,
            x + width / 2 - 40,
            560,
            (250, 236, 210) if day else (120, 80, 80),
        )
        for i in range(8):
            sx = x - width / 2 + i * width / 8
            c.poly(
                [(sx, 240), (sx + width / 8, 240), (sx + width / 8, 330), (sx, 330)],
                stripes[i % 2],
            )
            c.pieslice(sx + width / 16, 330, width / 16, 0, 180, stripes[i % 2])
        c.rect(x - width / 2 + 10, 600, x + width / 2 - 10, 640, WOOD)
        c.rect(x - width / 2 + 30, 640, x + width / 2 - 30, 780, (200, 150, 100))
        for i in range(4):
            px = x - width * 0.33 + i * width * 0.22
            if day:
                if i % 2:
                    c.rect(px - 30, 520, px + 30, 600, (220, 236, 240), r=10)
                    c.rect(px - 24, 540, px + 24, 596, (210, 150, 70), r=6)
                    c.rect(px - 34, 506, px + 34, 524, (200, 60, 50), r=6)
                else:
                    c.poly(
                        [
                            (px - 50, 540),
                            (px + 50, 540),
                            (px + 36, 600),
                            (px - 36, 600),
                        ],
                        (190, 140, 80),
                    )
                    c.arc(px, 540, 40, 180, 360, (150, 104, 60), 8)
            else:
                bowl(
                    c,
                    px,
                    600,
                    42,
                    food=rnd.choice(((230, 200, 120), (200, 90, 50), (120, 170, 70))),
                )
    if not day:
        string_lights(c, 0, c.W, 140, 90, count=18)
    people_row(c, rnd, cx - 640, cx + 640, 1010, 300, 5)


@scene(
    "weaving",
    "Ilustrasi pameran anyaman purun: tikar bermotif tergantung, tas dan topi "
    "anyaman di meja, pengunjung melihat-lihat.",
    "Illustration of a purun weaving exhibition: patterned mats hanging, woven "
    "bags and hats on a table, visitors looking.",
)
def draw_weaving(c, rnd):
    cx = c.W / 2
    c.gradient(0, 760, (246, 232, 206), (232, 214, 184))
    c.rect(0, 760, c.W, 1000, (170, 120, 80))
    c.line([(0, 120), (c.W, 120)], WOOD_DARK, 10, caps=False)
    palette = [
        ((196, 160, 96), (120, 60, 40)),
        ((210, 180, 110), (40, 100, 90)),
        ((190, 150, 90), (170, 50, 50)),
    ]
    offset = rnd.randrange(3)
    for number in range(5):
        x0 = 80 + number * (c.W - 160) / 5
        x1 = x0 + (c.W - 160) / 5 - 60
        base, accent = palette[(number + offset) % 3]
        c.rect(x0, 120, x1, 600, base)
        size = 40
        for row, y in enumerate(range(140, 580, size)):
            for col, x in enumerate(range(int(x0) + 10, int(x1) - size // 2, size)):
                if (row + col + number) % 3 == 0:
                    c.poly(
                        [
                            (x + size / 2, y),
                            (x + size, y + size / 2),
                            (x + size / 2, y + size),
                            (x, y + size / 2),
                        ],
                        accent,
                    )
        c.rect(x0, 580, x1, 600, darker(base, 0.2))
    table(c, cx - 500, cx + 500, 720, cloth=(130, 50, 50))
    c.poly(
        [(cx - 330, 620), (cx - 170, 620), (cx - 140, 720), (cx - 360, 720)],
        (196, 160, 96),
    )
    c.arc(cx - 250, 620, 60, 180, 360, (120, 80, 50), 12)
    c.poly([(cx + 70, 710), (cx + 220, 610), (cx + 370, 710)], (210, 180, 110))
    c.ellipse(cx + 220, 712, 170, 18, (180, 140, 80))
    person(
        c,
        cx - 760,
        1000,
        420,
        CLOTHES[4],
        skin=SKINS[0],
        hat="scarf",
        skirt=True,
        pants=CLOTHES[4],
    )
    person(c, cx + 720, 1000, 440, CLOTHES[1], skin=SKINS[2], arms="out", facing=-1)


@scene(
    "blowpipe",
    "Ilustrasi peserta lomba menyumpit membidik papan sasaran bergaris merah "
    "putih di lapangan.",
    "Illustration of a blowpipe contestant aiming at a red and white target on a "
    "field.",
)
def draw_blowpipe(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 560)
    sun(c, cx, 140, 56)
    clouds(c, rnd, 3, 60, 220)
    treeline(c, rnd, 560, 100, (70, 126, 80), size=50)
    ground(c, 560, (120, 176, 86))
    grass(c, rnd, 580, 1000, (90, 150, 70), count=40)
    tx, ty = cx + 520, 520
    c.rect(tx - 14, ty, tx + 14, 900, WOOD_DARK)
    c.line([(tx, 700), (tx - 120, 900)], WOOD_DARK, 20)
    c.line([(tx, 700), (tx + 120, 900)], WOOD_DARK, 20)
    for r, color in (
        (220, (214, 44, 44)),
        (170, WHITE),
        (120, (214, 44, 44)),
        (70, WHITE),
        (30, (214, 44, 44)),
    ):
        c.circle(tx, ty, r, color)
    for dx, dy in ((-20, 16), (40, -30), (-70, -50)):
        c.line([(tx + dx, ty + dy), (tx + dx - 50, ty + dy + 6)], INK, 6)
    px = cx - 560
    person(
        c,
        px,
        960,
        520,
        CLOTHES[0],
        skin=SKINS[1],
        hat="cap",
        arms=((0.1, -0.02), (0.3, -0.06)),
    )
    mouth = (px + 30, 960 - 0.74 * 520 - 0.14 * 520 + 20)
    c.line([mouth, (mouth[0] + 620, mouth[1] + 6)], (110, 80, 50), 16)


def seated_front(c, x, base, h, shirt, skin, hair):
    """Someone seated cross-legged, facing us."""
    c.ellipse(x, base - h * 0.08, h * 0.32, h * 0.1, darker(shirt, 0.3))
    c.rect(
        x - h * 0.17, base - h * 0.62, x + h * 0.17, base - h * 0.12, shirt, r=h * 0.08
    )
    c.circle(x, base - h * 0.76, h * 0.13, skin)
    c.pieslice(x, base - h * 0.78, h * 0.135, 180, 360, hair)


@scene(
    "karungut",
    "Ilustrasi penembang karungut duduk bersila di atas tikar, diiringi kecapi "
    "dan gendang.",
    "Illustration of karungut singers sitting cross-legged on a mat, accompanied "
    "by a kecapi lute and a drum.",
)
def draw_karungut(c, rnd):
    cx = c.W / 2
    c.gradient(0, 720, (120, 60, 50), (90, 44, 40))
    dayak_pattern(c, 0, 120, c.W, 200, (60, 30, 30), (240, 190, 60))
    c.rect(0, 720, c.W, 1000, WOOD)
    for y in range(740, 1000, 50):
        c.line([(0, y), (c.W, y)], darker(WOOD, 0.12), 4, caps=False)
    c.ellipse(cx, 860, 760, 110, (200, 170, 100))
    c.ellipse(cx, 860, 700, 90, (180, 60, 50))
    for i, x in enumerate((cx - 480, cx - 160, cx + 160, cx + 480)):
        seated_front(
            c,
            x,
            880,
            480,
            rnd.choice(((230, 200, 60), (250, 246, 236), (40, 110, 160))),
            rnd.choice(SKINS),
            rnd.choice(HAIR),
        )
        if i == 1:
            # the kecapi: a long boat-shaped lute across the lap
            c.poly(
                [
                    (x - 260, 720),
                    (x - 60, 640),
                    (x + 230, 560),
                    (x + 250, 590),
                    (x - 40, 700),
                    (x - 240, 750),
                ],
                (170, 100, 50),
            )
            c.line([(x - 200, 710), (x + 220, 575)], (240, 230, 200), 3)
        if i == 2:
            c.rect(x + 90, 720, x + 230, 880, (150, 70, 40), r=20)
            c.ellipse(x + 160, 720, 70, 22, (230, 210, 170))


@scene(
    "parade",
    "Ilustrasi pawai budaya di jalan raya: peserta berpakaian adat Dayak dan "
    "umbul-umbul warna-warni, penonton di tepi jalan.",
    "Illustration of a culture parade on the main road: marchers in Dayak dress "
    "and colourful banners, spectators by the road.",
)
def draw_parade(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 600)
    sun(c, 200, 120, 56)
    clouds(c, rnd, 3, 60, 200)
    for x in range(40, int(c.W), 300):
        round_tree(c, x + rnd.uniform(-40, 40), 560, rnd.uniform(260, 340))
    ground(c, 540, (150, 190, 110))
    crowd_backs(c, rnd, 620, 24, 36)
    c.rect(0, 620, c.W, 1000, (120, 120, 126))
    c.rect(0, 620, c.W, 640, (230, 230, 230))
    for x in range(0, int(c.W), 200):
        c.rect(x, 900, x + 110, 920, (240, 240, 240))
    for i in range(6):
        x = cx - 650 + i * 260
        c.line([(x + 70, 940), (x + 70, 300)], (120, 90, 60), 10)
        c.poly(
            [(x + 70, 310), (x + 140, 330), (x + 110, 640), (x + 70, 600)],
            CLOTHES[i % len(CLOTHES)],
        )
        if i % 2:
            dancer(c, x, 950, 400, rnd.choice(((230, 200, 60), (250, 246, 236))), rnd)
        else:
            person(
                c,
                x,
                950,
                400,
                rnd.choice(((200, 50, 40), (40, 110, 160))),
                skin=rnd.choice(SKINS),
                hat="headdress",
                pants=(60, 40, 40),
            )


# -- training and outreach ----------------------------------------------------


@scene(
    "class-digital",
    "Ilustrasi kelas pelatihan: pemateri di samping layar bergambar gembok, "
    "peserta duduk menyimak.",
    "Illustration of a training class: the trainer beside a screen showing a "
    "padlock, participants listening.",
    symbol="padlock",
)
@scene(
    "class-fire",
    "Ilustrasi sosialisasi di aula: layar bergambar larangan membakar, pemateri "
    "berbicara kepada warga.",
    "Illustration of an outreach session in a hall: a screen showing a no-fire "
    "sign, the speaker addressing villagers.",
    symbol="no-fire",
)
@scene(
    "class-factcheck",
    "Ilustrasi pertemuan warga di balai desa: layar menampilkan pesan yang "
    "diperiksa dengan tanda centang, warga menyimak.",
    "Illustration of a villagers' meeting in the village hall: the screen shows "
    "messages being checked with a tick, villagers listening.",
    symbol="shield-check",
)
@scene(
    "class-news",
    "Ilustrasi kelas menulis berita: layar menampilkan tata letak berita dengan "
    "foto, peserta duduk menyimak.",
    "Illustration of a news-writing class: the screen shows a news layout with a "
    "photo, participants listening.",
    symbol="layout",
)
@scene(
    "class-signal",
    "Ilustrasi anggota KIM belajar bersama di balai desa: layar bergambar sinyal "
    "internet, peserta membawa ponsel.",
    "Illustration of KIM members learning together in the village hall: a screen "
    "showing an internet signal, participants with phones.",
    symbol="signal",
)
def draw_class(c, rnd, symbol="padlock"):
    cx = c.W / 2
    c.gradient(0, 700, (240, 232, 214), (226, 214, 192))
    c.rect(0, 700, c.W, 1000, (176, 130, 90))
    for x in (140, c.W - 380):
        c.rect(x, 140, x + 240, 460, (160, 210, 236))
        c.rect(x + 112, 140, x + 128, 460, WHITE)
        c.rect(x, 292, x + 240, 308, WHITE)
        c.rect(x - 16, 460, x + 256, 476, WHITE)
    screen(c, cx - 360, 150, cx + 360, 550)
    c.rect(cx - 10, 564, cx + 10, 700, (90, 90, 100))
    colors = {
        "padlock": (40, 110, 180),
        "no-fire": (236, 96, 30),
        "shield-check": (40, 150, 90),
        "layout": (40, 110, 180),
        "signal": (40, 110, 180),
    }
    icon(c, symbol, cx, 350, 320, colors[symbol])
    person(c, cx + 520, 820, 470, CLOTHES[6], skin=SKINS[1], arms="out", facing=-1)
    for row, (y, size, count) in enumerate(((850, 86, 9), (1010, 110, 7))):
        crowd_backs(c, rnd, y, count, size, x0=60 + row * 40, x1=c.W - 60 - row * 40)


@scene(
    "phone-hoax",
    "Ilustrasi ponsel dengan obrolan grup: satu pesan berantai ditandai silang "
    "merah, balasan yang sudah diperiksa ditandai centang hijau.",
    "Illustration of a phone showing a group chat: a chain message marked with a "
    "red cross, a checked reply marked with a green tick.",
)
def draw_phone_hoax(c, rnd):
    cx = c.W / 2
    c.gradient(0, 1000, (210, 232, 244), (170, 206, 230))
    for _ in range(10):
        x, y = rnd.uniform(0, c.W), rnd.uniform(0, 1000)
        if abs(x - cx) > 380:
            bubble(c, x - 70, y - 40, x + 70, y + 40, lighter((120, 170, 210), 0.3))
    phone(c, cx, 500, 420, 880)
    bubble(c, cx - 160, 150, cx + 110, 300, (255, 255, 255))
    text_lines(c, cx - 130, 190, cx + 80, 3, (190, 196, 206), 40, 14)
    bubble(c, cx - 160, 360, cx + 130, 560, (255, 236, 236))
    text_lines(c, cx - 130, 400, cx + 100, 4, (220, 170, 170), 40, 14)
    c.circle(cx + 130, 360, 58, (214, 50, 50))
    icon(c, "cross", cx + 130, 360, 80, WHITE)
    bubble(c, cx - 110, 630, cx + 160, 790, (220, 246, 214), tail="right")
    text_lines(c, cx - 80, 670, cx + 130, 3, (150, 200, 150), 40, 14)
    c.circle(cx - 110, 630, 58, (40, 150, 70))
    icon(c, "check", cx - 110, 630, 80, WHITE)


@scene(
    "phone-camera",
    "Ilustrasi ponsel dipegang mendatar merekam kegiatan warga di depan rumah "
    "panggung; layar menampilkan gambar yang direkam.",
    "Illustration of a phone held horizontally recording villagers in front of a "
    "stilt house; the screen shows the picture being recorded.",
)
def draw_phone_camera(c, rnd):
    cx = c.W / 2
    sky(c, SKY_DAY, 600)
    sun(c, c.W - 220, 130, 56)
    clouds(c, rnd, 3, 60, 200)
    ground(c, 600, (120, 176, 86))
    stilt_house(c, cx - 100, 640, 520)
    palm(c, cx - 600, 640, 420)
    people_row(c, rnd, cx + 320, cx + 600, 760, 260, 2)
    # the phone in front, its screen a small copy of the view
    w, h = 1000, 560
    left, top = cx - w / 2, 520
    c.rect(left - 30, top - 30, left + w + 30, top + h + 30, (44, 48, 62), r=60)
    c.rect(left, top, left + w, top + h, (214, 238, 250))
    c.rect(left, top + h * 0.55, left + w, top + h, (140, 190, 100))
    stilt_house(c, cx - 60, top + h * 0.62, 260)
    palm(c, cx - 330, top + h * 0.62, 200)
    for i in range(2):
        person(
            c, cx + 200 + i * 110, top + h * 0.84, 150, CLOTHES[i + 2], skin=SKINS[i]
        )
    c.circle(left + 60, top + 50, 22, (230, 40, 40))
    c.circle(left + w - 60, top + h / 2, 42, WHITE)
    c.circle(left + w - 60, top + h / 2, 32, (230, 60, 60))
    for x0, y0, x1, y1 in (
        (left + 40, top + 120, left + 40, top + 40),
        (left + 40, top + 40, left + 120, top + 40),
    ):
        c.line([(x0, y0), (x1, y1)], WHITE, 8)
    for x in (left - 60, left + w - 60):
        c.rect(x, top + h * 0.45, x + 120, top + h + 80, SKINS[2], r=50)


@scene(
    "product-photo",
    "Ilustrasi memotret produk desa: tas anyaman dan toples kue di atas meja "
    "berlatar polos, ponsel pada tripod dekat jendela.",
    "Illustration of photographing village products: a woven bag and a jar of "
    "snacks on a table against a plain backdrop, a phone on a tripod by a window.",
)
def draw_product_photo(c, rnd):
    cx = c.W / 2
    c.gradient(0, 1000, (236, 226, 210), (220, 206, 186))
    c.rect(80, 120, 420, 620, (190, 226, 246))
    c.rect(242, 120, 258, 620, WHITE)
    c.rect(80, 362, 420, 378, WHITE)
    c.poly([(420, 140), (cx + 200, 560), (cx + 200, 760), (420, 600)], (246, 238, 222))
    # the backdrop sweep and the table
    c.rect(cx - 260, 160, cx + 600, 700, (250, 250, 248))
    table(c, cx - 340, cx + 680, 700, legs=300, color=WOOD)
    # a woven bag and a jar of snacks, in colours that vary with the seed
    weave = rnd.choice(((140, 80, 50), (40, 100, 90), (170, 50, 50)))
    snack = rnd.choice(((220, 160, 70), (200, 110, 60), (236, 200, 120)))
    lid = rnd.choice(((200, 60, 50), (40, 110, 180), (40, 150, 90)))
    bag_x, jar_x = (cx, cx + 340) if rnd.random() < 0.5 else (cx + 300, cx - 40)
    c.poly(
        [
            (bag_x - 120, 520),
            (bag_x + 120, 520),
            (bag_x + 160, 700),
            (bag_x - 160, 700),
        ],
        (196, 160, 96),
    )
    for row in range(4):
        y = 540 + row * 40
        for col in range(6):
            if (row + col) % 2:
                x = bag_x - 120 + col * 42
                c.rect(x, y, x + 30, y + 28, weave)
    c.arc(bag_x, 520, 90, 180, 360, (120, 80, 50), 16)
    c.rect(jar_x - 80, 500, jar_x + 80, 700, (226, 240, 246), r=24)
    c.rect(jar_x - 68, 560, jar_x + 68, 690, snack, r=16)
    c.rect(jar_x - 90, 470, jar_x + 90, 510, lid, r=12)
    # the phone on a tripod, seen from behind
    px = cx - 340
    for dx in (-160, 0, 160):
        c.line([(px, 560), (px + dx, 1000)], (60, 60, 70), 14)
    phone(c, px, 470, 190, 330, face=(44, 48, 62))
    c.circle(px - 50, 360, 26, (20, 20, 30))
    c.circle(px - 50, 360, 14, (80, 110, 160))


@scene(
    "laptop-web",
    "Ilustrasi laptop di meja menampilkan halaman web KIM dengan foto dan kolom "
    "berita, di samping ponsel dan tanaman.",
    "Illustration of a laptop on a desk showing a KIM web page with a photo and "
    "news columns, beside a phone and a plant.",
)
def draw_laptop(c, rnd):
    cx = c.W / 2
    c.gradient(0, 700, (226, 236, 240), (206, 222, 230))
    c.rect(c.W - 460, 100, c.W - 120, 480, (180, 220, 246))
    c.rect(c.W - 298, 100, c.W - 282, 480, WHITE)
    c.rect(0, 700, c.W, 1000, (170, 120, 80))
    c.poly([(0, 700), (c.W, 700), (c.W, 730), (0, 730)], (140, 96, 60))
    screen(c, cx - 420, 150, cx + 420, 650, frame=(50, 54, 66), face=(250, 250, 252))
    c.rect(cx - 420, 150, cx + 420, 210, (11, 110, 79))
    c.rect(cx - 380, 240, cx - 20, 470, (150, 200, 230))
    c.rect(cx - 380, 400, cx - 20, 470, (110, 176, 90))
    stilt_house(c, cx - 200, 420, 150)
    text_lines(c, cx + 20, 260, cx + 380, 5, (190, 196, 206), 44, 16)
    for i in range(3):
        x = cx - 380 + i * 250
        c.rect(x, 500, x + 220, 620, (236, 240, 244))
        c.rect(x + 10, 510, x + 80, 610, (200, 210, 220))
    c.poly(
        [(cx - 520, 680), (cx + 520, 680), (cx + 600, 740), (cx - 600, 740)],
        (180, 186, 196),
    )
    c.rect(cx - 90, 690, cx + 90, 710, (150, 156, 166), r=6)
    phone(c, cx + 720, 760, 120, 200)
    c.poly(
        [(cx - 760, 620), (cx - 620, 620), (cx - 640, 740), (cx - 740, 740)],
        (200, 100, 70),
    )
    for angle in (-2.6, -2.0, -1.57, -1.1, -0.5):
        leaf(c, cx - 690, 620, 180, angle, GREEN)


@scene(
    "fire-watch",
    "Ilustrasi warga dan petugas membentangkan spanduk larangan membakar lahan di "
    "lahan gambut, menara pantau api di belakang.",
    "Illustration of villagers and officers holding up a no-burning banner on "
    "peatland, a fire watchtower behind them.",
)
@scene(
    "peat-forest",
    "Ilustrasi hutan rawa gambut dengan kanal berair dan menara pantau api dari kayu.",
    "Illustration of a peat swamp forest with a water-filled canal and a wooden "
    "fire watchtower.",
    banner=False,
)
def draw_fire_watch(c, rnd, banner=True):
    cx = c.W / 2
    sky(c, SKY_DAY, 560)
    sun(c, 220, 150, 56)
    clouds(c, rnd, 3, 60, 220)
    treeline(c, rnd, 560, 130, (60, 100, 70), size=56)
    ground(c, 560, (150, 140, 80))
    for _ in range(14):
        x = rnd.uniform(0, c.W)
        gelam(c, x, rnd.uniform(600, 660), rnd.uniform(220, 360))
    grass(c, rnd, 600, 1000, (170, 150, 70), count=60)
    # the tower
    tx = cx + (520 if banner else 300)
    for dx in (-90, 90):
        c.line([(tx + dx * 1.4, 900), (tx + dx * 0.6, 200)], WOOD_DARK, 20)
    for y in (420, 620, 820):
        c.line([(tx - 120, y), (tx + 120, y)], WOOD, 12)
    c.line([(tx - 120, 820), (tx + 80, 420)], WOOD, 10)
    c.rect(tx - 110, 150, tx + 110, 240, WOOD)
    c.poly([(tx - 140, 160), (tx, 60), (tx + 140, 160)], ROOF_DARK)
    if banner:
        c.line([(cx - 520, 980), (cx - 520, 560)], WOOD_DARK, 14)
        c.line([(cx + 220, 980), (cx + 220, 560)], WOOD_DARK, 14)
        c.rect(cx - 520, 570, cx + 220, 780, WHITE)
        c.rect(cx - 520, 570, cx + 220, 600, (214, 50, 50))
        icon(c, "no-fire", cx - 320, 680, 160, None)
        text_lines(c, cx - 200, 650, cx + 180, 3, (200, 200, 200), 42, 16)
        people_row(c, rnd, cx - 700, cx + 340, 1000, 300, 5)
    else:
        c.poly(
            [(cx - 560, 1000), (cx - 40, 600), (cx + 40, 600), (cx - 60, 1000)], PEAT
        )
        c.poly(
            [(cx - 500, 1000), (cx - 30, 608), (cx + 28, 608), (cx - 110, 1000)],
            SWAMP[0],
        )
        for y in range(660, 1000, 70):
            t = (y - 600) / 400
            c.line(
                [(cx - 40 - 300 * t, y), (cx - 300 * t + 10, y)],
                (120, 150, 130),
                4 + 6 * t,
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
