"""Scenes of the district's culture: stages, festivals, rituals, crafts."""

from kim_cms.demo.drawing import (
    CLOTHES,
    HAIR,
    INK,
    RICE_GOLD,
    SKINS,
    SKY_DAY,
    SKY_EVENING,
    SKY_MORNING,
    SKY_NIGHT,
    WHITE,
    WOOD,
    WOOD_DARK,
    bowl,
    bunting,
    clouds,
    crowd_backs,
    darker,
    grass,
    ground,
    hills,
    lighter,
    mix,
    moon,
    people_row,
    person,
    rice_rows,
    round_tree,
    sky,
    stars,
    string_lights,
    sun,
    table,
    treeline,
    water,
)
from kim_cms.demo.pictures.registry import (
    scene,
)

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
