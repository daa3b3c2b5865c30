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

// The house rules: which layer may import which (docs/architecture.md), where Excel's and
// Office's globals may be used, and what a custom function may never do. Each rule has a fixture
// that breaks it in test/lint/house-rules.test.ts.

/** Entry points wire the layers together: they may read Office and import any layer. */
const ENTRY_POINTS = [
  "src/taskpane/index.tsx",
  "src/functions/functions.ts",
  "src/commands/commands.ts",
  "src/preview/index.tsx",
];

/** A no-restricted-imports rule banning the given folders (relative or not) with a reason. */
function layerRule(message, folders, allowed = []) {
  return [
    "error",
    {
      patterns: [
        {
          group: [...folders.map((folder) => `**/${folder}/**`), ...allowed.map((path) => `!**/${path}`)],
          message,
        },
      ],
    },
  ];
}

const houseRules = [
  {
    files: ["src/engine/**/*.ts", "src/shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./)",
              message:
                "The engine and the shared ground floor are pure and import nothing outside themselves: no package, no other layer.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts", "src/templates/**/*.ts"],
    ignores: ENTRY_POINTS,
    rules: {
      "no-restricted-imports": layerRule(
        "Functions and templates sit below the hosts: they import the engine and i18n only.",
        ["host", "export", "taskpane", "preview", "commands"],
      ),
    },
  },
  {
    files: ["src/host/**/*.ts"],
    rules: {
      "no-restricted-imports": layerRule(
        "A host sits below the export, the pane and the preview: it never imports them.",
        ["export", "taskpane", "preview", "commands"],
      ),
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ENTRY_POINTS,
    rules: {
      "no-restricted-imports": layerRule(
        "The pane reaches a workbook only through the WorkbookHost it is given: import the contract (host/workbook-host, host/placement), never a host.",
        ["host", "preview"],
        ["host/workbook-host", "host/placement"],
      ),
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/host/office.ts", "src/host/office/**", ...ENTRY_POINTS],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Excel",
          message: "Only the Office host (src/host/office.ts, src/host/office/) touches Excel.*.",
        },
        {
          name: "Office",
          message:
            "Only the Office host (src/host/office.ts, src/host/office/) and the entry points touch Office.*.",
        },
      ],
    },
  },
  {
    // Custom functions compute; they never write to the workbook (Excel forbids it and recalculation
    // would loop) and stay synchronous (Goal Seek and Data Tables misbehave around async ones).
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='run'][callee.object.name=/^(Excel|Office)$/]",
          message: "A custom function never opens a workbook request (Excel.run): it only computes.",
        },
        {
          selector: "CallExpression[callee.property.name='sync']",
          message: "A custom function never syncs a request context: it never writes to the workbook.",
        },
        {
          selector:
            "AssignmentExpression > MemberExpression.left[property.name=/^(values|formulas|formulasLocal|numberFormat|text|format)$/]",
          message: "A custom function never writes to a range: it returns its result.",
        },
        {
          selector: ":function[async=true]",
          message: "Custom functions are synchronous: Goal Seek and Data Tables misbehave around async ones.",
        },
      ],
    },
  },
];

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

  ...houseRules,

  prettier,
]);
