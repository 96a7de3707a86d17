import { describe, expect, it } from "vitest";
import { hostnameArg } from "./exposure";
import { isAllowedHostHeader, isLoopbackHost, securitySettings, unsafeToServe } from "./settings";

const TOKEN = "0123456789abcdef0123";

describe("network settings", () => {
  it("tells loopback from exposed bind addresses", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.10", "example.com", "128.0.0.1"]) expect(isLoopbackHost(h), h).toBe(false);
  });

  it("listens on 127.0.0.1 unless HOST says otherwise", () => {
    expect(securitySettings({}).host).toBe("127.0.0.1");
    expect(securitySettings({}).exposed).toBe(false);
    expect(securitySettings({ HOST: "0.0.0.0" }).exposed).toBe(true);
  });

  it("refuses to serve exposed without a token, or with a short one", () => {
    expect(unsafeToServe(securitySettings({}))).toBeNull();
    expect(unsafeToServe(securitySettings({ HOST: "0.0.0.0" }))).toMatch(/ROOMCODE_AUTH_TOKEN/);
    expect(unsafeToServe(securitySettings({ HOST: "0.0.0.0", ROOMCODE_AUTH_TOKEN: TOKEN }))).toBeNull();
    expect(unsafeToServe(securitySettings({ ROOMCODE_AUTH_TOKEN: "short" }))).toMatch(/at least 16/);
    expect(unsafeToServe(securitySettings({}, "::"))).toMatch(/refusing/);
  });

  it("allows loopback Host names on any port, a specific bind address, and ROOMCODE_ALLOWED_HOSTS", () => {
    const s = securitySettings({ HOST: "192.168.1.10", ROOMCODE_ALLOWED_HOSTS: "room.example, lan.example:8443,[fd00::1]" });
    for (const h of ["localhost:3000", "127.0.0.1:3107", "[::1]:3000", "localhost", "192.168.1.10:3000", "room.example", "room.example:80", "lan.example:8443", "[fd00::1]:3000"]) {
      expect(isAllowedHostHeader(s, h), h).toBe(true);
    }
    for (const h of ["evil.example", "evil.example:3000", "lan.example:3000", "lan.example", "127.0.0.2:3000", "localhost.evil.example", "", "a b", "[::2]:3000"]) {
      expect(isAllowedHostHeader(s, h), h).toBe(false);
    }
    expect(isAllowedHostHeader(securitySettings({ HOST: "0.0.0.0" }), "0.0.0.0:3000")).toBe(false);
  });

  it("reads next's -H / --hostname argument", () => {
    expect(hostnameArg(["node", "next", "start", "-H", "0.0.0.0"])).toBe("0.0.0.0");
    expect(hostnameArg(["node", "next", "start", "--hostname=::"])).toBe("::");
    expect(hostnameArg(["node", "next", "start", "-p", "3000"])).toBeNull();
  });
});
