export * from "./types.js";
export * from "./walk.js";
export * from "./properties.js";
export * from "./restraml.js";
export * from "./load.js";
export * from "./syntax-text.js";
export * from "./menu-kind.js";
