"""Job kind export_sim: meshes, convex hulls, mass properties and joints for simulator exports, and USD.

Every object (and the room) is built in isolation like ``assemble_scene``; its joints are validated; each part
gets a convex hull made by Blender (``bmesh.ops.convex_hull``) and mass properties from its volume and a density
per material. Per object one Wavefront OBJ (Blender's own exporter) holds the visual parts (``o <part>``) and
their hulls (``o <part>__hull``) in the object's local frame (Z-up, m). With ``outUsd`` the placed scene is also
written as USD: through Blender's USD exporter where Blender has one, else as USD ASCII written here (Debian's
Blender is built without USD). The URDF and MJCF text is made on the Node side from the result.
"""
import json
import math
import os

import bmesh
import bpy
import numpy

from . import scene_state, stats
from .assemble import _run_isolated
from .jobs import JobError, Timer, _parent_under, validated_joints

# Densities in kg/m^3 by material kind, rounded from The Engineering ToolBox "Densities of Solids"
# (https://www.engineeringtoolbox.com/density-solids-d_1265.html) and "Wood Species - Densities"
# (https://www.engineeringtoolbox.com/wood-density-d_40.html). Upholstery and foliage are bulk densities of
# stuffed foam and leaves, not of the solid fibres.
DENSITY = {
    "wood": 700.0, "oak": 750.0, "walnut": 640.0, "pine": 500.0, "maple": 700.0, "cherry": 580.0,
    "mahogany": 600.0, "teak": 650.0, "birch": 670.0, "bamboo": 700.0, "plywood": 600.0, "laminate": 800.0,
    "lacquer": 700.0, "paint": 700.0, "fabric": 150.0, "linen": 150.0, "cotton": 150.0, "wool": 150.0,
    "velvet": 150.0, "suede": 200.0, "leather": 300.0, "metal": 7850.0, "steel": 7850.0, "brushed_steel": 7850.0,
    "stainless_steel": 8000.0, "chrome": 7190.0, "aluminum": 2700.0, "iron": 7870.0, "brass": 8500.0,
    "gold": 19300.0, "copper": 8960.0, "glass": 2500.0, "ceramic": 2400.0, "porcelain": 2400.0, "marble": 2700.0,
    "granite": 2700.0, "stone": 2500.0, "concrete": 2400.0, "tile": 2300.0, "terrazzo": 2400.0, "brick": 1900.0,
    "plaster": 850.0, "plastic": 950.0, "rubber": 1100.0, "rattan": 400.0, "wicker": 400.0, "cork": 240.0,
    "paper": 800.0, "cardboard": 690.0, "carpet": 300.0, "foliage": 300.0, "soil": 1300.0, "wax": 900.0,
}
DEFAULT_DENSITY = 700.0
"""Density (kg/m^3) of a part whose material names no kind: wood, the commonest furniture material."""

_MIN_VOLUME = 1e-8


def _density(obj):
    """Density of a part from its first material: the ``roomcode_kind`` property, else words in the name."""
    mat = next((s.material for s in obj.material_slots if s.material is not None), None)
    if mat is None:
        return DEFAULT_DENSITY, "default"
    kind = str(mat.get("roomcode_kind", "")) if hasattr(mat, "get") else ""
    if kind in DENSITY:
        return DENSITY[kind], kind
    name = mat.name.lower()
    for key in sorted(DENSITY, key=len, reverse=True):
        if key in name:
            return DENSITY[key], key
    if getattr(mat, "metallic", 0.0) > 0.5:
        return DENSITY["steel"], "steel"
    return DEFAULT_DENSITY, "default"


def _hex(obj):
    mat = next((s.material for s in obj.material_slots if s.material is not None), None)
    if mat is None:
        return "#9a9a9a"
    rgba = list(mat.diffuse_color)
    out = []
    for c in rgba[:3]:
        c = max(0.0, min(1.0, float(c)))
        s = c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1.0 / 2.4) - 0.055
        out.append(int(round(s * 255)))
    return "#%02x%02x%02x" % tuple(out)


