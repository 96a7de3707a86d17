/** Object programs shared by the runner's integration tests and benchmarks. */

/** A valid 10-part object program (table top, apron, 4 legs, shelf, 3 drawers' fronts) in the DESIGN.md section 4 contract. */
export const TEN_PART_PROGRAM = `"""Test desk: ten parts, one Principled BSDF material per finish."""
import bpy

PARAMS = {"width": 1.2, "depth": 0.6, "height": 0.75, "color": "#8a5a33", "legs": 4}


def material(name, rgba, roughness):
    """Principled BSDF material."""
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    bsdf = mat.node_tree.nodes["Principled BSDF"]
    bsdf.inputs["Base Color"].default_value = rgba
    bsdf.inputs["Roughness"].default_value = roughness
    return mat


def box(name, size, location, mat):
    """A named box part."""
    bpy.ops.mesh.primitive_cube_add(size=1, location=location)
    obj = bpy.context.object
    obj.name = name
    obj.scale = size
    obj.data.materials.append(mat)
    return obj


def build(p):
    """Build the desk in its local frame (origin at the footprint center, z up)."""
    wood = material("wood", (0.5, 0.3, 0.2, 1.0), 0.6)
    metal = material("metal", (0.8, 0.8, 0.8, 1.0), 0.3)
    w, d, h = p["width"], p["depth"], p["height"]
    parts = [box("top", (w, d, 0.04), (0, 0, h - 0.02), wood)]
    parts.append(box("apron", (w - 0.1, 0.02, 0.1), (0, d / 2 - 0.06, h - 0.09), wood))
    for i, (sx, sy) in enumerate([(1, 1), (1, -1), (-1, 1), (-1, -1)][: p["legs"]]):
        parts.append(box("leg_%d" % (i + 1), (0.04, 0.04, h - 0.04), (sx * (w / 2 - 0.04), sy * (d / 2 - 0.04), (h - 0.04) / 2), metal))
    parts.append(box("shelf", (w - 0.12, d - 0.12, 0.02), (0, 0, 0.15), wood))
    for i in range(3):
        parts.append(box("drawer_%d" % (i + 1), (0.3, 0.02, 0.12), (-w / 4 + i * 0.01, -d / 2 + 0.01, h - 0.2 - i * 0.14), wood))
    return parts


if __name__ == "__main__":
    build(PARAMS)
`;

/** A one-cube program, the quickest valid job. */
export const CUBE_PROGRAM = `import bpy

PARAMS = {"width": 0.5, "depth": 0.5, "height": 0.5}


def build(p):
    bpy.ops.mesh.primitive_cube_add(size=1, location=(0, 0, p["height"] / 2))
    cube = bpy.context.object
    cube.name = "body"
    cube.scale = (p["width"], p["depth"], p["height"])
    return [cube]
`;
