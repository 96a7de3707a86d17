"""Shared helpers of the object programs.

The code generator copies the helpers a program uses (and the helpers those use) into the
program itself, so every generated program stays a standalone module. Every helper builds a
named mesh object in the object's local frame (meters; origin at the footprint center on the
floor, +Z up, the front faces -Y) and links it to the active collection.
"""
import bpy
import bmesh
import math

# Principled BSDF (roughness, metallic) per material name; mirrors lib/program/materials.ts.
_MATERIALS = {
    "wood": (0.55, 0.0), "oak": (0.55, 0.0), "walnut": (0.5, 0.0), "pine": (0.6, 0.0),
    "maple": (0.5, 0.0), "cherry": (0.45, 0.0), "mahogany": (0.45, 0.0), "teak": (0.55, 0.0),
    "birch": (0.55, 0.0), "bamboo": (0.5, 0.0), "plywood": (0.65, 0.0), "laminate": (0.4, 0.0),
    "lacquer": (0.15, 0.0), "fabric": (0.9, 0.0), "linen": (0.9, 0.0), "cotton": (0.9, 0.0),
    "wool": (0.95, 0.0), "velvet": (0.8, 0.0), "suede": (0.85, 0.0), "leather": (0.45, 0.0),
    "metal": (0.35, 1.0), "steel": (0.3, 1.0), "brushed_steel": (0.35, 1.0),
    "stainless_steel": (0.25, 1.0), "chrome": (0.05, 1.0), "aluminum": (0.3, 1.0),
    "iron": (0.6, 1.0), "brass": (0.3, 1.0), "gold": (0.25, 1.0), "copper": (0.3, 1.0),
    "glass": (0.05, 0.0), "ceramic": (0.2, 0.0), "porcelain": (0.15, 0.0), "marble": (0.2, 0.0),
    "granite": (0.35, 0.0), "stone": (0.7, 0.0), "concrete": (0.85, 0.0), "tile": (0.3, 0.0),
    "terrazzo": (0.35, 0.0), "brick": (0.85, 0.0), "plaster": (0.9, 0.0), "paint": (0.6, 0.0),
    "plastic": (0.4, 0.0), "rubber": (0.9, 0.0), "rattan": (0.75, 0.0), "wicker": (0.75, 0.0),
    "cork": (0.85, 0.0), "paper": (0.85, 0.0), "cardboard": (0.9, 0.0), "carpet": (1.0, 0.0),
    "foliage": (0.6, 0.0), "soil": (1.0, 0.0), "wax": (0.5, 0.0),
}


def _rgba(hex_color):
    """Linear RGBA tuple from an sRGB hex color ``#rrggbb`` (grey when malformed)."""
    h = str(hex_color).lstrip("#")
    if len(h) != 6:
        h = "808080"
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255.0
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return (out[0], out[1], out[2], 1.0)


def _mat(name, color, kind="plastic"):
    """A Principled BSDF material with base color ``color`` (sRGB hex) and the PBR preset of ``kind``."""
    key = str(kind).lower().replace(" ", "_").replace("-", "_")
    rough, metal = _MATERIALS.get(key, (0.5, 0.0))
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    bsdf = None
    for node in mat.node_tree.nodes:
        if node.type == "BSDF_PRINCIPLED":
            bsdf = node
    if bsdf is None:
        bsdf = mat.node_tree.nodes.new("ShaderNodeBsdfPrincipled")
    rgba = _rgba(color)
    bsdf.inputs["Base Color"].default_value = rgba
    bsdf.inputs["Roughness"].default_value = rough
    bsdf.inputs["Metallic"].default_value = metal
    # Blender 4.x renamed "Specular" to "Specular IOR Level" and "Transmission" to "Transmission Weight".
    spec = "Specular IOR Level" if "Specular IOR Level" in bsdf.inputs else "Specular"
    bsdf.inputs[spec].default_value = 0.5
    if key == "glass":
        trans = "Transmission Weight" if "Transmission Weight" in bsdf.inputs else "Transmission"
        bsdf.inputs[trans].default_value = 1.0
        bsdf.inputs["Alpha"].default_value = 0.35
        if hasattr(mat, "blend_method"):
            mat.blend_method = "BLEND"
    mat.diffuse_color = rgba
    mat["roomcode_kind"] = key
    mat.roughness = rough
    mat.metallic = metal
    return mat


def _link(name, bm, mat, loc, rot=(0.0, 0.0, 0.0)):
    """Turns a bmesh into a mesh object ``name`` at ``loc`` with Euler rotation ``rot`` (radians)."""
    mesh = bpy.data.meshes.new(name)
    bm.to_mesh(mesh)
    bm.free()
    if mat is not None:
        mesh.materials.append(mat)
    obj = bpy.data.objects.new(name, mesh)
    obj.location = loc
    obj.rotation_euler = rot
    bpy.context.collection.objects.link(obj)
    return obj


