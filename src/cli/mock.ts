import type { Command } from "commander";

/** Stub until the mock command lands. */
export function registerMock(program: Command): void {
  program.command("mock").description("(not yet built)");
}
