"""Draw the application icon with Pillow: ``resources/icons/lei.png`` (256 px) and ``lei.ico``.

A white shield with a check mark on a rounded deep-blue square: cover that pays out. Drawn at 4x
and scaled down so the edges are smooth; the .ico holds 16-256 px so Windows picks a sharp one for
the Start menu, the task bar and Explorer. Run it again only if the design changes; the outputs
are committed. ``python packaging/make_icon.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
BLUE = (21, 67, 140, 255)
RED = (200, 40, 40, 255)
WHITE = (255, 255, 255, 255)


def draw(size: int = 256) -> Image.Image:
    scale = 4
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    margin = s * 0.04
    d.rounded_rectangle([margin, margin, s - margin, s - margin], radius=s * 0.18, fill=BLUE)
    # the shield: a flat top with a curved point below
    cx, top, w = s / 2, s * 0.20, s * 0.50
    left, right = cx - w / 2, cx + w / 2
    shoulder = s * 0.48
    tip = s * 0.82
    shield = [(left, top), (right, top), (right, shoulder)]
    steps = 24
    for i in range(1, steps + 1):  # quadratic curves from each shoulder to the tip
        t = i / steps
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * right + t * t * cx
        y = (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * (tip - s * 0.06) + t * t * tip
        shield.append((x, y))
    for i in range(steps - 1, -1, -1):
        t = i / steps
        x = (1 - t) ** 2 * left + 2 * (1 - t) * t * left + t * t * cx
        y = (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * (tip - s * 0.06) + t * t * tip
        shield.append((x, y))
    d.polygon(shield, fill=WHITE)
    # a red check mark across the shield
    width = int(s * 0.065)
    check = [(cx - w * 0.28, s * 0.47), (cx - w * 0.06, s * 0.62), (cx + w * 0.30, s * 0.33)]
    d.line(check, fill=RED, width=width, joint="curve")
    for x, y in (check[0], check[-1]):
        d.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=RED)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=ROOT / "resources" / "icons")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(args.out / "lei.png", optimize=True)
    big.save(args.out / "lei.ico", sizes=ICO_SIZES)
    print(f"wrote {args.out / 'lei.png'} and {args.out / 'lei.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
