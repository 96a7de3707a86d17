"""Static policy for object programs (Python ``ast``).

Rejects imports outside the allowed modules, access to private or dunder attributes, dangerous
builtins (eval/exec/compile/open/__import__/...), file and script operators (``bpy.ops.wm.*``,
``bpy.ops.script.*``, ...), ``bpy.utils.execfile``, ``bpy.app.handlers``, ``bpy.data.libraries.load``
and similar escapes. Every violation names its rule and 1-based line.
"""
import ast

ALLOWED_IMPORTS = frozenset({
    "bpy", "bmesh", "mathutils", "math", "random",
    "colorsys", "itertools", "functools", "collections", "typing", "copy",
})
"""Top-level modules a program may import (the program contract plus harmless pure helpers)."""

HELPER_EXPORTS = {
    "colorsys": ("rgb_to_yiq", "yiq_to_rgb", "rgb_to_hls", "hls_to_rgb", "rgb_to_hsv", "hsv_to_rgb"),
    "itertools": ("accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count",
                  "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations", "product",
                  "repeat", "starmap", "takewhile", "tee", "zip_longest"),
    "functools": ("cache", "cached_property", "cmp_to_key", "lru_cache", "partial", "reduce", "total_ordering",
                  "wraps"),
    "collections": ("ChainMap", "Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"),
    "collections.abc": ("Callable", "Iterable", "Iterator", "Mapping", "MutableMapping", "MutableSequence",
                        "Sequence", "Set"),
    "typing": ("Any", "Callable", "Dict", "FrozenSet", "Iterable", "Iterator", "List", "Mapping", "NamedTuple",
               "Optional", "Sequence", "Set", "Tuple", "Union"),
    "copy": ("copy", "deepcopy"),
}
"""What a program sees of each helper module: plain functions and types only. The modules themselves reach
further (``typing.operator``, ``typing.sys``, ``typing.get_type_hints`` evaluates strings), so a program gets a
fresh module object holding just these names."""

DENIED_NAMES = frozenset({
    "eval", "exec", "compile", "open", "__import__", "globals", "locals", "vars",
    "breakpoint", "input", "memoryview", "help", "exit", "quit", "__builtins__",
    "__loader__", "__spec__", "delattr",
})
"""Builtins a program may not name at all."""

DENIED_ATTRS = frozenset({
    "os", "sys", "subprocess", "shutil", "socket", "ctypes", "importlib", "builtins", "io",
    "pathlib", "posix", "marshal", "pickle", "handlers", "timers", "msgbus", "driver_namespace",
    "execfile", "as_module", "libraries", "preferences", "user_resource", "script_path_user",
    "register_class", "unregister_class", "register_module", "load_scripts", "keyconfigs",
    "modules_from_path", "refresh_script_paths", "script_paths", "load", "reload", "filepath",
    "driver_add", "save_render", "save_as", "filepath_raw", "addon_utils",
    "f_globals", "f_locals", "f_back", "gi_frame", "cr_frame", "tb_frame",
})
"""Attribute names that reach the OS, Python internals or persistent Blender state."""

DENIED_OPS = frozenset({
    "wm", "script", "preferences", "file", "text", "console", "screen", "render", "sound",
    "import_scene", "export_scene", "import_mesh", "export_mesh", "import_curve", "image",
    "ui", "buttons", "info", "outliner", "sequencer", "clip", "wm_operators", "cachefile",
    "workspace", "pose_library", "asset", "extensions",
})
"""``bpy.ops.<module>`` groups a program may not call (file IO, scripts, preferences, UI, quit)."""

GUARDED_BUILTINS = frozenset({"getattr", "setattr", "hasattr"})


class PolicyViolation(Exception):
    """A program broke a policy rule; carries ``rule`` and ``line``."""

    def __init__(self, rule, message, line):
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line


def _attr_chain(node):
    """Return the dotted name of an attribute chain (``bpy.ops.wm.quit``), or None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class _Checker(ast.NodeVisitor):
    """Walks the tree and raises PolicyViolation at the first broken rule."""

    def fail(self, rule, message, node):
        raise PolicyViolation(rule, message, getattr(node, "lineno", None))

    def visit_Import(self, node):
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top not in ALLOWED_IMPORTS:
                self.fail("import", "import of '%s' is not allowed (allowed: %s)"
                          % (alias.name, ", ".join(sorted(ALLOWED_IMPORTS))), node)
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        top = (node.module or "").split(".")[0]
        if node.level or top not in ALLOWED_IMPORTS:
            self.fail("import", "import from '%s' is not allowed (allowed: %s)"
                      % (node.module or "." * node.level, ", ".join(sorted(ALLOWED_IMPORTS))), node)
        for alias in node.names:
            if alias.name.startswith("_") or alias.name in DENIED_ATTRS or alias.name == "*":
                self.fail("import", "importing '%s' from '%s' is not allowed" % (alias.name, node.module), node)
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in DENIED_NAMES:
            self.fail("builtin", "use of '%s' is not allowed" % node.id, node)
        if node.id.startswith("__") and node.id.endswith("__") and node.id not in ("__name__", "__doc__"):
            self.fail("dunder", "access to '%s' is not allowed" % node.id, node)
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr.startswith("_"):
            self.fail("private_attribute",
                      "access to private or dunder attribute '.%s' is not allowed" % node.attr, node)
        if node.attr in DENIED_ATTRS:
            self.fail("attribute", "access to '.%s' is not allowed" % node.attr, node)
        chain = _attr_chain(node)
        if chain:
            parts = chain.split(".")
            if len(parts) >= 3 and parts[0] == "bpy" and parts[1] == "ops" and parts[2] in DENIED_OPS:
                self.fail("operator", "operator group 'bpy.ops.%s' is not allowed (file, script and UI operators)"
                          % parts[2], node)
            if chain.startswith("bpy.data.libraries"):
                self.fail("attribute", "bpy.data.libraries is not allowed", node)
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id in GUARDED_BUILTINS:
            literal = len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
            if not literal or not isinstance(node.args[1].value, str):
                self.fail("builtin", "%s() needs a literal attribute name" % node.func.id, node)
            name = node.args[1].value
            if name.startswith("_") or name in DENIED_ATTRS:
                self.fail("private_attribute", "%s() of '%s' is not allowed" % (node.func.id, name), node)
        self.generic_visit(node)

    def visit_Constant(self, node):
        text = node.value
        if isinstance(text, str) and text.startswith("__") and text.endswith("__") \
                and node.value not in ("__main__",):
            self.fail("dunder", "dunder string '%s' is not allowed" % node.value, node)
        self.generic_visit(node)


def check_source(source, filename):
    """Parse and check ``source``; returns the ``ast.Module``.

    Raises SyntaxError (from ``compile``) or PolicyViolation.
    """
    tree = compile(source, filename, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    _Checker().visit(tree)
    return tree


def literal_params(tree):
    """Return the literal ``PARAMS = {...}`` dict of a module tree, or None when absent or not literal."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "PARAMS" for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, SyntaxError, TypeError):
                return None
            return value if isinstance(value, dict) else None
    return None


def defines_build(tree):
    """True when the module defines a top-level ``build`` function."""
    return any(isinstance(n, ast.FunctionDef) and n.name == "build" for n in tree.body)
