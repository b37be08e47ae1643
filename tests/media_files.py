"""Real, valid image files made in the test, so no binary test data has to travel.

``png(w, h)`` is an RGB PNG (``noise=True`` stores random pixels uncompressed: a 1500×1400
photo is then a real 6 MB file); ``gif(w, h, frames)`` an animated GIF89a that loops.
"""

from __future__ import annotations

import random
import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width: int = 2, height: int = 2, *, noise: bool = False, seed: int = 7) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    if noise:
        rnd = random.Random(seed)
        rows = b"".join(b"\x00" + rnd.randbytes(3 * width) for _ in range(height))
        idat = zlib.compress(rows, 0)  # stored: the file is as large as the pixels
    else:
        rows = b"".join(b"\x00" + b"\xc8\x1e\x1e" * width for _ in range(height))
        idat = zlib.compress(rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def _lzw_uncompressed(indices: bytes) -> bytes:
    """GIF image data with 2-bit pixels, a clear code before the table grows (valid LZW,
    no compression): every code is 3 bits wide."""
    clear, end = 4, 5
    codes: list[int] = []
    for i, px in enumerate(indices):
        if i % 2 == 0:
            codes.append(clear)
        codes.append(px)
    codes.append(end)
    bits = 0
    nbits = 0
    out = bytearray()
    for code in codes:
        bits |= code << nbits
        nbits += 3
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        out.append(bits & 0xFF)
    blocks = bytearray([2])  # LZW minimum code size
    for i in range(0, len(out), 255):
        piece = out[i : i + 255]
        blocks += bytes([len(piece)]) + piece
    return bytes(blocks + b"\x00")


def gif(width: int = 8, height: int = 8, frames: int = 3) -> bytes:
    palette = b"\xff\xff\xff" + b"\x1e\x3c\xc8" + b"\xc8\x1e\x1e" + b"\x00\x00\x00"
    out = bytearray(b"GIF89a")
    out += struct.pack("<HHBBB", width, height, 0xF1, 0, 0)  # global table of 4 colours
    out += palette
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"  # loop forever
    for f in range(frames):
        out += b"\x21\xf9\x04\x04\x0a\x00\x00\x00"  # 0.1 s per frame
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
        pixels = bytes(((x + y + f) % 3) for y in range(height) for x in range(width))
        out += _lzw_uncompressed(pixels)
    out += b"\x3b"
    return bytes(out)
