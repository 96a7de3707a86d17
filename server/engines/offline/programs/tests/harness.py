"""Batch harness: builds object programs in one Blender process and prints measurements as JSON.

Usage: blender -b --factory-startup -noaudio --python-exit-code 1 --python harness.py -- jobs.json out.json
jobs.json holds [{"id": str, "source": str}]; out.json receives one result per job: bbox (min, max),
size, part names, material base colors (linear RGBA of each Principled BSDF) or an error with traceback.
"""
import json
import sys
import traceback

import bpy


def _reset():
    """Removes every object, mesh and material (an empty scene per job)."""
    for obj in list(bpy.data.objects):
        bpy.data.objects.remove(obj, do_unlink=True)
    for coll in (bpy.data.meshes, bpy.data.materials, bpy.data.curves):
        for block in list(coll):
            coll.remove(block)


def _measure(objs):
    """World-space bounding box of the mesh vertices, part names and Principled base colors."""
    lo = [float("inf")] * 3
    hi = [float("-inf")] * 3
    names, colors, verts = [], [], 0
    bpy.context.view_layer.update()
    for obj in bpy.data.objects:
        if obj.type != "MESH":
            continue
        names.append(obj.name)
        mw = obj.matrix_world
        for v in obj.data.vertices:
            co = mw @ v.co
            verts += 1
            for i in range(3):
                lo[i] = min(lo[i], co[i])
                hi[i] = max(hi[i], co[i])
    for mat in bpy.data.materials:
        if mat.use_nodes:
            for node in mat.node_tree.nodes:
                if node.type == "BSDF_PRINCIPLED":
                    colors.append([round(c, 4) for c in node.inputs["Base Color"].default_value])
    return {"min": lo, "max": hi, "size": [hi[i] - lo[i] for i in range(3)], "parts": names,
            "colors": colors, "vertices": verts, "returned": len(objs) if isinstance(objs, list) else -1}


def main():
    """Runs every job of the jobs file and writes the results file."""
    args = sys.argv[sys.argv.index("--") + 1:]
    jobs = json.load(open(args[0]))
    out = []
    for job in jobs:
        _reset()
        try:
            ns = {"__name__": "roomcode_program"}
            exec(compile(job["source"], job["id"] + ".py", "exec"), ns)
            built = ns["build"](ns["PARAMS"])
            res = _measure(built)
            res["id"] = job["id"]
            res["ok"] = True
        except Exception as exc:
            res = {"id": job["id"], "ok": False, "error": "%s: %s" % (type(exc).__name__, exc),
                   "traceback": traceback.format_exc()}
        out.append(res)
    with open(args[1], "w") as fh:
        json.dump(out, fh)


main()
