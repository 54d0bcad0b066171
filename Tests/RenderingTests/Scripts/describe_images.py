"""Describe image files as Pillow decodes them, for the Rendering tests' independent check.

Usage:
    describe_images.py FILE...            print one JSON object: file -> description
    describe_images.py --write-png FILE MODE
                                          write a 23 x 17 test pattern with Pillow in MODE
                                          (RGB, RGBA, L, LA or P) and describe that file

A description holds the format, width, height, frame count, loop count, per-frame
durations in milliseconds, and every frame's pixels as a flat [r, g, b, r, g, b, ...] list.
The test pattern is pixel (x, y) = ((7 x) % 256, (13 y) % 256, (5 (x + y)) % 256).
"""
import json
import sys

from PIL import Image


def describe(path):
    with Image.open(path) as image:
        frames = []
        durations = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            rgb = image.convert("RGB")
            frames.append([channel for pixel in rgb.getdata() for channel in pixel])
            durations.append(image.info.get("duration", 0))
        return {
            "format": image.format,
            "width": image.width,
            "height": image.height,
            "frames": len(frames),
            "loop": image.info.get("loop", -1),
            "durations": durations,
            "pixels": frames,
        }


def write_pattern(path, mode):
    image = Image.new("RGB", (23, 17))
    image.putdata([((7 * x) % 256, (13 * y) % 256, (5 * (x + y)) % 256)
                   for y in range(17) for x in range(23)])
    image.convert(mode).save(path, format="PNG")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-png"]:
        write_pattern(sys.argv[2], sys.argv[3])
        print(json.dumps({sys.argv[2]: describe(sys.argv[2])}))
    else:
        print(json.dumps({path: describe(path) for path in sys.argv[1:]}))
