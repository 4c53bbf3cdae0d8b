import type { Command } from "commander";

/** Stub until the generate command lands. */
export function registerGenerate(program: Command): void {
  program.command("generate").description("(not yet built)");
}
