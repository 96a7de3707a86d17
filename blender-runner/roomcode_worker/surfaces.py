"""Support surfaces, part boxes and footprint of a built object, measured on its evaluated meshes.

A support surface is a set of upward faces (normal z > ``UP_NORMAL_Z``) at one height (within
``HEIGHT_TOL`` m) that touch each other in plan: a mattress top, a seat, a tabletop, one shelf board. Each is
reported as its axis-aligned rectangle in the object's local frame, its face area and the free height above
it (median of ray casts upwards against the whole object; ``None`` when nothing of the object is above).

A ring of faces (a tray's or a basket's rim, a counter around a sink's basin) has a rectangle whose centre no
face covers: it is reported as the rectangles that its faces really fill (``MIN_FILL``), so that nothing rests
at the rim's height over the tray's inner bottom or over the basin.
"""
import math

import bmesh
import numpy
from mathutils import Vector
from mathutils.bvhtree import BVHTree

from . import stats

#: Faces whose unit normal has z above this count as facing up (about 25 degrees from vertical).
UP_NORMAL_Z = 0.9
#: Upward faces within this height difference (m) belong to one surface level.
HEIGHT_TOL = 0.01
#: Surfaces smaller than this (m^2) hold nothing (leg tops, knob tops).
MIN_AREA = 0.0025
#: At most this many surfaces are reported, largest first.
MAX_SURFACES = 24
#: Two rectangles of a ring merge only when they fill this share of their union's rectangle.
MIN_FILL = 0.85


def _world_meshes(objects, frame_inv, geometry_types):
    """Yield ``(name, vertices (n,3) numpy, bmesh)`` per part, in the frame of ``frame_inv``; caller frees bmesh."""
    for obj, _ev, mesh, mw in stats.evaluated_meshes(objects, frame_inv, geometry_types):
        bm = bmesh.new()
        bm.from_mesh(mesh)
        bm.transform(mw)
        bm.normal_update()
        co = numpy.array([v.co[:] for v in bm.verts], dtype=numpy.float64).reshape(-1, 3)
        yield obj.name, co, bm


def _touch(a, b, gap=0.005):
    return a[0] <= b[2] + gap and b[0] <= a[2] + gap and a[1] <= b[3] + gap and b[1] <= a[3] + gap


def _merge(rects, min_fill=0.0):
    """Merge ``[minx, miny, maxx, maxy, area, faces]`` rectangles that touch in plan (transitively); with
    ``min_fill`` only where the two rectangles fill that share of their union's rectangle."""
    rects = [list(r) for r in rects]
    changed = True
    while changed:
        changed = False
        out = []
        for r in rects:
            for o in out:
                if _touch(o, r) and (min_fill <= 0.0 or _fill(o, r) >= min_fill):
                    o[0], o[1] = min(o[0], r[0]), min(o[1], r[1])
                    o[2], o[3] = max(o[2], r[2]), max(o[3], r[3])
                    o[4] += r[4]
                    o[5] = o[5] + r[5]
                    changed = True
                    break
            else:
                out.append(r)
        rects = out
    return rects


def _fill(a, b):
    """Share of the union rectangle of ``a`` and ``b`` that the two rectangles cover."""
    def rect_area(r):
        return max(r[2] - r[0], 0.0) * max(r[3] - r[1], 0.0)

    ox = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    oy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (max(a[2], b[2]) - min(a[0], b[0])) * (max(a[3], b[3]) - min(a[1], b[1]))
    return (rect_area(a) + rect_area(b) - ox * oy) / union if union > 1e-12 else 1.0


def _inside(pt, poly):
    """Whether 2D point ``pt`` lies in polygon ``poly`` (even-odd ray crossing)."""
    x, y = pt
    hit = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            hit = not hit
        j = i
    return hit


def _filled(r):
    """The surface ``r`` as rectangles its faces fill: itself when a face covers its centre, else its faces
    merged only where they fill their union (the sides of a rim, the strips of a counter around a basin)."""
    centre = ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0)
    if any(_inside(centre, poly) for poly, _area in r[5]):
        return [r]
    faces = []
    for poly, area in r[5]:
        xs = [p[0] for p in poly]
        ys = [p[1] for p in poly]
        faces.append([min(xs), min(ys), max(xs), max(ys), area, [(poly, area)]])
    return _merge(faces, MIN_FILL)


