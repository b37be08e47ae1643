"""Render resources/icons/humasdesk.svg to the PNG, ICO and ICNS files the build uses.

    python packaging/make_icons.py          # rewrite resources/icons/*.png, .ico, .icns

Run it after editing the SVG and commit the results (the build does not regenerate them).
Rendering uses Qt (QSvgRenderer on a QImage), so no extra dependency is needed.

ICO: Qt has an ICO writer, but it writes one BMP image per file; Windows wants one file
with every size, so `write_ico` builds the container itself. Layout (little-endian):
ICONDIR {reserved u16 = 0, type u16 = 1, count u16}, then `count` ICONDIRENTRY
{width u8 (0 = 256), height u8, colours u8 = 0, reserved u8 = 0, planes u16 = 1,
bit count u16 = 32, size u32, offset u32}, then the images; each image here is a
complete PNG file (allowed since Windows Vista).

ICNS (Apple icon container, big-endian): the magic `icns`, the u32 length of the whole
file, then chunks of {OSType (4 ASCII bytes), u32 length including this 8-byte header,
data}. Every chunk written here holds a PNG file:
    icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x),
    ic11 32 (16@2x), ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "humasdesk.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_CHUNKS = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent size x size image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG in `images` ({size: png bytes}), smallest first."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"ICO images are at most 256 px, not {size}")
        png = images[size]
        dim = 0 if size == 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def write_icns(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file from (OSType, png bytes) pairs."""
    body = b"".join(struct.pack(">4sI", kind, len(data) + 8) + data for kind, data in chunks)
    return struct.pack(">4sI", b"icns", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_CHUNKS}
    rendered = {size: render_png(SVG, size) for size in sorted(wanted)}
    for size in PNG_SIZES:
        (ICONS / f"humasdesk-{size}.png").write_bytes(rendered[size])
    (ICONS / "humasdesk.ico").write_bytes(write_ico({s: rendered[s] for s in ICO_SIZES}))
    (ICONS / "humasdesk.icns").write_bytes(
        write_icns([(kind, rendered[size]) for kind, size in ICNS_CHUNKS])
    )
    print(f"wrote {len(PNG_SIZES)} PNG, humasdesk.ico and humasdesk.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