def _mass_properties(verts, tris):
    """Volume, centroid and second moment ``C = sum x x^T dV`` of a closed triangle mesh (signed tetrahedra)."""
    a, b, c = verts[tris[:, 0]], verts[tris[:, 1]], verts[tris[:, 2]]
    det = numpy.einsum("ij,ij->i", a, numpy.cross(b, c))
    vol = det.sum() / 6.0
    if abs(vol) < _MIN_VOLUME:
        return 0.0, verts.mean(axis=0), numpy.zeros((3, 3))
    centroid = ((a + b + c) * det[:, None]).sum(axis=0) / (24.0 * vol)
    # Covariance of a tetrahedron (0, a, b, c): det/120 * (sum of outer products + (a+b+c)(a+b+c)^T).
    s = a + b + c
    cov = (numpy.einsum("i,ij,ik->jk", det, a, a) + numpy.einsum("i,ij,ik->jk", det, b, b)
           + numpy.einsum("i,ij,ik->jk", det, c, c) + numpy.einsum("i,ij,ik->jk", det, s, s)) / 120.0
    if vol < 0:
        vol, cov = -vol, -cov
    return float(vol), centroid, cov


def _triangles(bm):
    """(vertices Nx3, triangles Mx3) of a bmesh after triangulation."""
    bmesh.ops.triangulate(bm, faces=bm.faces[:])
    bm.verts.index_update()
    verts = numpy.array([v.co[:] for v in bm.verts], dtype=numpy.float64).reshape(-1, 3)
    tris = numpy.array([[v.index for v in f.verts] for f in bm.faces], dtype=numpy.int64).reshape(-1, 3)
    return verts, tris


def _local_bmesh(obj, frame_inv, depsgraph):
    ev = obj.evaluated_get(depsgraph)
    mesh = ev.to_mesh()
    try:
        bm = bmesh.new()
        bm.from_mesh(mesh)
        bm.transform(frame_inv @ ev.matrix_world)
        return bm
    finally:
        ev.to_mesh_clear()


def _hull_object(obj, frame_inv, depsgraph, coll):
    """A new mesh object ``<part>__hull``: Blender's convex hull of the part (local frame); and its bmesh data."""
    src = _local_bmesh(obj, frame_inv, depsgraph)
    bm = bmesh.new()
    for v in src.verts:
        bm.verts.new(v.co)
    src.free()
    if len(bm.verts) >= 4:
        res = bmesh.ops.convex_hull(bm, input=bm.verts[:], use_existing_faces=False)
        drop = list({g: None for g in list(res.get("geom_interior", [])) + list(res.get("geom_unused", []))
                     if isinstance(g, bmesh.types.BMVert) and g.is_valid})
        bmesh.ops.delete(bm, geom=drop, context="VERTS")
        bmesh.ops.delete(bm, geom=[v for v in bm.verts if not v.link_faces], context="VERTS")
        bmesh.ops.recalc_face_normals(bm, faces=bm.faces[:])
    verts, tris = _triangles(bm)
    mesh = bpy.data.meshes.new(obj.name + "__hull")
    bm.to_mesh(mesh)
    bm.free()
    hull = bpy.data.objects.new(obj.name + "__hull", mesh)
    coll.objects.link(hull)
    return hull, verts, tris


def _part_record(obj, frame_inv, depsgraph, hull_verts, hull_tris):
    """Mass properties of one part: mass from its own volume when closed (else its hull's), inertia of its hull."""
    density, kind = _density(obj)
    if len(hull_tris):
        hv, hc, hcov = _mass_properties(hull_verts, hull_tris)
    else:
        hv, hc, hcov = 0.0, numpy.zeros(3), numpy.zeros((3, 3))
    bm = _local_bmesh(obj, frame_inv, depsgraph)
    closed = all(e.is_manifold for e in bm.edges) and len(bm.faces) > 0
    v_own = _mass_properties(*_triangles(bm))[0] if closed else 0.0
    bm.free()
    volume = v_own if v_own > _MIN_VOLUME else hv
    box = stats.geometry_stats([obj], frame_inv)["bbox"]
    if hv <= _MIN_VOLUME:
        # A flat part (a pane, a screen): a thin box of its bounding box stands in for its hull.
        ext = [max(box["max"][k] - box["min"][k], 0.002) for k in range(3)]
        hv = ext[0] * ext[1] * ext[2]
        hc = numpy.array([(box["max"][k] + box["min"][k]) / 2.0 for k in range(3)])
        hcov = numpy.diag([hv * e * e / 12.0 for e in ext]) + hv * numpy.outer(hc, hc)
        volume = max(volume, hv)
    mass = max(density * volume, 1e-4)
    cov_c = (hcov - hv * numpy.outer(hc, hc)) * (mass / hv)
    inertia = numpy.trace(cov_c) * numpy.eye(3) - cov_c
    return {
        "name": obj.name, "material": kind, "density": density, "color": _hex(obj),
        "volume": round(volume, 9), "mass": round(mass, 6), "com": [round(float(x), 6) for x in hc],
        "inertia": [round(float(inertia[0, 0]), 9), round(float(inertia[1, 1]), 9), round(float(inertia[2, 2]), 9),
                    round(float(inertia[0, 1]), 9), round(float(inertia[0, 2]), 9), round(float(inertia[1, 2]), 9)],
        "bbox": box, "hullVertices": int(len(hull_verts)), "hullVolume": round(hv, 9),
    }


