"""Opens a run folder's pictures in real viewers and reports what they show, as JSON.

learning_curve.svg goes through rsvg-convert (librsvg) to PNG; episode.gif is read by Pillow
(header, size, frame count) and its middle frame is coalesced to PNG by ImageMagick. Pixels:
coloured (non-grey) pixels inside the SVG's plot are the curves; dark pixels in the lower part
of the GIF's frame are the cart. final.safetensors is opened by the safetensors package.

Usage: check_run_pictures.py RUN_FOLDER SCRATCH_FOLDER
"""
import json
import os
import subprocess
import sys

from PIL import Image
from safetensors.numpy import load_file

run, scratch = sys.argv[1], sys.argv[2]
report = {}

curve_png = os.path.join(scratch, "curve.png")
subprocess.run(["rsvg-convert", os.path.join(run, "learning_curve.svg"), "-o", curve_png], check=True)
with Image.open(curve_png) as image:
    rgb = image.convert("RGB")
    report["svg_size"] = list(rgb.size)
    data = rgb.tobytes()
    pixels = (data[i:i + 3] for i in range(0, len(data), 3))
    report["curve_pixels"] = sum(1 for pixel in pixels if max(pixel) - min(pixel) > 60)

gif_path = os.path.join(run, "episode.gif")
with Image.open(gif_path) as gif:
    report["gif_format"] = gif.format
    report["gif_size"] = list(gif.size)
    report["gif_frames"] = gif.n_frames
middle = report["gif_frames"] // 2
frame_png = os.path.join(scratch, "frame.png")
command = ["convert", gif_path, "-coalesce"]
if middle > 0:
    command += ["-delete", f"0-{middle - 1}"]
if report["gif_frames"] - middle > 1:
    command += ["-delete", "1--1"]
subprocess.run(command + [frame_png], check=True)
with Image.open(frame_png) as frame:
    rgb = frame.convert("RGB")
    width, height = rgb.size
    data = rgb.crop((0, height // 2, width, height)).tobytes()
    pixels = (data[i:i + 3] for i in range(0, len(data), 3))
    report["cart_pixels"] = sum(1 for pixel in pixels if max(pixel) < 60)

tensors = load_file(os.path.join(run, "final.safetensors"))
report["tensors"] = sorted(tensors.keys())
print(json.dumps(report))
