"""Image textures on built parts (trusted worker code; object programs cannot load files).

A job may carry ``textures``: ``[{material, png (base64 PNG bytes), tileM, roughness?}]``. Every part whose
material name starts with ``material`` (``floor``, ``floor.001``) gets the image as its base colour, repeated every
``tileM`` meters in plan through a UV map made from the part's own x/y, and the image is packed so that a saved
.blend carries it; the glTF exporter writes it into the GLB as the material's baseColorTexture.
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


def _uv_from_plan(obj, tile_m):
    """A UV map named ``UVMap`` with u = x / tile_m, v = y / tile_m over the object's world x/y (m)."""
    mesh = obj.data
    uv = mesh.uv_layers.get("UVMap") or mesh.uv_layers.new(name="UVMap")
    mw = obj.matrix_world
    for loop in mesh.loops:
        co = mw @ mesh.vertices[loop.vertex_index].co
        uv.data[loop.index].uv = (co.x / tile_m, co.y / tile_m)


def _texture_material(mat, img, tex):
    """Image Texture -> Base Color of the material's Principled BSDF (roughness from the texture record when given)."""
    nodes = mat.node_tree.nodes
    bsdf = next((n for n in nodes if n.type == "BSDF_PRINCIPLED"), None)
    if bsdf is None:
        return
    node = nodes.new("ShaderNodeTexImage")
    node.image = img
    node.extension = "REPEAT"
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
        seen = set()
        for o in parts:
            _uv_from_plan(o, tile)
            for s in o.material_slots:
                m = s.material
                if m is not None and m.name.split(".")[0] == prefix and m.name not in seen and m.use_nodes:
                    seen.add(m.name)
                    _texture_material(m, img, tex)
            done += 1
    return done
