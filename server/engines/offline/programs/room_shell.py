"""Room shell: floor, walls around the footprint with door and window openings, and an optional ceiling.

The footprint is the room's inner outline (counter-clockwise, meters, room frame); walls stand outside
it. Openings are [kind, wall index, offset of the center along the wall, width, height, sill].
Walls are built as solid segments around each opening, so no boolean modifiers are needed.
"""
import bpy
import bmesh
import math

PARAMS = {
    "footprint": [[-2.0, -2.0], [2.0, -2.0], [2.0, 2.0], [-2.0, 2.0]],
    "wall_height": 2.6,
    "wall_thickness": 0.12,
    "openings": [],
    "floor_color": "#b58a55",
    "floor_material": "oak",
    "wall_color": "#ece8e1",
    "wall_material": "paint",
    "ceiling": False,
}

JOINTS = [
    {"name": "door_{i}_hinge", "type": "revolute", "parent": "floor", "repeat": "count(openings, 'door')", "start": 0,
     "children": ["door_{i}"], "axis": [0, 0, 1], "origin": {"part": "door_{i}", "at": [-1, 1, 0]},
     "limits": [0, 90]},
]


def _slab(name, points, z0, z1, mat):
    """A prism over the polygon ``points`` from z0 to z1."""
    bm = bmesh.new()
    bottom = [bm.verts.new((x, y, z0)) for x, y in points]
    top = [bm.verts.new((x, y, z1)) for x, y in points]
    bm.faces.new(list(reversed(bottom)))
    bm.faces.new(top)
    n = len(points)
    for i in range(n):
        j = (i + 1) % n
        bm.faces.new((bottom[i], bottom[j], top[j], top[i]))
    bm.normal_update()
    return _link(name, bm, mat, (0.0, 0.0, 0.0))


def _segment(name, start, direction, outward, a, b, z0, z1, t, mat):
    """Wall piece along an edge from distance a to b, between heights z0 and z1, thickness t outward."""
    length = b - a
    mid = (a + b) / 2.0
    cx = start[0] + direction[0] * mid + outward[0] * t / 2.0
    cy = start[1] + direction[1] * mid + outward[1] * t / 2.0
    yaw = math.atan2(direction[1], direction[0])
    return _box(name, (length, t, z1 - z0), (cx, cy, (z0 + z1) / 2.0), mat, rot=(0.0, 0.0, yaw))


def build(p):
    """Builds floor, wall_0.., window_i (glass + frame), door_i and the ceiling; returns the objects."""
    pts = [(float(x), float(y)) for x, y in p["footprint"]]
    area = sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
               for i in range(len(pts)))
    # Walls stand outside the footprint: on the right of each edge for a counter-clockwise outline.
    # A clockwise outline keeps its edge order (openings index the edges) and flips the side instead.
    side = 1.0 if area >= 0 else -1.0
    h, t = p["wall_height"], p["wall_thickness"]
    floor_mat = _mat("floor", p["floor_color"], p["floor_material"])
    wall_mat = _mat("wall", p["wall_color"], p["wall_material"])
    glass = _mat("window_glass", "#dfeff2", "glass")
    frame = _mat("window_frame", "#f2f2f2", "paint")
    door_mat = _mat("door", "#c8b69a", "wood")
    outline = pts if side > 0 else pts[::-1]
    parts = [_slab("floor", outline, -0.02, 0.0, floor_mat)]
    n = len(pts)
    count = {"wall": 0, "window": 0, "door": 0}

    def turn(i):
        """Cross product at vertex i (> 0: left turn, a convex corner of a counter-clockwise outline)."""
        a, b, c = pts[i - 1], pts[i], pts[(i + 1) % n]
        return (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])

    for i in range(n):
        s, e = pts[i], pts[(i + 1) % n]
        length = math.hypot(e[0] - s[0], e[1] - s[1])
        if length < 1e-6:
            continue
        u = ((e[0] - s[0]) / length, (e[1] - s[1]) / length)
        out = (u[1] * side, -u[0] * side)
        # Extend into the corner square at convex corners; reflex corners already overlap.
        lo = -t if turn(i) * side > 0 else 0.0
        hi = length + (t if turn((i + 1) % n) * side > 0 else 0.0)
        holes = []
        for op in p["openings"]:
            kind, wall, off, ow, oh, sill = op
            if int(wall) != i:
                continue
            ow = min(float(ow), length - 0.1)
            off = min(max(float(off), ow / 2.0 + 0.05), length - ow / 2.0 - 0.05)
            sill = 0.0 if kind == "door" else min(float(sill), h - 0.2)
            oh = min(float(oh), h - sill - 0.05)
            holes.append((off - ow / 2.0, off + ow / 2.0, sill, sill + oh, kind))
        holes.sort()
        cursor = lo

        def piece(a, b, z0, z1):
            if b - a > 1e-4 and z1 - z0 > 1e-4:
                parts.append(_segment("wall_%d" % count["wall"], s, u, out, a, b, z0, z1, t, wall_mat))
                count["wall"] += 1

        for a, b, z0, z1, kind in holes:
            piece(cursor, a, 0.0, h)
            piece(a, b, 0.0, z0)
            piece(a, b, z1, h)
            cursor = max(cursor, b)
            mid = (a + b) / 2.0
            cx = s[0] + u[0] * mid + out[0] * t / 2.0
            cy = s[1] + u[1] * mid + out[1] * t / 2.0
            yaw = math.atan2(u[1], u[0])
            if kind == "door":
                k = count["door"]
                parts.append(_box("door_%d" % k, (b - a - 0.02, 0.04, z1 - z0 - 0.01),
                                  (cx, cy, (z0 + z1) / 2.0), door_mat, rot=(0.0, 0.0, yaw)))
                count["door"] += 1
            else:
                k = count["window"]
                parts.append(_box("window_%d" % k, (b - a, 0.01, z1 - z0), (cx, cy, (z0 + z1) / 2.0),
                                  glass, rot=(0.0, 0.0, yaw)))
                fw = 0.05
                for j, (dx, dz, sx, sz) in enumerate((
                        (0.0, (z1 - z0) / 2.0 - fw / 2.0, b - a, fw), (0.0, -(z1 - z0) / 2.0 + fw / 2.0, b - a, fw),
                        (-(b - a) / 2.0 + fw / 2.0, 0.0, fw, z1 - z0), ((b - a) / 2.0 - fw / 2.0, 0.0, fw, z1 - z0))):
                    parts.append(_box("window_%d_frame_%d" % (k, j + 1), (sx, 0.06, sz),
                                      (cx + u[0] * dx, cy + u[1] * dx, (z0 + z1) / 2.0 + dz), frame,
                                      rot=(0.0, 0.0, yaw)))
                count["window"] += 1
        piece(cursor, hi, 0.0, h)
    if p.get("ceiling", False):
        parts.append(_slab("ceiling", outline, h, h + 0.02, wall_mat))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
