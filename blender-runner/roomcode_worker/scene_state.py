"""Fast reset of the Blender session between jobs, and scene helpers (collections, colors)."""
import bpy

_DATA_COLLECTIONS = (
    "objects", "meshes", "materials", "images", "node_groups", "collections", "curves", "lights",
    "cameras", "textures", "fonts", "actions", "armatures", "lattices", "metaballs", "particles",
    "grease_pencils", "lightprobes", "speakers", "volumes", "pointclouds", "hair_curves",
    "palettes",
)


def reset_session():
    """Remove every object and data block a job may have created (instead of read_factory_settings).

    Keeps one scene with an empty scene collection, the cursor at the origin and object mode.
    """
    ctx = bpy.context
    obj = getattr(ctx, "object", None)
    if obj is not None and obj.mode != "OBJECT":
        try:
            bpy.ops.object.mode_set(mode="OBJECT")
        except RuntimeError:
            pass
    scenes = list(bpy.data.scenes)
    keep = ctx.window.scene if getattr(ctx, "window", None) is not None else scenes[0]
    for scene in scenes:
        if scene != keep:
            bpy.data.scenes.remove(scene)
    ids = []
    for name in _DATA_COLLECTIONS:
        coll = getattr(bpy.data, name, None)
        if coll is not None:
            ids.extend(coll)
    for world in list(bpy.data.worlds):
        if world.users == 0:
            ids.append(world)
    if ids:
        bpy.data.batch_remove(ids)
    bpy.data.orphans_purge(do_local_ids=True, do_linked_ids=True, do_recursive=True)
    scene = keep
    scene.cursor.location = (0.0, 0.0, 0.0)
    scene.cursor.rotation_euler = (0.0, 0.0, 0.0)
    scene.unit_settings.system = "METRIC"
    scene.unit_settings.scale_length = 1.0
    scene.frame_current = 1
    return scene


def new_collection(name, parent=None):
    """Create a collection named ``name`` linked under ``parent`` (default: the scene collection)."""
    coll = bpy.data.collections.new(name)
    (parent or bpy.context.scene.collection).children.link(coll)
    return coll


def move_to_collection(obj, coll):
    """Link ``obj`` only to ``coll``."""
    for c in list(obj.users_collection):
        c.objects.unlink(obj)
    coll.objects.link(obj)


def hex_to_linear(hex_color):
    """sRGB hex ``#rrggbb`` -> linear RGB tuple (IEC 61966-2-1 transfer function)."""
    h = hex_color.lstrip("#")
    out = []
    for i in (0, 2, 4):
        c = int(h[i:i + 2], 16) / 255.0
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return tuple(out)
