/** Vitest: `unit` (pure and fast) and `integration` (real Blender, real SQLite, real routes). */
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "server-only": path.resolve(__dirname, "test/support/server-only.ts"),
  "@": path.resolve(__dirname),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "server/**/*.test.ts", "blender-runner/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
