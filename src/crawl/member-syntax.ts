/**
 * Member syntax (`syntax` on a menu or command: its members' descriptions)
 * stalls some routers for about 60 s per call (7.9.2). The probe before the
 * walk catches routers where it stalls everywhere; where it stalls only on
 * commands, a few stalls switch it off for the rest of the crawl, so that a
 * crawl of thousands of commands does not stall thousands of times.
 */
import type { Answers } from "./assemble.js";
import { childRows, taskKey, type Task } from "./tasks.js";

/** Stalls of member syntax after which the crawl asks no more of it. */
const MAX_STALLS = 2;

/** Whether `task` asks member syntax (not an arg's syntax): told by the node type in its parent's child answer. */
function asksMemberSyntax(task: Task, answers: Answers): boolean {
  if (task.request !== "syntax") return false;
  if (task.path.length === 0) return true;
  const siblings = answers.get(taskKey({ request: "child", path: task.path.slice(0, -1) })) ?? [];
  return childRows(siblings).find((row) => row.name === task.path.at(-1))?.["node-type"] !== "arg";
}

export class MemberSyntax {
  private stalls = 0;
  enabled = true;

  /** False for member syntax once switched off: such a task is dropped, not skipped (the header says descriptions are unknown). */
  wanted(task: Task, answers: Answers): boolean {
    return this.enabled || !asksMemberSyntax(task, answers);
  }

  /** `task` stalled the router (it was blamed and skipped). */
  stalled(task: Task, answers: Answers): void {
    if (asksMemberSyntax(task, answers) && ++this.stalls >= MAX_STALLS) this.enabled = false;
  }
}
