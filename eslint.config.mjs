// ESLint 9 flat config: type-checked TypeScript, Office add-in rules, React, then Prettier last
// (formatting is Prettier's job: `npm run lint` runs `prettier --check` after ESLint).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins 4 ships its rules inside configs that also bring their own parser,
// an old typescript-eslint and eslint-plugin-prettier. Take only its rule list from `recommended`,
// raised to errors: a context.sync() in a loop is a real cost in Excel, not a style point.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.keys(config.rules ?? {}))
    .filter((rule) => rule.startsWith("office-addins/"))
    .map((rule) => [rule, "error"]),
);

export default defineConfig([
  {
    ignores: [
      "dist/",
      "dist-preview/",
      "build/",
      "node_modules/",
      "reports/",
      "coverage/",
      "test-artifacts/",
    ],
  },

  js.configs.recommended,

  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeAddinsRules,
      // `const { a, ...rest } = x` drops `a` on purpose; a leading underscore marks "unused on purpose".
      "@typescript-eslint/no-unused-vars": [
        "error",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Throwing CustomFunctions.Error is how a custom function returns #VALUE!/#N/A with a
      // message (learn.microsoft.com: custom-functions-errors); the class does not extend Error.
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "package", package: "@types/custom-functions-runtime", name: "Error" }] },
      ],
    },
  },

  {
    files: ["**/*.tsx"],
    extends: [
      react.configs.flat.recommended,
      react.configs.flat["jsx-runtime"],
      reactHooks.configs.flat.recommended,
    ],
    settings: { react: { version: "detect" } },
  },

  // Config files and scripts run in node, without type information (they are not in tsconfig).
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },

  // Tests: jest's matchers (expect(...).toThrow, mocks) are typed loosely, so the unsafe-* rules
  // flag nearly every assertion on parsed JSON or mocks without finding bugs; unbound-method
  // misfires on `expect(obj.method)`. The source tree keeps them.
  {
    files: ["test/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },

  prettier,
]);
