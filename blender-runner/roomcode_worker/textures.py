"""Image textures on built parts (trusted worker code; object programs cannot load files).

A job may carry ``textures``: ``[{material, png (base64 PNG bytes), tileM, fit?, roughness?}]``. Every part whose
material name starts with ``material`` (``floor``, ``floor.001``) gets the image as its base colour, repeated every
``tileM`` meters in plan through a UV map made from the part's x/y (with ``fit``: stretched once over the matching
parts' plan extent, a rug's pattern), and the image is packed so that a saved .blend carries it; the glTF exporter
writes it into the GLB as the material's baseColorTexture. Coordinates are the parts' world x/y at the time of the
call, which is the object's own frame: textures are applied before the object is placed.
"""
import base64
import os

import bpy


def _image(tex, out_dir, index):
    """Write the PNG into the job's output folder, load it and pack it into the .blend data."""
    path = os.path.join(out_dir, "texture_%d_%s.png" % (index, tex["material"]))
    with open(path, "wb") as fh:
        fh.write(base64.b64decode(tex["png"]))
    img = bpy.data.images.load(path, check_existing=False)
    img.name = "%s_texture" % tex["material"]
    img.pack()
    return img


def _uv_from_plan(obj, tile_m, extent=None):
    """A UV map named ``UVMap`` from the object's world x/y (m): u = x / tile_m, v = y / tile_m, or with
    ``extent`` = (x0, y0, x1, y1) the extent mapped onto [0, 1] x [0, 1]."""
    mesh = obj.data
    uv = mesh.uv_layers.get("UVMap") or mesh.uv_layers.new(name="UVMap")
    mw = obj.matrix_world
    for loop in mesh.loops:
        co = mw @ mesh.vertices[loop.vertex_index].co
        if extent is None:
            uv.data[loop.index].uv = (co.x / tile_m, co.y / tile_m)
        else:
            x0, y0, x1, y1 = extent
            uv.data[loop.index].uv = ((co.x - x0) / max(1e-6, x1 - x0), (co.y - y0) / max(1e-6, y1 - y0))


def _plan_extent(parts):
    """World x/y extent (x0, y0, x1, y1) of the parts' vertices (m)."""
    xs = []
    ys = []
    for o in parts:
        mw = o.matrix_world
        for v in o.data.vertices:
            co = mw @ v.co
            xs.append(co.x)
            ys.append(co.y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _texture_material(mat, img, tex):
    """Image Texture -> Base Color of the material's Principled BSDF (roughness from the texture record when given)."""
    nodes = mat.node_tree.nodes
    bsdf = next((n for n in nodes if n.type == "BSDF_PRINCIPLED"), None)
    if bsdf is None:
        return
    node = nodes.new("ShaderNodeTexImage")
    node.image = img
    node.extension = "EXTEND" if tex.get("fit") else "REPEAT"
    uvn = nodes.new("ShaderNodeUVMap")
    uvn.uv_map = "UVMap"
    mat.node_tree.links.new(uvn.outputs["UV"], node.inputs["Vector"])
    mat.node_tree.links.new(node.outputs["Color"], bsdf.inputs["Base Color"])
    if tex.get("roughness") is not None:
        bsdf.inputs["Roughness"].default_value = float(tex["roughness"])


def apply(objects, textures, out_dir):
    """Put each texture of ``textures`` on the parts among ``objects`` whose material matches; returns the count textured."""
    done = 0
    for i, tex in enumerate(textures or []):
        prefix = str(tex["material"])
        parts = [o for o in objects if o.type == "MESH" and any(
            s.material is not None and s.material.name.split(".")[0] == prefix for s in o.material_slots)]
        if not parts:
            continue
        img = _image(tex, out_dir, i)
        tile = max(0.05, float(tex.get("tileM") or 1.0))
        extent = _plan_extent(parts) if tex.get("fit") else None
        seen = set()
        for o in parts:
            _uv_from_plan(o, tile, extent)
            for s in o.material_slots:
                m = s.material
                if m is not None and m.name.split(".")[0] == prefix and m.name not in seen and m.use_nodes:
                    seen.add(m.name)
                    _texture_material(m, img, tex)
            done += 1
    return done
