"""The Teams app icons: the committed PNGs, the drawing that makes them, and the checks."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from manifest import icons

COLOUR_PATH = icons.ICON_DIR / icons.COLOUR_FILE
OUTLINE_PATH = icons.ICON_DIR / icons.OUTLINE_FILE


def rgba(image: PillowImage.Image) -> tuple[tuple[int, int, int, int], ...]:
    data = image.convert("RGBA").tobytes()
    return tuple((data[i], data[i + 1], data[i + 2], data[i + 3]) for i in range(0, len(data), 4))


def pillow_pixels(data: bytes) -> tuple[tuple[int, int, int, int], ...]:
    with PillowImage.open(io.BytesIO(data)) as image:
        return rgba(image)


@pytest.fixture(scope="module")
def drawn_colour() -> icons.Image:
    return icons.render_colour()


@pytest.fixture(scope="module")
def drawn_outline() -> icons.Image:
    return icons.render_outline()


def test_colour_icon_is_a_full_colour_192_pixel_square() -> None:
    with PillowImage.open(COLOUR_PATH) as image:
        assert image.format == "PNG"
        assert image.size == (192, 192)
        pixels = rgba(image)
    assert all(alpha == 255 for *_, alpha in pixels), "the colour icon has a solid background"
    assert len(set(pixels)) > 2, "the colour icon shows a motif, not a flat colour"
    corner = pixels[0]
    assert corner[:3] == icons._hex_colour(icons.ACCENT_COLOUR)


def test_outline_icon_is_white_on_transparent_32_pixels() -> None:
    with PillowImage.open(OUTLINE_PATH) as image:
        assert image.format == "PNG"
        assert image.size == (32, 32)
        assert image.mode == "RGBA"
        pixels = rgba(image)
    for pixel in pixels:
        assert pixel == (255, 255, 255, 255) or pixel[3] == 0, pixel
    white = sum(1 for pixel in pixels if pixel[3])
    assert 100 < white < 32 * 32 - 100, "the outline shows a motif with space around it"


def test_committed_icons_are_what_the_script_draws(
    drawn_colour: icons.Image, drawn_outline: icons.Image
) -> None:
    # Pixels, not bytes: the compressed bytes may differ between zlib builds.
    assert pillow_pixels(COLOUR_PATH.read_bytes()) == drawn_colour.pixels, (
        "manifest/color.png is stale: run `python -m manifest.icons`"
    )
    assert pillow_pixels(OUTLINE_PATH.read_bytes()) == drawn_outline.pixels, (
        "manifest/outline.png is stale: run `python -m manifest.icons`"
    )


def test_script_writes_both_icons(tmp_path: Path, drawn_outline: icons.Image) -> None:
    assert icons.main(["--out", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["color.png", "outline.png"]
    assert pillow_pixels((tmp_path / "outline.png").read_bytes()) == drawn_outline.pixels
    icons.check_colour_icon((tmp_path / "color.png").read_bytes())
    icons.check_outline_icon((tmp_path / "outline.png").read_bytes())


def test_committed_icons_pass_the_package_checks() -> None:
    icons.check_colour_icon(COLOUR_PATH.read_bytes())
    icons.check_outline_icon(OUTLINE_PATH.read_bytes())


def test_reader_agrees_with_pillow_on_the_committed_icons() -> None:
    for path in (COLOUR_PATH, OUTLINE_PATH):
        data = path.read_bytes()
        assert icons.read_png(data).pixels == pillow_pixels(data)


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "L", "LA"])
def test_reader_decodes_every_filter_pillow_writes(mode: str) -> None:
    # A photo-like gradient makes Pillow's encoder use all five row filters.
    image = PillowImage.new("RGBA", (37, 23))
    image.putdata(
        [
            ((x * 7 + y * 3) % 256, (x * y) % 256, (255 - x * 5) % 256, (y * 11) % 256)
            for y in range(23)
            for x in range(37)
        ]
    )
    buffer = io.BytesIO()
    image.convert(mode).save(buffer, format="PNG", optimize=True)
    data = buffer.getvalue()
    decoded = icons.read_png(data)
    assert (decoded.width, decoded.height) == (37, 23)
    assert decoded.has_alpha == (mode in ("RGBA", "LA"))
    assert decoded.pixels == pillow_pixels(data)


def test_encoder_round_trips() -> None:
    image = icons.Image(3, 2, ((1, 2, 3, 4), (5, 6, 7, 8), (9, 10, 11, 12)) * 2)
    data = icons.encode_png(image)
    assert icons.read_png(data) == image
    assert pillow_pixels(data) == image.pixels


def png(size: tuple[int, int], colour: tuple[int, ...], mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    PillowImage.new(mode, size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_checks_reject_icons_teams_would_refuse() -> None:
    with pytest.raises(icons.IconError, match="192 x 192"):
        icons.check_colour_icon(png((96, 96), (0, 0, 0, 255)))
    with pytest.raises(icons.IconError, match="32 x 32"):
        icons.check_outline_icon(png((48, 48), (255, 255, 255, 255)))
    with pytest.raises(icons.IconError, match="alpha channel"):
        icons.check_outline_icon(png((32, 32), (255, 255, 255), mode="RGB"))
    with pytest.raises(icons.IconError, match="white on transparent"):
        icons.check_outline_icon(png((32, 32), (200, 0, 0, 255)))
    with pytest.raises(icons.IconError, match="empty"):
        icons.check_outline_icon(png((32, 32), (255, 255, 255, 0)))
    with pytest.raises(icons.IconError, match="colour type 3"):
        icons.check_outline_icon(png((32, 32), (0,), mode="P"))


def test_reader_rejects_damaged_files() -> None:
    with pytest.raises(icons.IconError, match="not a PNG"):
        icons.read_png(b"GIF89a")
    data = bytearray(OUTLINE_PATH.read_bytes())
    data[20] ^= 0xFF  # inside IHDR: its checksum no longer matches
    with pytest.raises(icons.IconError, match="checksum"):
        icons.read_png(bytes(data))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0)
    short = (
        b"\x89PNG\r\n\x1a\n"
        + icons._chunk(b"IHDR", header)
        + icons._chunk(b"IDAT", zlib.compress(b"\x00" * 5))
        + icons._chunk(b"IEND", b"")
    )
    with pytest.raises(icons.IconError, match="shorter"):
        icons.read_png(short)
