// Lint as the TypeScript ecosystem does: typescript-eslint's recommended, type-aware rules,
// with formatting left to prettier.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "**/node_modules/",
      ".tools/",
      ".demo/",
      "*.mjs",
      "jest.config.js",
      "jest.acceptance.config.js",
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The examples and test programs have their own tsconfig (they import the package by name).
      parserOptions: {
        project: ["./tsconfig.json", "./examples/tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    // The plain JavaScript test programs and the ready policy pack are outside every tsconfig: lint them
    // without type information.
    files: ["test/e2e/programs/**/*.js", "policy-pack/**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: "readonly", require: "readonly", exports: "writable" },
    },
  },
  prettier,
);
