/**
 * With ROSAPI_TEST_CPU=<file> (a setup file of every test file; without it, it does nothing), each test file appends one JSON
 * line to <file>: its worker's CPU seconds so far, the forked worker's own and those of the processes it ran and waited for
 * (tsc, the CLI, newman's children), read from /proc (Linux). Files share a worker (isolate: false): a file's own cost
 * is the difference from the line its worker (pid) wrote before. Wall times under load say little; CPU time says
 * what a file costs wherever it runs.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll } from "vitest";

/** utime, stime, cutime, cstime of this process, in seconds. */
function cpu(): { self: number; children: number } {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // Fields 14-17 of proc(5), counted from the state (field 3), in clock ticks of 1/100 s.
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]) / 100);
  return { self: utime! + stime!, children: cutime! + cstime! };
}

const out = process.env["ROSAPI_TEST_CPU"];
if (out)
  afterAll((suite) => {
    const { self, children } = cpu();
    const file = "filepath" in suite ? suite.filepath : suite.file.filepath;
    appendFileSync(out, JSON.stringify({ file, pid: process.pid, self, children }) + "\n");
  });