def measure(objects, geometry_types, frame_inv=None):
    """Support surfaces, part boxes and footprint of ``objects`` (local frame via ``frame_inv``).

    Returns ``{supportSurfaces: [{z, min:[x,y], max:[x,y], area, clearance}], partBoxes: [{name, min, max}],
    footprint: [[x, y], ...]}`` in meters; footprint is the convex hull of all vertices in plan.
    """
    levels = {}
    boxes = []
    hull_pts = []
    bvh_verts = []
    bvh_polys = []
    for name, co, bm in _world_meshes(objects, frame_inv, geometry_types):
        try:
            if len(co):
                lo = co.min(axis=0)
                hi = co.max(axis=0)
                boxes.append({"name": name, "min": [round(float(x), 4) for x in lo],
                              "max": [round(float(x), 4) for x in hi]})
                hull_pts.extend((float(p[0]), float(p[1])) for p in co)
            base = len(bvh_verts)
            bvh_verts.extend(v.co.copy() for v in bm.verts)
            for f in bm.faces:
                bvh_polys.append([base + v.index for v in f.verts])
                if f.normal.z <= UP_NORMAL_Z:
                    continue
                area = f.calc_area()
                if area <= 1e-7:
                    continue
                zs = [v.co.z for v in f.verts]
                z = sum(zs) / len(zs)
                xs = [v.co.x for v in f.verts]
                ys = [v.co.y for v in f.verts]
                key = (name, round(z / HEIGHT_TOL))
                poly = [(v.co.x, v.co.y) for v in f.verts]
                levels.setdefault(key, []).append([min(xs), min(ys), max(xs), max(ys), area, z, max(zs), poly])
        finally:
            bm.free()
    # One level per part and height bucket, then levels of all parts at the same height merged where they touch.
    by_height = {}
    for (_name, bucket), faces in levels.items():
        area = sum(f[4] for f in faces)
        z = sum(f[5] * f[4] for f in faces) / area
        top = max(f[6] for f in faces)
        for r in _merge([f[:5] + [[(f[7], f[4])]] for f in faces]):
            by_height.setdefault(bucket, []).append((z, r, top))
    surfaces = []
    for bucket in sorted(by_height):
        entries = by_height[bucket]
        z = sum(e[0] * e[1][4] for e in entries) / sum(e[1][4] for e in entries)
        top = max(e[2] for e in entries)
        for r in (piece for merged in _merge([e[1] for e in entries]) for piece in _filled(merged)):
            if r[4] < MIN_AREA:
                continue
            surfaces.append({"z": z, "top": top, "min": [r[0], r[1]], "max": [r[2], r[3]], "area": r[4]})
    surfaces.sort(key=lambda s: -s["area"])
    surfaces = surfaces[:MAX_SURFACES]
    tree = BVHTree.FromPolygons(bvh_verts, bvh_polys) if bvh_polys else None
    for s in surfaces:
        s["clearance"] = _clearance(tree, s)
        s["z"] = round(s.pop("top"), 4)
        s["min"] = [round(v, 4) for v in s["min"]]
        s["max"] = [round(v, 4) for v in s["max"]]
        s["area"] = round(s["area"], 5)
    return {"supportSurfaces": surfaces, "partBoxes": boxes, "footprint": _hull(hull_pts)}


def _clearance(tree, s):
    """Free height (m) above surface ``s`` (from its highest face): the median over 3 x 3 sample points, so a
    cushion leaning over a seat's back edge does not cover the seat; None when most points have nothing above."""
    if tree is None:
        return None
    up = Vector((0.0, 0.0, 1.0))
    heights = []
    for fx in (0.2, 0.5, 0.8):
        for fy in (0.2, 0.5, 0.8):
            x = s["min"][0] + (s["max"][0] - s["min"][0]) * fx
            y = s["min"][1] + (s["max"][1] - s["min"][1]) * fy
            hit = tree.ray_cast(Vector((x, y, s["top"] + 0.002)), up)
            if hit[0] is None:
                heights.append(float("inf"))
                continue
            # The first face above faces up: the point is inside a closed part (a frame under its mattress).
            heights.append(0.0 if hit[1].z > 0.0 else max(hit[0].z - s["top"], 0.0))
    heights.sort()
    median = heights[len(heights) // 2]
    return None if median == float("inf") else round(median, 4)


def _hull(points):
    """Convex hull (counter-clockwise) of 2D points, rounded to 1 mm; Andrew's monotone chain."""
    pts = sorted(set((round(x, 3), round(y, 3)) for x, y in points))
    if len(pts) <= 2:
        return [list(p) for p in pts]

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    if len(hull) > 48:
        step = math.ceil(len(hull) / 48)
        hull = hull[::step]
    return [list(p) for p in hull]
