"""The Teams app icons: drawn here, written as PNG, and checked when a package is built.

Teams wants two icons in the app package: a full-colour 192 x 192 PNG and a
32 x 32 outline PNG, white on a transparent background. Both show the same
motif: a house with an adult and a child in it (a family, at home), white on
the app's accent colour in the colour icon.

Regenerate the committed files with `python -m manifest.icons` after changing
the drawing; a test checks that they match what this module draws.

Pure Python (zlib and struct): no imaging library is needed at run time.
"""

from __future__ import annotations

import argparse
import itertools
import math
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ACCENT_COLOUR = "#0B6E69"
"""The colour icon's background and the manifest's `accentColor` (a deep teal)."""

COLOUR_SIZE = 192
OUTLINE_SIZE = 32
COLOUR_FILE = "color.png"
OUTLINE_FILE = "outline.png"
"""File names inside the package (the manifest's `icons`); Teams' own spelling."""

ICON_DIR = Path(__file__).resolve().parent

Pixel = tuple[int, int, int, int]
"""Red, green, blue, alpha; 0 to 255 each."""

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_WHITE: Pixel = (255, 255, 255, 255)
_CLEAR: Pixel = (0, 0, 0, 0)


class IconError(ValueError):
    """An icon file that Teams would refuse; the message is one line."""


@dataclass(frozen=True)
class Image:
    """An RGBA image, rows top to bottom."""

    width: int
    height: int
    pixels: tuple[Pixel, ...]
    has_alpha: bool = True
    """False when the file has no alpha channel (every pixel is then opaque)."""

    def pixel(self, x: int, y: int) -> Pixel:
        return self.pixels[y * self.width + x]


# --- drawing -----------------------------------------------------------------
#
# The motif is drawn in a unit square (x to the right, y downwards), as a
# coverage test: is this point white? Each pixel averages a grid of samples.

Point = tuple[float, float]

_STROKE = 0.05
"""Half the width of the house's lines, in motif units."""
_ROOF: tuple[Point, ...] = ((0.03, 0.48), (0.5, 0.05), (0.97, 0.48))
_WALLS: tuple[Point, ...] = ((0.16, 0.4), (0.16, 0.94), (0.84, 0.94), (0.84, 0.4))


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = min(1.0, max(0.0, t))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _near_polyline(p: Point, points: Sequence[Point], half_width: float) -> bool:
    return any(_segment_distance(p, a, b) <= half_width for a, b in itertools.pairwise(points))


def _in_disc(p: Point, centre: Point, radius: float) -> bool:
    return math.hypot(p[0] - centre[0], p[1] - centre[1]) <= radius


def _in_shoulders(p: Point, centre: Point, rx: float, ry: float) -> bool:
    """The upper half of an ellipse standing on its centre line: a person's shoulders."""
    x, y = (p[0] - centre[0]) / rx, (p[1] - centre[1]) / ry
    return y <= 0 and x * x + y * y <= 1


def _motif(p: Point) -> bool:
    return (
        _near_polyline(p, _ROOF, _STROKE)
        or _near_polyline(p, _WALLS, _STROKE)
        # the adult
        or _in_disc(p, (0.4, 0.5), 0.09)
        or _in_shoulders(p, (0.4, 0.9), 0.16, 0.24)
        # the child
        or _in_disc(p, (0.66, 0.63), 0.07)
        or _in_shoulders(p, (0.66, 0.9), 0.11, 0.16)
    )


def _coverage(
    shape: Callable[[Point], bool], size: int, origin: float, scale: float, samples: int
) -> list[float]:
    """For each pixel of a size x size image, the share of it inside `shape`.

    The motif's unit square maps to [origin, origin + scale] in pixels. A
    pixel whose four corners and centre agree is taken as wholly in or out
    (the motif has no detail finer than a pixel); the others average a
    samples x samples grid.
    """

    def inside(x: float, y: float) -> bool:
        mx, my = (x - origin) / scale, (y - origin) / scale
        return 0 <= mx <= 1 and 0 <= my <= 1 and shape((mx, my))

    corners = [[inside(x, y) for x in range(size + 1)] for y in range(size + 1)]
    offsets = [(i + 0.5) / samples for i in range(samples)]
    result = []
    for row in range(size):
        for column in range(size):
            first = corners[row][column]
            if (
                first
                == corners[row][column + 1]
                == corners[row + 1][column]
                == corners[row + 1][column + 1]
                == inside(column + 0.5, row + 0.5)
            ):
                result.append(1.0 if first else 0.0)
                continue
            hits = sum(inside(column + ox, row + oy) for oy in offsets for ox in offsets)
            result.append(hits / (samples * samples))
    return result


def _hex_colour(text: str) -> tuple[int, int, int]:
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def render_colour() -> Image:
    """The 192 x 192 colour icon: the motif in white on the accent colour, anti-aliased.

    The motif keeps to the middle 120 pixels, inside the safe area Teams
    recommends, so it stays clear of the rounded corners Teams draws.
    """
    background = _hex_colour(ACCENT_COLOUR)
    motif_size = 120
    origin = (COLOUR_SIZE - motif_size) / 2
    pixels = []
    for share in _coverage(_motif, COLOUR_SIZE, origin, motif_size, samples=4):
        r, g, b = (round(c + (255 - c) * share) for c in background)
        pixels.append((r, g, b, 255))
    return Image(COLOUR_SIZE, COLOUR_SIZE, tuple(pixels))


