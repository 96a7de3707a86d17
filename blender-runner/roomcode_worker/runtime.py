"""Restricted execution of an object program: safe builtins, guarded imports, captured prints,
and errors mapped to ``{type, message, line, traceback}`` in the program's own lines."""
import builtins
import importlib
import linecache
import sys
import traceback
import types

from . import compat, policy

PRINT_CAP = 64 * 1024
"""Bytes of a program's prints kept per job; the rest is counted and dropped."""

_SAFE_NAMES = (
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "complex",
    "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset", "hash", "hex", "id",
    "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object",
    "oct", "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "slice", "sorted",
    "str", "sum", "super", "tuple", "type", "zip", "property", "staticmethod", "classmethod",
    "True", "False", "None", "NotImplemented", "Ellipsis",
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "Exception",
    "IndexError", "KeyError", "LookupError", "MemoryError", "NameError", "NotImplementedError",
    "OverflowError", "RecursionError", "RuntimeError", "StopIteration", "TypeError", "ValueError",
    "ZeroDivisionError", "ReferenceError", "UnboundLocalError", "SystemExit", "KeyboardInterrupt",
    "GeneratorExit", "StopAsyncIteration", "OSError", "EOFError", "FloatingPointError", "ImportError",
    "ModuleNotFoundError", "IndentationError", "SyntaxError", "TabError", "UnicodeError", "Warning",
    "UserWarning", "DeprecationWarning", "RuntimeWarning", "PermissionError", "FileNotFoundError",
    "TimeoutError", "BufferError",
)


class CappedWriter:
    """A text stream that keeps the first ``cap`` characters and counts the rest."""

    def __init__(self, cap=PRINT_CAP):
        self.cap = cap
        self.parts = []
        self.kept = 0
        self.dropped = 0

    def write(self, text):
        text = str(text)
        room = self.cap - self.kept
        if room > 0:
            piece = text[:room]
            self.parts.append(piece)
            self.kept += len(piece)
            self.dropped += len(text) - len(piece)
        else:
            self.dropped += len(text)
        return len(text)

    def flush(self):
        """No-op (stream protocol)."""

    def isatty(self):
        """Never a terminal."""
        return False

    def value(self):
        """Kept text plus a note of what was dropped."""
        out = "".join(self.parts)
        if self.dropped:
            out += "\n[... %d more characters of output dropped]" % self.dropped
        return out


_VIEWS = {}


def _helper_view(name):
    """A fresh module object holding only ``policy.HELPER_EXPORTS[name]`` (and its listed submodules)."""
    view = _VIEWS.get(name)
    if view is None:
        real = importlib.import_module(name)
        view = types.ModuleType(name)
        for attr in policy.HELPER_EXPORTS[name]:
            if hasattr(real, attr):
                setattr(view, attr, getattr(real, attr))
        for sub in policy.HELPER_EXPORTS:
            if sub.startswith(name + ".") and "." not in sub[len(name) + 1:]:
                setattr(view, sub[len(name) + 1:], _helper_view(sub))
        _VIEWS[name] = view
    return view


def _guarded_import(name, globals_=None, locals_=None, fromlist=(), level=0):
    if level or name.split(".")[0] not in policy.ALLOWED_IMPORTS:
        raise ImportError("import of '%s' is not allowed" % name)
    top = name.split(".")[0]
    if top in policy.HELPER_EXPORTS:
        if name not in policy.HELPER_EXPORTS:
            raise ImportError("import of '%s' is not allowed" % name)
        view = _helper_view(name if fromlist else top)
        for attr in fromlist or ():
            if not hasattr(view, attr):
                raise ImportError("'%s' of '%s' is not available to object programs (available: %s)"
                                  % (attr, name, ", ".join(policy.HELPER_EXPORTS[name])))
        return view
    return builtins.__import__(name, globals_, locals_, fromlist, level)


def _safe_getattr(obj, name, *default):
    if not isinstance(name, str) or name.startswith("_") or name in policy.DENIED_ATTRS:
        raise AttributeError("access to '%s' is not allowed" % name)
    return getattr(obj, name, *default)


