export * from "./history.js";
export * from "./format.js";
