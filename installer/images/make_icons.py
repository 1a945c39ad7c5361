"""Draws the application icon with Pillow, from the DejaVu font we ship. The outputs are committed
(they are small); run this again after changing the design:

    python installer/images/make_icons.py

Writes kpi-desktop.png (256 px, Linux and the README), kpi-desktop.ico (16–256 px, the Windows
executables and the installer) and the Linux hicolor sizes under installer/linux/icons/.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FONT = ROOT / "kpi_desktop" / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
LINUX_ICONS = HERE.parent / "linux" / "icons"

NAVY = (20, 61, 122, 255)
RED = (200, 32, 38, 255)
GOLD = (255, 205, 0, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int = 1024) -> Image.Image:
    """A navy tile with three rising bars (the KPI) and a red band with "KPI" in white."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 1024
    d.rounded_rectangle((32 * s, 32 * s, 992 * s, 992 * s), radius=180 * s, fill=NAVY)
    base = 640 * s
    for i, height in enumerate((200, 320, 440)):
        left = (250 + i * 190) * s
        d.rounded_rectangle((left, base - height * s, left + 140 * s, base), radius=24 * s,
                            fill=GOLD if i == 2 else WHITE)
    band = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ImageDraw.Draw(band).rectangle((0, 700 * s, size, 900 * s), fill=RED)
    tile = Image.new("L", img.size, 0)
    ImageDraw.Draw(tile).rounded_rectangle((32 * s, 32 * s, 992 * s, 992 * s), radius=180 * s, fill=255)
    img.paste(band, (0, 0), Image.composite(band, Image.new("RGBA", img.size), tile).getchannel("A"))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), int(170 * s))
    d.text((512 * s, 800 * s), "KPI", font=font, fill=WHITE, anchor="mm")
    return img


def main() -> None:
    big = draw()
    icon = big.resize((256, 256), Image.Resampling.LANCZOS)
    icon.save(HERE / "kpi-desktop.png", optimize=True)
    big.save(HERE / "kpi-desktop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                              (128, 128), (256, 256)])
    for px in (48, 128, 256):
        out = LINUX_ICONS / f"{px}x{px}" / "kpi-desktop.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        big.resize((px, px), Image.Resampling.LANCZOS).save(out, optimize=True)


if __name__ == "__main__":
    main()
