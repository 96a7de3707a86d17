import type { NextConfig } from "next";

/**
 * Next.js configuration: native modules stay external to the server bundle. The proxy (proxy.ts) only sees
 * pages, which take no request bodies, so it buffers at most 64 KB of one (the API routes stream their own).
 */
const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "sharp", "gltf-validator", "bullmq", "ioredis"],
  experimental: { proxyClientMaxBodySize: "64kb" },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