def _safe_setattr(obj, name, value):
    if not isinstance(name, str) or name.startswith("_") or name in policy.DENIED_ATTRS:
        raise AttributeError("access to '%s' is not allowed" % name)
    return setattr(obj, name, value)


def _safe_hasattr(obj, name):
    if not isinstance(name, str) or name.startswith("_"):
        return False
    return hasattr(obj, name)


def safe_builtins():
    """The builtins dict a program runs with (no open/eval/exec/compile/__import__ escapes)."""
    b = {n: getattr(builtins, n) for n in _SAFE_NAMES if hasattr(builtins, n)}
    b["__import__"] = _guarded_import
    b["getattr"] = _safe_getattr
    b["setattr"] = _safe_setattr
    b["hasattr"] = _safe_hasattr
    b["__build_class__"] = builtins.__build_class__
    return b


def program_namespace(name, restricted=True):
    """Globals for a program: builtins, auto-available math/mathutils/bmesh/random/bpy, socket helper."""
    import bmesh
    import bpy
    import math
    import mathutils
    import random
    ns = {
        "__name__": name,
        "__builtins__": safe_builtins() if restricted else builtins.__dict__,
        "bpy": bpy, "bmesh": bmesh, "math": math, "mathutils": mathutils, "random": random,
        "Vector": mathutils.Vector, "Matrix": mathutils.Matrix, "Euler": mathutils.Euler,
        "radians": math.radians, "pi": math.pi,
        compat.SOCKET_HELPER: compat.socket_lookup,
    }
    return ns


_COMPILED = {}
_COMPILED_MAX = 64


def compile_program(source, filename, restricted=True):
    """Policy-check (when restricted), rewrite sockets and compile. Returns (code, tree).

    Successful compilations are cached by (source, filename, restricted): the same program is often
    rebuilt with other PARAMS overrides. Raises SyntaxError or policy.PolicyViolation.
    """
    key = (source, filename, restricted)
    hit = _COMPILED.get(key)
    if hit is not None:
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        return hit
    result = _compile_uncached(source, filename, restricted)
    if len(_COMPILED) >= _COMPILED_MAX:
        _COMPILED.pop(next(iter(_COMPILED)))
    _COMPILED[key] = result
    return result


def _compile_uncached(source, filename, restricted):
    if restricted:
        tree = policy.check_source(source, filename)
    else:
        tree = compile(source, filename, "exec", 0x400, dont_inherit=True)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = compat.rewrite_sockets(tree)
    return compile(tree, filename, "exec", dont_inherit=True), tree


class Capture:
    """Context manager redirecting sys.stdout/sys.stderr into one CappedWriter."""

    def __init__(self, writer):
        self.writer = writer

    def __enter__(self):
        self.saved = (sys.stdout, sys.stderr)
        sys.stdout = sys.stderr = self.writer
        return self.writer

    def __exit__(self, *exc):
        sys.stdout, sys.stderr = self.saved
        return False


def error_from_exception(exc, filename):
    """Map an exception to ``{type, message, line, traceback}`` with the line in ``filename``."""
    if isinstance(exc, policy.PolicyViolation):
        line = exc.line
        if line is None:
            for frame in traceback.extract_tb(exc.__traceback__):
                if frame.filename == filename:
                    line = frame.lineno
        return {"type": "PolicyError", "message": exc.message, "line": line,
                "traceback": "", "rule": exc.rule}
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        text = "".join(traceback.format_exception_only(type(exc), exc))
        return {"type": type(exc).__name__, "message": "%s (line %s)" % (exc.msg, exc.lineno),
                "line": exc.lineno, "traceback": text}
    tb = traceback.extract_tb(exc.__traceback__)
    line = None
    for frame in tb:
        if frame.filename == filename:
            line = frame.lineno
    frames = [f for f in tb if f.filename == filename or not f.filename.endswith(("runtime.py", "jobs.py"))]
    text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
    text += "".join(traceback.format_exception_only(type(exc), exc))
    message = str(exc) or type(exc).__name__
    if len(message) > 2000:
        message = message[:2000] + "..."
    return {"type": type(exc).__name__, "message": message, "line": line, "traceback": text[-8000:]}
