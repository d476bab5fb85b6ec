import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next*/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layering of STYLE.md: components never reach the database; lib and db never import React or routes.
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/db", "@/db/*"] }] },
  },
  {
    files: ["lib/**", "db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // react's request-scoped `cache` is the one server utility lib/ may use.
          paths: [{ name: "react", allowImportNames: ["cache"] }, "react-dom"],
          patterns: ["@/app/*", "@/components/*"],
        },
      ],
    },
  },
];

export default config;
