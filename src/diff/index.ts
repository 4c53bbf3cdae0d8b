export * from "./diff.js";
export * from "./format.js";
export * from "./gaps.js";
