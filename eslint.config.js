// Type-aware lint of src/ and test/ (dead exports and files are knip's: knip.jsonc). Both run in `npm run lint`.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "generated/", "coverage/", ".test-out/", "test/**/__snapshots__/"] },
  {
    files: ["**/*.ts", "**/*.js"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { a: _a, ...rest } = x` is how a key is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // A caught value is thrown again as it came.
      "@typescript-eslint/only-throw-error": ["error", { allowRethrowing: true }],
      // String(value) of a request's JSON value is how RouterOS (and the simulator, and the runtime) make it a string.
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allow: [{ name: ["URLSearchParams"], from: "package", package: "url" }] },
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringMatching) and JSON.parse of a reply are `any` by design;
      // the assertions check the values.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // A stub is async to keep the Promise contract of what it stands for, awaiting nothing.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Findings in files the contract work is rewriting, left to it (remove each line once fixed there).
    files: ["src/emit/view.ts", "src/emit/postman/index.ts"],
    rules: { "@typescript-eslint/no-unnecessary-type-assertion": "off", "@typescript-eslint/require-await": "off" },
  },
  {
    // Found in code merged from the site, evidence and robustness branches after this lint came in: to fix there
    // (remove each line once fixed).
    files: [
      "src/cli/probe.ts",
      "src/emit/site/menu-page.ts",
      "src/openapi/components.ts",
      "src/openapi/overlay.ts",
      "src/site.ts",
      "src/sources/index.ts",
      "src/templates/runtime.ts",
      "test/facts/evidence-dumps.test.ts",
      "test/helpers/fuzz.ts",
      "test/model/schema.test.ts",
    ],
    rules: {
      "@typescript-eslint/restrict-template-expressions": "off",
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/await-thenable": "off",
      "@typescript-eslint/no-unused-expressions": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
