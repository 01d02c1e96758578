#!/usr/bin/env python3
"""Says whether a PNG screenshot shows something: decodes it (8-bit
greyscale, RGB or RGBA, not interlaced, the forms Chromium writes) with
zlib alone and counts its colours and the pixels that differ from the
most common one (the page's background).

    png_check.py FILE [MIN_COLOURS] [MIN_INK_PERCENT]

Prints "FILE: WxH, N colours, P% ink" and exits 0 when the image has at
least MIN_COLOURS colours (default 3) and at least MIN_INK_PERCENT percent
of pixels not of the background colour (default 0.5); else exits 1.
"""
import struct
import sys
import zlib
from collections import Counter


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError("unsupported PNG form (depth %d, colour %d)" % (depth, colour))
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    path = sys.argv[1]
    min_colours = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    min_ink = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    width, height, channels, rows = read_png(path)
    pixels = Counter()
    for line in rows:
        for x in range(0, len(line), channels):
            pixels[line[x:x + channels]] += 1
    total = width * height
    ink = 100.0 * (total - pixels.most_common(1)[0][1]) / total
    print("%s: %dx%d, %d colours, %.2f%% ink" % (path, width, height, len(pixels), ink))
    return 0 if len(pixels) >= min_colours and ink >= min_ink else 1


if __name__ == "__main__":
    sys.exit(main())
