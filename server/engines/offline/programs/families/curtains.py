"""Curtains: a rod with finials and two gathered fabric panels with soft folds, hanging in front of a window."""
import bpy
import bmesh
import math

PARAMS = {
    "width": 1.6,
    "depth": 0.1,
    "height": 2.3,
    "color": "#d8cfc0",
    "material": "linen",
    "panels": 2,
    "open": True,
}


def _panel(name, x0, x1, z0, z1, amp, mat, folds):
    """A pleated curtain panel: a grid bent into a sine wave along Y (amplitude amp)."""
    bm = bmesh.new()
    cols, rows = folds * 4, 4  # quarter-wave steps so the folds reach +-amp exactly
    grid = []
    for j in range(rows + 1):
        z = z0 + (z1 - z0) * j / rows
        row = []
        for i in range(cols + 1):
            x = x0 + (x1 - x0) * i / cols
            y = amp * math.sin(2.0 * math.pi * folds * i / cols)
            row.append(bm.verts.new((x, y, z)))
        grid.append(row)
    for j in range(rows):
        for i in range(cols):
            f = bm.faces.new((grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]))
            f.smooth = True
    return _link(name, bm, mat, (0.0, 0.0, 0.0))


def build(p):
    """Rod and finials at the top, panels from the floor up to the rod (gathered to the sides when open)."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("fabric", p["color"], p["material"])
    metal = _mat("rod", "#3b3b3b", "metal")
    rod_r = min(0.015, d * 0.2)
    rod_z = h - rod_r
    fin_r = min(0.03, d / 2.0)
    parts = [_cyl("rod", rod_r, w - 2 * fin_r, (0.0, 0.0, rod_z), metal, rot=(0.0, math.pi / 2.0, 0.0), segments=16)]
    for i, x in enumerate((-w / 2.0 + fin_r, w / 2.0 - fin_r)):
        parts.append(_sphere("finial_%d" % (i + 1), fin_r, (x, 0.0, h - fin_r), metal, segments=16))
    n = max(1, int(p.get("panels", 2)))
    inner = w - 4 * fin_r
    share = inner / n * (0.45 if p.get("open", True) and n > 1 else 1.0)
    amp = d / 2.0
    top = rod_z - rod_r - 0.01
    for i in range(n):
        if n > 1 and p.get("open", True):
            left = i < n / 2.0
            x0 = -inner / 2.0 if left else inner / 2.0 - share
            if n > 2:
                x0 = -inner / 2.0 + inner * i / n
        else:
            x0 = -inner / 2.0 + inner * i / n
        parts.append(_panel("panel_%d" % (i + 1), x0, x0 + share, 0.0, top, amp, cloth, max(3, int(share / 0.1))))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
