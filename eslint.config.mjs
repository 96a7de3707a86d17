/** ESLint flat config: Next's rules plus import boundaries (DESIGN.md section 1). */
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const serverPatterns = ["**/server/**", "@/server/*", "@/server/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "bench/out/**", "eval-out/**", "next-env.d.ts"],
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "lib/ is pure: no React." },
            { name: "react-dom", message: "lib/ is pure: no React." },
            { name: "better-sqlite3", message: "lib/ is pure: no IO." },
            { name: "server-only", message: "lib/ is pure." },
          ],
          patterns: [
            { group: ["node:*", "fs", "fs/*", "child_process", "path", "os", "net", "http", "https"], message: "lib/ is pure: no Node IO." },
            { group: ["next", "next/*", "@react-three/*", "three", "zustand", "zustand/*", "openai", "sharp"], message: "lib/ is pure: no framework or IO packages." },
            { group: [...serverPatterns, "**/components/**", "@/components/*", "**/app/**", "@/app/*", "**/blender-runner/**"], message: "lib/ imports nothing of server/, components/, app/ or blender-runner/." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "better-sqlite3", message: "components/ run in the browser." }, { name: "server-only", message: "components/ run in the browser." }],
          patterns: [
            { group: serverPatterns, message: "components/ must not import server/: go through the API routes." },
            { group: ["**/blender-runner/**"], message: "components/ must not import the runner." },
          ],
        },
      ],
    },
  },
  {
    files: ["blender-runner/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: serverPatterns, message: "blender-runner/ imports only lib/." }] }],
    },
  },
  {
    files: ["lib/**", "server/**", "blender-runner/**", "test/**", "bench/**", "scripts/**", "e2e/**", "**/*.test.ts"],
    rules: {
      // React's hook rules do not apply outside components: `useTempDataDir()` and friends are plain functions.
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
export default config;
