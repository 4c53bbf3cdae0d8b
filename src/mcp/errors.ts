/** A tool call that cannot be done as asked: its message goes back to the agent as a tool error. */
export class ToolError extends Error {
  override name = "ToolError";
}
