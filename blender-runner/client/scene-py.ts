/**
 * The `scene.py` export: one script that rebuilds the room, every object (with its PARAMS overrides
 * and placement) and the lights in a new scene when run in desktop Blender 3.4+ (Scripting > Run Script,
 * or `blender --python scene.py`). Objects are named by id and grouped as assemble_scene groups them.
 */
import type { Light } from "../../lib/scene/schema";
import type { AssembleObject, MaterialTexture } from "./types";

/** Python string literal for any text (JSON string escapes are valid Python escapes). */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** Python literal for a JSON-like value (dict/list/number/string/bool/None). */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`);
    return `{${entries.join(", ")}}`;
  }
  return "None";
}

const HELPERS = `import ast
import base64
import math
import os
import random

import bmesh
import bpy
import mathutils

SOCKET_ALIASES = {
    "Emission Color": "Emission", "Emission": "Emission Color",
    "Specular IOR Level": "Specular", "Specular": "Specular IOR Level",
    "Subsurface Weight": "Subsurface", "Subsurface": "Subsurface Weight",
    "Coat Weight": "Clearcoat", "Clearcoat": "Coat Weight",
    "Coat Roughness": "Clearcoat Roughness", "Clearcoat Roughness": "Coat Roughness",
    "Coat Normal": "Clearcoat Normal", "Clearcoat Normal": "Coat Normal",
    "Transmission Weight": "Transmission", "Transmission": "Transmission Weight",
    "Sheen Weight": "Sheen", "Sheen": "Sheen Weight",
}
GEOMETRY = {"MESH", "CURVE", "SURFACE", "META", "FONT", "CURVES", "POINTCLOUD", "VOLUME"}


def roomcode_socket(sockets, key):
    """sockets[key], falling back to the other Blender generation's Principled BSDF socket name."""
    if isinstance(key, str) and key not in sockets and SOCKET_ALIASES.get(key) in sockets:
        return sockets[SOCKET_ALIASES[key]]
    return sockets[key]


class _Sockets(ast.NodeTransformer):
    def visit_Subscript(self, node):
        self.generic_visit(node)
        if (isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Attribute)
                and node.value.attr in ("inputs", "outputs") and not isinstance(node.slice, ast.Slice)):
            return ast.copy_location(ast.Call(func=ast.Name(id="roomcode_socket", ctx=ast.Load()),
                                              args=[node.value, node.slice], keywords=[]), node)
        return node


def new_collection(name, parent):
    """A collection named name under parent."""
    coll = bpy.data.collections.new(name)
    parent.children.link(coll)
    return coll


def hex_to_linear(hex_color):
    """sRGB hex -> linear RGB (IEC 61966-2-1)."""
    h = hex_color.lstrip("#")
    return tuple((c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
                 for c in (int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4)))


def run_program(object_id, source, overrides, placement, collection):
    """Run one object program in a scratch scene (clearing it cannot touch other objects), move what it
    created into collection under an empty named object_id, and apply the placement."""
    window = bpy.context.window
    main_scene = bpy.context.scene
    scratch = bpy.data.scenes.new("roomcode_build")
    if window is not None:
        window.scene = scratch
    before = set(bpy.context.scene.objects)
    filename = "<object:%s>" % object_id
    tree = _Sockets().visit(ast.parse(source, filename))
    ast.fix_missing_locations(tree)
    ns = {"__name__": "roomcode_object", "bpy": bpy, "bmesh": bmesh, "math": math, "mathutils": mathutils,
          "random": random, "roomcode_socket": roomcode_socket}
    try:
        exec(compile(tree, filename, "exec"), ns)
        if callable(ns.get("build")):
            params = dict(ns.get("PARAMS") or {})
            params.update(overrides)
            ns["build"](params)
        bpy.context.view_layer.update()
        new = [o for o in bpy.context.scene.objects if o not in before]
        for o in list(new):
            if o.type in ("CAMERA", "LIGHT"):
                new.remove(o)
                bpy.data.objects.remove(o, do_unlink=True)
        for o in new:
            for c in list(o.users_collection):
                c.objects.unlink(o)
            collection.objects.link(o)
    finally:
        if window is not None:
            window.scene = main_scene
        for o in list(scratch.objects):
            bpy.data.objects.remove(o, do_unlink=True)
        bpy.data.scenes.remove(scratch)
    root = bpy.data.objects.new(object_id, None)
    collection.objects.link(root)
    root["roomcode_id"] = object_id
    root["parts"] = sorted(o.name for o in new if o.type in GEOMETRY)
    for o in new:
        if o.parent is None or o.parent not in new:
            mw = o.matrix_world.copy()
            o.parent = root
            o.matrix_parent_inverse.identity()
            o.matrix_world = mw
    if placement is not None:
        root.location = (placement["x"], placement["y"], placement["z"])
        root.rotation_euler = (0.0, 0.0, math.radians(placement["yawDeg"]))
    return root
