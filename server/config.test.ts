import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("config", () => {
  it("defaults to the offline engine, 2 workers and ./data", () => {
    const c = loadConfig({});
    expect(c.engine).toBe("offline");
    expect(c.workers).toBe(2);
    expect(c.dataDir.endsWith("/data")).toBe(true);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
  });

  it("puts the store on Postgres only with a postgres:// DATABASE_URL", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/roomcode" }).databaseUrl).toBe("postgres://u:p@db:5432/roomcode");
    expect(loadConfig({ DATABASE_URL: "postgresql://db/roomcode" }).databaseUrl).toBe("postgresql://db/roomcode");
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_URL: "mysql://db/roomcode" })).toThrow(/^config: DATABASE_URL: must be a postgres:\/\//);
  });

  it("switches to the openai engine when an endpoint or key is configured, unless told otherwise", () => {
    expect(loadConfig({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }).engine).toBe("openai");
    expect(loadConfig({ OPENAI_API_KEY: "sk-x" }).engine).toBe("openai");
    expect(loadConfig({ OPENAI_API_KEY: "sk-x", ROOMCODE_ENGINE: "offline" }).engine).toBe("offline");
  });

  it("rejects invalid values with a tagged message", () => {
    expect(() => loadConfig({ ROOMCODE_WORKERS: "0" })).toThrow(/^config: ROOMCODE_WORKERS/);
    expect(() => loadConfig({ ROOMCODE_ENGINE: "magic" })).toThrow(/^config: ROOMCODE_ENGINE/);
    expect(() => loadConfig({ OPENAI_BASE_URL: "not a url" })).toThrow(/^config: OPENAI_BASE_URL/);
  });
});