_OBJ_PROPS = []


def _export_obj(path, objects):
    """Write ``objects`` (world = local frame here) to a Wavefront OBJ with Blender's exporter, Z up, no .mtl."""
    op = bpy.ops.wm.obj_export
    if not _OBJ_PROPS:
        _OBJ_PROPS.extend(op.get_rna_type().properties.keys())
    for o in bpy.context.view_layer.objects:
        o.select_set(False)
    for o in objects:
        o.select_set(True)
    wanted = {
        "filepath": path, "export_selected_objects": True, "export_materials": False, "export_uv": False,
        "export_normals": False, "export_triangulated_mesh": True, "forward_axis": "Y", "up_axis": "Z",
        "apply_modifiers": True, "export_object_groups": False, "export_material_groups": False,
        "export_animation": False, "export_colors": False, "check_existing": False,
    }
    res = op(**{k: v for k, v in wanted.items() if k in _OBJ_PROPS})
    for o in objects:
        o.select_set(False)
    if not os.path.exists(path):
        raise RuntimeError("the OBJ exporter wrote no %s (%s; %d objects, %d selected)" % (
            path, res, len(objects), sum(1 for o in objects if o.name in bpy.context.view_layer.objects)))


def _export_one(oid, source, overrides, coll, timer, ctx, out_obj):
    objs = _run_isolated(source, oid, overrides, coll, timer, ctx)
    root = _parent_under(objs, oid, coll)
    root["roomcode_id"] = oid
    bpy.context.view_layer.update()
    joints = validated_joints(source, overrides, objs, root, oid)
    frame_inv = root.matrix_world.inverted()
    depsgraph = bpy.context.evaluated_depsgraph_get()
    parts, hulls = [], []
    for o in sorted((o for o in objs if o.type == "MESH"), key=lambda o: o.name):
        hull, hv, ht = _hull_object(o, frame_inv, depsgraph, coll)
        hulls.append(hull)
        parts.append(_part_record(o, frame_inv, depsgraph, hv, ht))
    if out_obj:
        meshes = [o for o in objs if o.type == "MESH"] + hulls
        _export_obj(out_obj, meshes)
    for h in hulls:
        mesh = h.data
        bpy.data.objects.remove(h, do_unlink=True)
        bpy.data.meshes.remove(mesh)
    return root, {"objectId": oid, "joints": joints, "parts": parts}


def _usd_name(name, taken):
    """A USD prim name (identifier) for ``name``, unique among ``taken``."""
    base = "".join(c if c.isalnum() or c == "_" else "_" for c in name) or "prim"
    if base[0].isdigit():
        base = "_" + base
    out, k = base, 1
    while out in taken:
        k += 1
        out = "%s_%d" % (base, k)
    taken.add(out)
    return out


def _usd_matrix(m):
    """A Blender matrix as USD ``matrix4d`` text (row vectors: the transpose, translation in the last row)."""
    rows = [[m[c][r] for c in range(4)] for r in range(4)]
    return "( %s )" % ", ".join("(%s)" % ", ".join("%.9g" % v for v in row) for row in rows)


def _usd_mesh(obj, rel, depsgraph, name, indent):
    ev = obj.evaluated_get(depsgraph)
    mesh = ev.to_mesh()
    try:
        pts = ", ".join("(%.6g, %.6g, %.6g)" % tuple(v.co) for v in mesh.vertices)
        counts = ", ".join(str(len(poly.vertices)) for poly in mesh.polygons)
        idx = ", ".join(str(i) for poly in mesh.polygons for i in poly.vertices)
    finally:
        ev.to_mesh_clear()
    r, g, b = (max(0.0, min(1.0, int(_hex(obj)[k:k + 2], 16) / 255.0)) for k in (1, 3, 5))
    pad = " " * indent
    return "\n".join([
        '%sdef Mesh "%s"' % (pad, name), "%s{" % pad,
        "%s    int[] faceVertexCounts = [%s]" % (pad, counts),
        "%s    int[] faceVertexIndices = [%s]" % (pad, idx),
        "%s    point3f[] points = [%s]" % (pad, pts),
        "%s    color3f[] primvars:displayColor = [(%.4g, %.4g, %.4g)]" % (pad, r, g, b),
        '%s    uniform token subdivisionScheme = "none"' % pad,
        "%s    matrix4d xformOp:transform = %s" % (pad, _usd_matrix(rel)),
        '%s    uniform token[] xformOpOrder = ["xformOp:transform"]' % pad,
        "%s}" % pad,
    ])