`;

const TEXTURE_HELPERS = `def texture_dir():
    """Folder the textures are written to: beside this script, or Blender's temp folder when run from a text block."""
    here = globals().get("__file__")
    folder = os.path.dirname(os.path.abspath(here)) if here and os.path.isfile(here) else bpy.app.tempdir
    return folder or "."


def apply_textures(root, textures):
    """Write each texture's PNG beside this script, load and pack it, and put it as base colour on the parts under
    root whose material name starts with its material: repeated every tileM meters in plan, or with fit stretched
    once over those parts' plan extent (UVs from x/y in root's frame)."""
    bpy.context.view_layer.update()
    inv = root.matrix_world.inverted()
    objects = list(root.children_recursive)
    for tex in textures:
        prefix = tex["material"]
        parts = [o for o in objects if o.type == "MESH" and any(
            s.material is not None and s.material.name.split(".")[0] == prefix for s in o.material_slots)]
        if not parts:
            continue
        path = os.path.join(texture_dir(), "%s_texture.png" % tex.get("name", prefix))
        with open(path, "wb") as fh:
            fh.write(base64.b64decode(tex["png"]))
        img = bpy.data.images.load(path, check_existing=False)
        img.name = "%s_texture" % prefix
        img.pack()
        tile = max(0.05, float(tex["tileM"]))
        pts = [inv @ o.matrix_world @ v.co for o in parts for v in o.data.vertices]
        x0, y0 = min(p.x for p in pts), min(p.y for p in pts)
        x1, y1 = max(p.x for p in pts), max(p.y for p in pts)
        done = set()
        for o in parts:
            uv = o.data.uv_layers.get("UVMap") or o.data.uv_layers.new(name="UVMap")
            m = inv @ o.matrix_world
            for loop in o.data.loops:
                co = m @ o.data.vertices[loop.vertex_index].co
                if tex.get("fit"):
                    uv.data[loop.index].uv = ((co.x - x0) / max(1e-6, x1 - x0), (co.y - y0) / max(1e-6, y1 - y0))
                else:
                    uv.data[loop.index].uv = (co.x / tile, co.y / tile)
            for slot in o.material_slots:
                mat = slot.material
                if mat is None or mat.name in done or mat.name.split(".")[0] != prefix or not mat.use_nodes:
                    continue
                done.add(mat.name)
                bsdf = next((n for n in mat.node_tree.nodes if n.type == "BSDF_PRINCIPLED"), None)
                if bsdf is None:
                    continue
                node = mat.node_tree.nodes.new("ShaderNodeTexImage")
                node.image = img
                node.extension = "EXTEND" if tex.get("fit") else "REPEAT"
                uvn = mat.node_tree.nodes.new("ShaderNodeUVMap")
                uvn.uv_map = "UVMap"
                mat.node_tree.links.new(uvn.outputs["UV"], node.inputs["Vector"])
                mat.node_tree.links.new(node.outputs["Color"], bsdf.inputs["Base Color"])
                if tex.get("roughness") is not None:
                    bsdf.inputs["Roughness"].default_value = float(tex["roughness"])
