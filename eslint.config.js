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
);
