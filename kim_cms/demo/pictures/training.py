"""Scenes of training and outreach."""

from kim_cms.demo.drawing import (
    CLOTHES,
    GREEN,
    PEAT,
    SKINS,
    SKY_DAY,
    SWAMP,
    WHITE,
    WOOD,
    WOOD_DARK,
    bubble,
    clouds,
    crowd_backs,
    gelam,
    grass,
    ground,
    icon,
    leaf,
    lighter,
    palm,
    people_row,
    person,
    phone,
    screen,
    sky,
    stilt_house,
    sun,
    table,
    text_lines,
    treeline,
)
from kim_cms.demo.pictures.registry import (
    ROOF_DARK,
    scene,
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