`;

const MAIN = `def main():
    """Build the whole scene in a new Blender scene named Roomcode."""
    scene = bpy.data.scenes.new("Roomcode")
    if bpy.context.window is not None:
        bpy.context.window.scene = scene
    room_coll = new_collection("Room", scene.collection)
    objects_coll = new_collection("Objects", scene.collection)
    lights_coll = new_collection("Lights", scene.collection)
    if ROOM_SOURCE is not None:
        room = run_program("room", ROOM_SOURCE, ROOM_OVERRIDES, None, room_coll)
        apply_textures(room, ROOM_TEXTURES)
    roots = {}
    for item in OBJECTS:
        coll = new_collection(item["id"], objects_coll)
        roots[item["id"]] = run_program(item["id"], item["source"], item["overrides"], item["placement"], coll)
        apply_textures(roots[item["id"]], item.get("textures", []))
    kinds = {"point": "POINT", "area": "AREA", "sun": "SUN", "spot": "SPOT"}
    for i, light in enumerate(LIGHTS):
        data = bpy.data.lights.new("light_%d" % (i + 1), kinds[light["kind"]])
        data.color = hex_to_linear(light["color"])
        data.energy = light["power"]
        obj = bpy.data.objects.new("light_%d" % (i + 1), data)
        lights_coll.objects.link(obj)
        root = roots.get(light.get("object"))
        if root is not None:
            # A lamp's light is its child: moving or turning the lamp carries the light.
            obj.parent = root
            obj.location = light["local"]
        else:
            obj.location = light["position"]
    bpy.context.view_layer.update()


if __name__ == "__main__":
    main()
`;

/** Build the runnable `scene.py` for a scene (hidden objects are left out, as assemble_scene does); the room's textures ride along as base64 PNGs and are written beside the script when it runs. */
export function buildScenePy(input: { roomSource: string | null; objects: AssembleObject[]; lights: Light[]; roomOverrides?: Record<string, unknown>; textures?: MaterialTexture[] }): string {
  const objects = input.objects.filter((o) => !o.hidden);
  const lines: string[] = [];
  lines.push('"""Roomcode scene: rebuilds the room, its objects and lights in a new scene named Roomcode.');
  lines.push("");
  lines.push("Run it in Blender 3.4+ (Scripting workspace > Run Script, or blender --python scene.py).");
  lines.push("Each object keeps its own program below; PARAMS overrides and placements (m, degrees) are applied here.");
  lines.push('"""');
  lines.push(HELPERS);
  lines.push("");
  lines.push(`ROOM_SOURCE = ${input.roomSource === null ? "None" : pyString(input.roomSource)}`);
  lines.push(`ROOM_OVERRIDES = ${pyLiteral(input.roomOverrides ?? {})}`);
  // Image textures (the floor from the picture) as base64 PNGs, written beside this script when it runs.
  lines.push(`ROOM_TEXTURES = ${pyLiteral((input.textures ?? []).map((t) => ({ material: t.material, tileM: t.tileM, roughness: t.roughness ?? null, png: t.png })))}`);
  lines.push("");
  lines.push("OBJECTS = []");
  for (const o of objects) {
    lines.push("");
    lines.push(`# ${o.objectId} (${o.category})`);
    lines.push("OBJECTS.append({");
    lines.push(`    "id": ${pyString(o.objectId)},`);
    lines.push(`    "placement": ${pyLiteral({ x: o.placement.x, y: o.placement.y, z: o.placement.z, yawDeg: o.placement.yawDeg })},`);
    lines.push(`    "overrides": ${pyLiteral(o.overrides ?? {})},`);
    lines.push(`    "source": ${pyString(o.source)},`);
    if (o.textures?.length) lines.push(`    "textures": ${pyLiteral(o.textures.map((t) => ({ material: t.material, name: o.objectId, tileM: t.tileM, fit: t.fit ?? false, roughness: t.roughness ?? null, png: t.png })))},`);
    lines.push("})");
  }
  lines.push("");
  const shown = new Set(objects.map((o) => o.objectId));
  const lights = input.lights.map((l) => ({
    kind: l.kind,
    position: l.position,
    color: l.color,
    power: l.power,
    ...(l.objectId && l.local && shown.has(l.objectId) ? { object: l.objectId, local: l.local } : {}),
  }));
  lines.push(`LIGHTS = ${pyLiteral(lights)}`);
  lines.push("");
  lines.push("");
  lines.push(TEXTURE_HELPERS);
  lines.push("");
  lines.push(MAIN);
  return lines.join("\n");
}
