import type { NextConfig } from "next";

/** Next.js configuration: native modules stay external to the server bundle. */
const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "sharp", "gltf-validator"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
