"""Label classes of the top-down model: structural classes per pixel and furniture classes per object.

Keep in step with server/images/model/classes.ts (the same lists in the same order).
"""

# Per-pixel structure classes (semantic head).
STRUCT = ["outside", "floor", "wall", "door", "window"]

# Furniture classes (detection head) and the library families that render as each.
DET = [
    ("bed", ["bed", "bunk_bed", "crib"]),
    ("nightstand", ["nightstand"]),
    ("sofa", ["sofa"]),
    ("armchair", ["armchair", "bean_bag"]),
    ("chair", ["chair", "office_chair", "bar_stool", "stool"]),
    ("dining_table", ["dining_table"]),
    ("coffee_table", ["coffee_table"]),
    ("side_table", ["side_table", "console_table"]),
    ("desk", ["desk"]),
    ("wardrobe", ["wardrobe"]),
    ("dresser", ["dresser", "sideboard", "cabinet", "wine_cabinet"]),
    ("tv_stand", ["tv_stand"]),
    ("bookshelf", ["bookshelf", "shelf"]),
    ("rug", ["rug"]),
    ("potted_plant", ["potted_plant"]),
    ("bench", ["bench", "ottoman"]),
    ("toilet", ["toilet"]),
    ("bathtub", ["bathtub", "shower"]),
    ("sink", ["sink", "vanity"]),
    ("kitchen_counter", ["kitchen_counter", "kitchen_island", "stove", "fridge", "washing_machine"]),
    ("floor_lamp", ["floor_lamp"]),
]
DET_NAMES = [name for name, _ in DET]
FAMILY_CLASS = {fam: k for k, (_, fams) in enumerate(DET) for fam in fams}

# Styles of rendered rooms.
STYLES = ["ortho", "persp", "crop", "iso", "plan", "sketch"]
