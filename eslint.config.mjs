// @ts-check
// Lint for the whole tree: typescript-eslint's type-aware recommended rules and the React hooks rules.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    "node_modules/",
    ".next/",
    "data/",
    "bench/out/",
    "test-results/",
    "playwright-report/",
    "blob-report/",
    "next-env.d.ts",
    "server/adapters/fixtures/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // One TypeScript program per tsconfig, found from each file, as `tsc` sees it.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `const { secret: _s, ...rest } = row` is how a property is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.stringMatching, expect.any, …) are typed any.
    files: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    // Migrations are frozen in time and take Kysely<any>, as Kysely's migration docs do.
    files: ["db/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Playwright fixtures hand their value to a callback named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The .mjs config files are outside tsconfig.json (allowJs is off), so they get the rules without types.
    files: ["**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
