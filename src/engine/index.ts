/** The engine: pure, typed calculations behind every GENAI function, template, the pane and the CLI. */
export * from "./problem";
export * from "./roi";
export * from "./cashflow";
export * from "./costs";
export * from "./portfolio";
export * from "./rollout";
export * from "./random";
export * from "./distributions";
export * from "./statistics";
export * from "./simulate";
export * from "./sensitivity";
export * from "./business-case";
export * from "./line-items";