def _write_usda(path, roots):
    """The placed scene as USD ASCII: ``/World/<object>`` Xforms (placement, ``roomcode:id``, ``roomcode:joints``)
    holding one Mesh per part (Z-up, meters). Used where Blender was built without USD (Debian's)."""
    depsgraph = bpy.context.evaluated_depsgraph_get()
    out = ["#usda 1.0", "(", '    defaultPrim = "World"', "    metersPerUnit = 1", '    upAxis = "Z"', ")", "",
           'def Xform "World"', "{"]
    taken = set()
    for root in roots:
        name = _usd_name(root.name, taken)
        out += ['    def Xform "%s"' % name, "    {",
                '        custom string roomcode:id = "%s"' % root.name.replace('"', "'"),
                "        custom string roomcode:joints = %s" % json.dumps(str(root.get("roomcode_joints", "[]"))),
                "        matrix4d xformOp:transform = %s" % _usd_matrix(root.matrix_world),
                '        uniform token[] xformOpOrder = ["xformOp:transform"]']
        inv = root.matrix_world.inverted()
        parts = set()
        for o in sorted(stats.descendants(root), key=lambda o: o.name):
            if o.type == "MESH":
                part = str(o.get("roomcode_part", o.name))
                out.append(_usd_mesh(o, inv @ o.matrix_world, depsgraph, _usd_name(part, parts), 8))
        out.append("    }")
    out += ["}", ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def _export_usd(path, roots):
    """The placed scene as USD: Blender's own exporter (``wm.usd_export``) when this Blender has it, else USDA."""
    if hasattr(bpy.ops.wm, "usd_export") and "usd_export" in dir(bpy.ops.wm):
        op = bpy.ops.wm.usd_export
        props = op.get_rna_type().properties.keys()
        wanted = {"filepath": path, "selected_objects_only": False, "visible_objects_only": False,
                  "export_animation": False, "export_materials": True, "export_uvmaps": True,
                  "export_normals": True, "generate_preview_surface": True, "check_existing": False}
        op(**{k: v for k, v in wanted.items() if k in props})
        return "blender"
    _write_usda(path, roots)
    return "usda"


def export_sim(job, ctx):
    """Room + objects -> per-object OBJ meshes/hulls, mass properties, joints; optional scene USD."""
    timer = Timer()
    scene_state.reset_session()
    timer.mark("reset")
    failed, out, roots = [], [], []
    outputs = job.get("outObj") or {}
    items = []
    if job.get("roomSource"):
        items.append(("room", job["roomSource"], job.get("roomOverrides"), None))
    for item in job.get("objects", []):
        if not item.get("hidden"):
            items.append((item["objectId"], item["source"], item.get("overrides"), item["placement"]))
    for oid, source, overrides, placement in items:
        coll = scene_state.new_collection(oid)
        try:
            root, record = _export_one(oid, source, overrides, coll, timer, ctx, outputs.get(oid))
        except JobError as exc:
            failed.append({"objectId": oid, "error": exc.error})
            if outputs.get(oid):
                # Every declared output must exist: a failed object leaves an OBJ with a comment only.
                with open(outputs[oid], "w", encoding="ascii") as fh:
                    fh.write("# %s failed to build\n" % "".join(c for c in oid if c.isalnum() or c in "-_"))
            for o in list(coll.objects):
                bpy.data.objects.remove(o, do_unlink=True)
            bpy.data.collections.remove(coll)
            continue
        if placement is not None:
            root.location = (placement["x"], placement["y"], placement["z"])
            root.rotation_euler = (0.0, 0.0, math.radians(placement["yawDeg"]))
        # Names are global in a .blend: move this object's out of the way so the next program gets its own.
        for o in stats.descendants(root):
            o["roomcode_part"] = o.name
            o.name = "%s|%s" % (oid, o.name)
        out.append(record)
        roots.append(root)
        timer.mark("object")
    bpy.context.view_layer.update()
    usd_writer = None
    if job.get("outUsd"):
        usd_writer = _export_usd(job["outUsd"], roots)
        timer.mark("export_usd")
    return {"objects": out, "failed": failed, "usdPath": job.get("outUsd"), "usdWriter": usd_writer}, timer.done()