def render_outline() -> Image:
    """The 32 x 32 outline icon: the motif in white on transparent, filling the square.

    Pixels are either opaque white or fully transparent (no half-transparent
    edges), which is what Teams asks of an outline icon.
    """
    margin = 0.5
    shares = _coverage(_motif, OUTLINE_SIZE, margin, OUTLINE_SIZE - 2 * margin, samples=4)
    return Image(
        OUTLINE_SIZE,
        OUTLINE_SIZE,
        tuple(_WHITE if share >= 0.5 else _CLEAR for share in shares),
    )


# --- PNG ---------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def encode_png(image: Image) -> bytes:
    """An 8-bit RGBA, non-interlaced PNG of `image`."""
    if len(image.pixels) != image.width * image.height:
        raise ValueError("pixel count does not match the image size")
    raw = bytearray()
    for row in range(image.height):
        raw.append(0)  # filter type: none
        start = row * image.width
        for pixel in image.pixels[start : start + image.width]:
            raw.extend(pixel)
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, 6, 0, 0, 0)
    return (
        _PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + _chunk(b"IEND", b"")
    )


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(data: bytes, width: int, height: int, channels: int) -> bytearray:
    stride = width * channels
    out = bytearray(stride * height)
    previous = bytearray(stride)
    position = 0
    for row in range(height):
        if position + 1 + stride > len(data):
            raise IconError("image data is shorter than the image")
        kind = data[position]
        line = bytearray(data[position + 1 : position + 1 + stride])
        position += 1 + stride
        if kind > 4:
            raise IconError(f"unknown PNG filter type {kind}")
        for i in range(stride if kind else 0):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            else:
                up_left = previous[i - channels] if i >= channels else 0
                line[i] = (line[i] + _paeth(left, up, up_left)) & 0xFF
        out[row * stride : (row + 1) * stride] = line
        previous = line
    return out


_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}
"""Channels per PNG colour type we read: grey, RGB, grey + alpha, RGBA."""


def read_png(data: bytes) -> Image:
    """Decode an 8-bit, non-interlaced grey or RGB PNG, with or without alpha.

    Raises IconError for anything else (Teams' icons never need more).
    """
    if not data.startswith(_PNG_SIGNATURE):
        raise IconError("not a PNG file")
    position = len(_PNG_SIGNATURE)
    header = b""
    compressed = bytearray()
    has_transparency_chunk = False
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        crc_bytes = data[position + 8 + length : position + 12 + length]
        if len(body) != length or len(crc_bytes) != 4:
            raise IconError("truncated PNG file")
        if zlib.crc32(kind + body) & 0xFFFFFFFF != struct.unpack(">I", crc_bytes)[0]:
            raise IconError(f"damaged PNG file (bad checksum in {kind.decode('latin-1')})")
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed.extend(body)
        elif kind == b"tRNS":
            has_transparency_chunk = True
        elif kind == b"IEND":
            break
    if len(header) != 13:
        raise IconError("PNG file without a valid header")
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in _CHANNELS or interlace != 0 or has_transparency_chunk:
        raise IconError(
            f"unsupported PNG format (bit depth {depth}, colour type {colour_type}, "
            f"interlace {interlace}): save it as 8-bit RGBA"
        )
    if not 0 < width <= 4096 or not 0 < height <= 4096:
        raise IconError(f"implausible PNG size {width} x {height}")
    channels = _CHANNELS[colour_type]
    try:
        raw = zlib.decompress(bytes(compressed))
    except zlib.error as error:
        raise IconError(f"damaged PNG image data ({error})") from None
    samples = _unfilter(raw, width, height, channels)
    pixels: list[Pixel] = []
    for i in range(0, len(samples), channels):
        value = samples[i : i + channels]
        if channels == 1:
            pixels.append((value[0], value[0], value[0], 255))
        elif channels == 2:
            pixels.append((value[0], value[0], value[0], value[1]))
        elif channels == 3:
            pixels.append((value[0], value[1], value[2], 255))
        else:
            pixels.append((value[0], value[1], value[2], value[3]))
    return Image(width, height, tuple(pixels), has_alpha=colour_type in (4, 6))


# --- checks ------------------------------------------------------------------


def check_colour_icon(data: bytes) -> None:
    """Raise IconError unless `data` is a 192 x 192 PNG."""
    image = read_png(data)
    if (image.width, image.height) != (COLOUR_SIZE, COLOUR_SIZE):
        raise IconError(
            f"{COLOUR_FILE} must be {COLOUR_SIZE} x {COLOUR_SIZE} pixels, "
            f"not {image.width} x {image.height}"
        )


def check_outline_icon(data: bytes) -> None:
    """Raise IconError unless `data` is a 32 x 32 PNG in white on transparent."""
    image = read_png(data)
    if (image.width, image.height) != (OUTLINE_SIZE, OUTLINE_SIZE):
        raise IconError(
            f"{OUTLINE_FILE} must be {OUTLINE_SIZE} x {OUTLINE_SIZE} pixels, "
            f"not {image.width} x {image.height}"
        )
    if not image.has_alpha:
        raise IconError(f"{OUTLINE_FILE} must have an alpha channel (a transparent background)")
    for index, (r, g, b, a) in enumerate(image.pixels):
        if a and (r, g, b) != (255, 255, 255):
            x, y = index % image.width, index // image.width
            raise IconError(
                f"{OUTLINE_FILE} must be white on transparent: pixel ({x}, {y}) "
                f"is #{r:02x}{g:02x}{b:02x}"
            )
    if not any(a for _, _, _, a in image.pixels):
        raise IconError(f"{OUTLINE_FILE} is empty (fully transparent)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m manifest.icons", description="Draw the Teams app icons."
    )
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="folder to write them to")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for name, image in ((COLOUR_FILE, render_colour()), (OUTLINE_FILE, render_outline())):
        (out / name).write_bytes(encode_png(image))
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
