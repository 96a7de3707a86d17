"""Build statistics: bounding box (m), vertex/triangle counts, parts, materials, non-manifold edges."""
import bmesh
import numpy
import bpy

GEOMETRY_TYPES = frozenset({"MESH", "CURVE", "SURFACE", "META", "FONT", "CURVES", "POINTCLOUD", "VOLUME"})


def descendants(root):
    """All objects under ``root`` (recursive), excluding root."""
    out = []
    stack = list(root.children)
    while stack:
        o = stack.pop()
        out.append(o)
        stack.extend(o.children)
    return out


def evaluated_meshes(objects, frame_inv=None, geometry_types=GEOMETRY_TYPES):
    """Yield ``(object, evaluated object, mesh, matrix)`` for each object of ``geometry_types`` that has a mesh.

    ``matrix`` maps the mesh into the frame of ``frame_inv`` (default: world). The mesh is freed when the
    consumer asks for the next one (or stops), so it must not be kept.
    """
    depsgraph = bpy.context.evaluated_depsgraph_get()
    for obj in objects:
        if obj.type not in geometry_types:
            continue
        ev = obj.evaluated_get(depsgraph)
        try:
            mesh = ev.to_mesh()
        except RuntimeError:
            mesh = None
        if mesh is None:
            continue
        try:
            yield obj, ev, mesh, (ev.matrix_world if frame_inv is None else frame_inv @ ev.matrix_world)
        finally:
            ev.to_mesh_clear()


def geometry_stats(objects, frame_inv=None):
    """Stats over the evaluated geometry of ``objects``.

    ``frame_inv`` maps world coordinates into the frame the bbox is reported in (default: world).
    Returns ``{bbox:{min,max}, size:{w,d,h}, vertices, triangles, parts, materials, nonManifoldEdges}``.
    """
    lo = [float("inf")] * 3
    hi = [float("-inf")] * 3
    verts = tris = non_manifold = 0
    materials = set()
    parts = [obj.name for obj in objects if obj.type in GEOMETRY_TYPES]
    for _obj, ev, mesh, mw in evaluated_meshes(objects, frame_inv):
        n = len(mesh.vertices)
        if n:
            co = numpy.empty(n * 3, dtype=numpy.float64)
            mesh.vertices.foreach_get("co", co)
            co = co.reshape(n, 3)
            m = numpy.array(mw, dtype=numpy.float64)
            p = co @ m[:3, :3].T + m[:3, 3]
            pmin = p.min(axis=0)
            pmax = p.max(axis=0)
            for i in range(3):
                lo[i] = min(lo[i], float(pmin[i]))
                hi[i] = max(hi[i], float(pmax[i]))
        verts += n
        mesh.calc_loop_triangles()
        tris += len(mesh.loop_triangles)
        for slot in ev.material_slots:
            if slot.material is not None:
                materials.add(slot.material.name)
        bm = bmesh.new()
        bm.from_mesh(mesh)
        non_manifold += sum(1 for e in bm.edges if not e.is_manifold)
        bm.free()
    if verts == 0:
        lo = hi = [0.0, 0.0, 0.0]
    lo = [round(x, 6) for x in lo]
    hi = [round(x, 6) for x in hi]
    return {
        "bbox": {"min": lo, "max": hi},
        "size": {"w": round(hi[0] - lo[0], 6), "d": round(hi[1] - lo[1], 6), "h": round(hi[2] - lo[2], 6)},
        "vertices": verts,
        "triangles": tris,
        "parts": sorted(parts),
        "materials": len(materials),
        "nonManifoldEdges": non_manifold,
    }


def world_bbox(objects):
    """World-space bbox ``{min, max}`` of the evaluated geometry of ``objects`` (m)."""
    return geometry_stats(objects)["bbox"]

