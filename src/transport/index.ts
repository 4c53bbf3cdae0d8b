export * from "./client.js";
export * from "./errors.js";
export * from "./health.js";
export * from "./inspect.js";
export * from "./url.js";
export * from "./router.js";
