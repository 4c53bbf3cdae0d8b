/** A benchmark step, timed: wall time and, beside it, CPU time (on a shared machine the wall clock says more about the neighbours). */
import { performance } from "node:perf_hooks";

export async function timed<T>(label: string, fn: () => T | Promise<T>, width = 44): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  console.log(
    `  ${label.padEnd(width)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)`,
  );
  return value;
}
