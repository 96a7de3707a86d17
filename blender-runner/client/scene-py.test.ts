import { describe, expect, it } from "vitest";
import { buildScenePy, pyLiteral, pyString } from "./scene-py";

describe("scene.py generation", () => {
  it("writes Python literals", () => {
    expect(pyLiteral({ a: true, b: null, c: [1, 2.5, "x"], d: false })).toBe('{"a": True, "b": None, "c": [1, 2.5, "x"], "d": False}');
    expect(pyString('say "hi"\n\\')).toBe('"say \\"hi\\"\\n\\\\"');
  });

  it("embeds every visible program with its placement and overrides, and the lights", () => {
    const src = 'import bpy\nPARAMS = {"width": 1}\n\ndef build(p):\n    """Doc with \'quotes\' and \\\\n."""\n    pass\n';
    const py = buildScenePy({
      roomSource: "import bpy\n",
      objects: [
        { objectId: "bed-1", category: "bed", source: src, overrides: { width: 2 }, placement: { x: 1, y: -0.5, z: 0, yawDeg: 90 } },
        { objectId: "lamp-1", category: "lamp", source: src, placement: { x: 0, y: 0, z: 0, yawDeg: 0 }, hidden: true },
      ],
      lights: [{ kind: "point", position: [0, 0, 2.4], color: "#ffffff", power: 200 }],
    });
    expect(py).toContain('"id": "bed-1"');
    expect(py).toContain('"placement": {"x": 1, "y": -0.5, "z": 0, "yawDeg": 90}');
    expect(py).toContain('"overrides": {"width": 2}');
    expect(py).toContain(`"source": ${JSON.stringify(src)}`);
    expect(py).not.toContain("lamp-1");
    expect(py).toContain('LIGHTS = [{"kind": "point", "position": [0, 0, 2.4], "color": "#ffffff", "power": 200}]');
    expect(py).toContain('ROOM_SOURCE = "import bpy\\n"');
    expect(py.trimEnd().endsWith("main()")).toBe(true);
  });

  it("carries the room's textures as base64 PNGs and puts them on the room after it is built", () => {
    const py = buildScenePy({ roomSource: "import bpy\n", objects: [], lights: [], textures: [{ material: "floor", png: "iVBORw0KGgo=", tileM: 1.5, roughness: 0.4 }] });
    expect(py).toContain('ROOM_TEXTURES = [{"material": "floor", "tileM": 1.5, "roughness": 0.4, "png": "iVBORw0KGgo="}]');
    expect(py).toContain("apply_textures(room, ROOM_TEXTURES)");
    expect(buildScenePy({ roomSource: null, objects: [], lights: [] })).toContain("ROOM_TEXTURES = []");
  });

  it("writes None for a scene without a room program", () => {
    expect(buildScenePy({ roomSource: null, objects: [], lights: [] })).toContain("ROOM_SOURCE = None");
  });
});

describe("scene.py socket aliases", () => {
  it("carry every Principled BSDF alias the worker's compatibility layer maps", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const compat = readFileSync(path.resolve(__dirname, "../roomcode_worker/compat.py"), "utf8");
    const table = /SOCKET_ALIASES = \{([\s\S]*?)\n\}/.exec(compat)?.[1] ?? "";
    const pairs = [...table.matchAll(/"([^"]+)": "([^"]+)"/g)].filter((m) => m[1] !== m[2]);
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    const py = buildScenePy({ roomSource: null, objects: [], lights: [] });
    for (const [, from, to] of pairs) expect(py).toContain(`"${from}": "${to}"`);
  });
});