def _box(name, size, loc, mat, bevel=0.0, rot=(0.0, 0.0, 0.0), smooth=False):
    """Box part: ``size`` (x, y, z) in meters centered at ``loc``; optional rounded edges of radius ``bevel``."""
    sx, sy, sz = (max(float(s), 1e-4) for s in size)
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    for v in bm.verts:
        v.co.x *= sx
        v.co.y *= sy
        v.co.z *= sz
    if bevel > 0.0:
        radius = min(bevel, 0.45 * min(sx, sy, sz))
        bmesh.ops.bevel(bm, geom=list(bm.edges) + list(bm.verts), offset=radius, segments=3,
                        profile=0.5, affect="EDGES", clamp_overlap=True)
        if smooth:
            for f in bm.faces:
                f.smooth = True
    return _link(name, bm, mat, loc, rot)


def _cyl(name, radius, height, loc, mat, rot=(0.0, 0.0, 0.0), radius_top=None, segments=24):
    """Cylinder (or truncated cone with ``radius_top``) along local Z, ``height`` tall, centered at ``loc``."""
    top = radius if radius_top is None else radius_top
    bm = bmesh.new()
    bmesh.ops.create_cone(bm, cap_ends=True, cap_tris=False, segments=segments,
                          radius1=max(radius, 1e-4), radius2=max(top, 1e-4), depth=max(height, 1e-4))
    bm.normal_update()
    for f in bm.faces:
        f.smooth = abs(f.normal.z) < 0.7
    return _link(name, bm, mat, loc, rot)


