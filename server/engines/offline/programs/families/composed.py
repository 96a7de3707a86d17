"""Composed object: built part by part from its blueprint (the profile stage's ObjectPlan) scaled to its size."""
import bpy
import math

PARAMS = {
    "width": 0.5,
    "depth": 0.5,
    "height": 0.5,
    "color": "#b0b0b0",
    "material": "plastic",
    "secondary_color": "#5a5a5a",
}

# Blueprint parts: (name, primitive, cx, cy, cz, sx, sy, sz, role); centre and size as fractions of
# width, depth and height (x, y centred on 0, z from 0 at the floor to 1 at the top).
PARTS = [
    ("plinth", "box", 0.0, 0.0, 0.02, 0.96, 0.96, 0.04, "secondary"),
    ("body", "box", 0.0, 0.0, 0.52, 1.0, 1.0, 0.96, "primary"),
]


def _part(spec, w, d, h, mats):
    """One blueprint part as a mesh object: boxes, elliptic cylinders and cones, ellipsoids and flattened tori."""
    name, prim, cx, cy, cz, sx, sy, sz, role = spec
    loc = (cx * w, cy * d, cz * h)
    sw, sd, sh = max(sx * w, 1e-3), max(sy * d, 1e-3), max(sz * h, 1e-3)
    mat = mats.get(role, mats["primary"])
    if prim == "box":
        return _box(name, (sw, sd, sh), loc, mat, bevel=min(sw, sd, sh) * 0.08)
    if prim in ("cylinder", "cone"):
        obj = _cyl(name, sw / 2.0, sh, loc, mat, radius_top=(sw * 0.02 if prim == "cone" else None), segments=24)
        obj.scale = (1.0, sd / sw, 1.0)
        return obj
    if prim == "sphere":
        return _sphere(name, 0.5, loc, mat, scale=(sw, sd, sh), segments=20)
    minor = min(sw, sd) * 0.15
    obj = _torus(name, min(sw, sd) / 2.0 - minor, minor, loc, mat)
    obj.scale = (sw / min(sw, sd), sd / min(sw, sd), sh / (2.0 * minor))
    return obj


def build(p):
    """Every blueprint part scaled to width x depth x height, in the object's colour, second colour, metal, glass or a dark accent."""
    w, d, h = p["width"], p["depth"], p["height"]
    mats = {
        "primary": _mat("primary", p["color"], p["material"]),
        "secondary": _mat("secondary", p.get("secondary_color", "#5a5a5a"), "plastic"),
        "metal": _mat("metal", "#a8a8a8", "metal"),
        "glass": _mat("glass", "#d8e8ec", "glass"),
        "dark": _mat("dark", "#262626", "plastic"),
    }
    return _done([_part(s, w, d, h, mats) for s in PARTS])


if __name__ == "__main__":
    build(PARAMS)