def _sphere(name, radius, loc, mat, scale=(1.0, 1.0, 1.0), segments=24):
    """UV sphere of ``radius`` centered at ``loc``, scaled per axis by ``scale`` (baked into the mesh)."""
    bm = bmesh.new()
    bmesh.ops.create_uvsphere(bm, u_segments=segments, v_segments=max(segments // 2, 6), radius=radius)
    for v in bm.verts:
        v.co.x *= scale[0]
        v.co.y *= scale[1]
        v.co.z *= scale[2]
    for f in bm.faces:
        f.smooth = True
    return _link(name, bm, mat, loc)


def _torus(name, major, minor, loc, mat, rot=(0.0, 0.0, 0.0), arc=2.0 * math.pi, segments=32, ring=10):
    """Torus (or an arc of one, ``arc`` radians) in the local XY plane, tube radius ``minor``."""
    bm = bmesh.new()
    closed = arc >= 2.0 * math.pi - 1e-6
    steps = segments if closed else segments + 1
    rings = []
    for i in range(steps):
        a = arc * i / segments
        ca, sa = math.cos(a), math.sin(a)
        loop = []
        for j in range(ring):
            b = 2.0 * math.pi * j / ring
            r = major + minor * math.cos(b)
            loop.append(bm.verts.new((r * ca, r * sa, minor * math.sin(b))))
        rings.append(loop)
    count = steps if closed else steps - 1
    for i in range(count):
        a, b = rings[i], rings[(i + 1) % steps]
        for j in range(ring):
            f = bm.faces.new((a[j], b[j], b[(j + 1) % ring], a[(j + 1) % ring]))
            f.smooth = True
    if not closed:
        bm.faces.new(list(reversed(rings[0])))
        bm.faces.new(rings[-1])
    bm.normal_update()
    return _link(name, bm, mat, loc, rot)


def _four_legs(w, d, height, thick, mat, inset=0.0, z0=0.0, round_legs=False, prefix="leg"):
    """Four legs of ``height`` standing at z0 in the corners of a ``w`` x ``d`` footprint, ``inset`` from the edges."""
    legs = []
    dx = w / 2.0 - inset - thick / 2.0
    dy = d / 2.0 - inset - thick / 2.0
    corners = [(-dx, -dy), (dx, -dy), (-dx, dy), (dx, dy)]
    for i, (x, y) in enumerate(corners):
        loc = (x, y, z0 + height / 2.0)
        name = "%s_%d" % (prefix, i + 1)
        if round_legs:
            legs.append(_cyl(name, thick / 2.0, height, loc, mat, segments=16))
        else:
            legs.append(_box(name, (thick, thick, height), loc, mat))
    return legs


def _carcass(w, d, h, t, mat, z0=0.0, y0=0.0, back=True):
    """Case of a cabinet: sides, top, bottom and back panels of thickness ``t`` filling ``w`` x ``d`` x ``h`` from z0."""
    parts = [
        _box("side_left", (t, d, h), (-w / 2.0 + t / 2.0, y0, z0 + h / 2.0), mat),
        _box("side_right", (t, d, h), (w / 2.0 - t / 2.0, y0, z0 + h / 2.0), mat),
        _box("top", (w, d, t), (0.0, y0, z0 + h - t / 2.0), mat),
        _box("bottom", (w - 2 * t, d, t), (0.0, y0, z0 + t / 2.0), mat),
    ]
    if back:
        parts.append(_box("back", (w - 2 * t, t, h - 2 * t), (0.0, y0 + d / 2.0 - t / 2.0, z0 + h / 2.0), mat))
    return parts


def _knob(name, x, y_front, z, mat, radius=0.015):
    """Round knob whose back touches the front plane y_front and which sticks out toward -Y."""
    return _sphere(name, radius, (x, y_front - radius, z), mat, scale=(1.0, 1.0, 1.0), segments=12)


def _bar_handle(name, x, y_front, z, length, mat, vertical=False, depth=0.025):
    """Bar pull of ``length`` standing ``depth`` in front of the plane y_front (toward -Y)."""
    size = (0.012, depth, length) if vertical else (length, depth, 0.012)
    return _box(name, size, (x, y_front - depth / 2.0, z), mat)


def _lathe(name, profile, loc, mat, segments=32, cap_bottom=True, cap_top=False, scale=(1.0, 1.0)):
    """Surface of revolution about local Z from ``profile`` [(radius, z), ...] bottom to top; ``scale`` stretches X/Y."""
    bm = bmesh.new()
    rings = []
    for r, z in profile:
        ring = []
        for i in range(segments):
            a = 2.0 * math.pi * i / segments
            ring.append(bm.verts.new((max(r, 1e-4) * math.cos(a) * scale[0], max(r, 1e-4) * math.sin(a) * scale[1], z)))
        rings.append(ring)
    for k in range(len(rings) - 1):
        a, b = rings[k], rings[k + 1]
        for i in range(segments):
            j = (i + 1) % segments
            f = bm.faces.new((a[i], a[j], b[j], b[i]))
            f.smooth = True
    if cap_bottom:
        bm.faces.new(list(reversed(rings[0])))
    if cap_top:
        bm.faces.new(rings[-1])
    bm.normal_update()
    return _link(name, bm, mat, loc)


def _cubes(name, boxes, mat):
    """One mesh object made of many boxes [((sx, sy, sz), (cx, cy, cz)), ...] (keys, slats, bars)."""
    bm = bmesh.new()
    for size, center in boxes:
        res = bmesh.ops.create_cube(bm, size=1.0)
        for v in res["verts"]:
            v.co.x = v.co.x * size[0] + center[0]
            v.co.y = v.co.y * size[1] + center[1]
            v.co.z = v.co.z * size[2] + center[2]
    return _link(name, bm, mat, (0.0, 0.0, 0.0))


def _table(w, d, h, top_t, wood, leg_mat=None, leg=0.05, inset=0.03, round_top=False, apron=True, round_legs=False):
    """Table top of thickness ``top_t`` (rectangular or elliptic) on four legs, with an apron under the top."""
    legs_mat = leg_mat if leg_mat is not None else wood
    parts = []
    if round_top:
        top = _cyl("top", w / 2.0, top_t, (0.0, 0.0, h - top_t / 2.0), wood, segments=48)
        top.scale = (1.0, d / w, 1.0)
        parts.append(top)
        inset = max(inset, min(w, d) * 0.15)
    else:
        parts.append(_box("top", (w, d, top_t), (0.0, 0.0, h - top_t / 2.0), wood, bevel=min(0.006, top_t * 0.3)))
    leg_h = h - top_t
    parts += _four_legs(w, d, leg_h, leg, legs_mat, inset=inset, round_legs=round_legs)
    if apron and leg_h > 0.2:
        ah = min(0.08, leg_h * 0.15)
        iw = w - 2 * inset - 2 * leg
        idp = d - 2 * inset - 2 * leg
        z = h - top_t - ah / 2.0
        parts.append(_box("apron_front", (iw, 0.02, ah), (0.0, -d / 2.0 + inset + leg / 2.0, z), wood))
        parts.append(_box("apron_back", (iw, 0.02, ah), (0.0, d / 2.0 - inset - leg / 2.0, z), wood))
        parts.append(_box("apron_left", (0.02, idp, ah), (-w / 2.0 + inset + leg / 2.0, 0.0, z), wood))
        parts.append(_box("apron_right", (0.02, idp, ah), (w / 2.0 - inset - leg / 2.0, 0.0, z), wood))
    return parts


def _drawers(x0, x1, z0, z1, rows, cols, y_front, mat, knob_mat, first=1, knob_r=0.012):
    """A grid of drawer fronts (``rows`` x ``cols``) between x0..x1 and z0..z1 with one knob each, fronts ending at y_front."""
    parts = []
    fw = (x1 - x0) / cols
    fh = (z1 - z0) / rows
    k = first
    for r in range(rows):
        z = z1 - fh * (r + 0.5)
        for c in range(cols):
            x = x0 + fw * (c + 0.5)
            parts.append(_box("drawer_%d" % k, (fw - 0.006, 0.018, fh - 0.006), (x, y_front + 0.009, z), mat,
                              bevel=0.002))
            parts.append(_knob("knob_%d" % k, x, y_front, z, knob_mat, knob_r))
            k += 1
    return parts


def _doors(x0, x1, z0, z1, count, y_front, mat, handle_mat, first=1, glass=None):
    """``count`` door fronts between x0..x1, z0..z1 with vertical bar handles at their meeting edges; ``glass`` insets panes."""
    parts = []
    dw = (x1 - x0) / count
    for i in range(count):
        x = x0 + dw * (i + 0.5)
        k = first + i
        parts.append(_box("door_%d" % k, (dw - 0.006, 0.018, z1 - z0 - 0.006), (x, y_front + 0.009, (z0 + z1) / 2.0),
                          mat, bevel=0.002))
        if glass is not None:
            parts.append(_box("door_%d_glass" % k, (dw - 0.1, 0.006, z1 - z0 - 0.1),
                              (x, y_front - 0.001, (z0 + z1) / 2.0), glass))
        side = 1.0 if (count == 1 or i % 2 == 0) else -1.0
        hx = x + side * (dw / 2.0 - 0.04)
        hl = min(0.16, (z1 - z0) * 0.3)
        hz = min(z1 - hl / 2.0 - 0.03, z0 + (z1 - z0) * 0.55) if z1 - z0 > 1.2 else (z0 + z1) / 2.0
        parts.append(_bar_handle("handle_%d" % k, hx, y_front, hz, hl, handle_mat, vertical=True, depth=0.024))
    return parts


def _done(parts):
    """Updates the view layer so every part's world matrix reflects its final location/rotation/scale."""
    bpy.context.view_layer.update()
    return parts


def _glow(name, color, strength=5.0):
    """An emissive Principled BSDF material (bulbs, flames, screens) glowing in ``color`` (sRGB hex)."""
    mat = _mat(name, color, "plastic")
    bsdf = next(n for n in mat.node_tree.nodes if n.type == "BSDF_PRINCIPLED")
    # Blender 4.x renamed "Emission" to "Emission Color".
    emit = "Emission Color" if "Emission Color" in bsdf.inputs else "Emission"
    bsdf.inputs[emit].default_value = _rgba(color)
    if "Emission Strength" in bsdf.inputs:
        bsdf.inputs["Emission Strength"].default_value = strength
    return mat


def _variant_table(w, d, h, top_t, wood, shape="rectangular", base="legs", glass_top=False, extendable=False,
                   leg=0.05, inset=0.03, apron=True, round_legs=False):
    """A table of the given top ``shape`` (rectangular, square, round, oval) on four legs or a pedestal.

    ``glass_top`` makes the top a glass pane on a thin frame; ``extendable`` splits the top at the middle with
    a leaf seam (the leaf stored under it).
    """
    round_top = shape in ("round", "oval")
    glass = _mat("glass_top", "#d8e8ec", "glass") if glass_top else None
    top_mat = glass if glass is not None else wood
    if base != "pedestal":
        parts = _table(w, d, h, top_t, wood, leg=leg, inset=inset, round_top=round_top, apron=apron or glass_top,
                       round_legs=round_legs)
        parts[0].data.materials.clear()
        parts[0].data.materials.append(top_mat)
    else:
        if round_top:
            top = _cyl("top", w / 2.0, top_t, (0.0, 0.0, h - top_t / 2.0), top_mat, segments=48)
            top.scale = (1.0, d / w, 1.0)
        else:
            top = _box("top", (w, d, top_t), (0.0, 0.0, h - top_t / 2.0), top_mat, bevel=min(0.006, top_t * 0.3))
        col_h = h - top_t - 0.05
        foot = _cyl("foot", min(w, d) * 0.3, 0.05, (0.0, 0.0, 0.025), wood, segments=32)
        column = _cyl("pedestal", max(0.03, min(w, d) * 0.07), col_h, (0.0, 0.0, 0.05 + col_h / 2.0), wood)
        parts = [top, column, foot]
    if extendable and w > 0.8:
        seam_mat = _mat("leaf_seam", "#2a2a2a", "plastic")
        parts.append(_box("leaf_seam", (0.006, d * 0.98, 0.002), (0.0, 0.0, h + 0.0005), seam_mat))
        parts.append(_box("leaf", (min(0.45, w * 0.3), d * 0.8, top_t * 0.8), (0.0, 0.0, h - top_t - top_t * 0.6), wood))
    return parts
