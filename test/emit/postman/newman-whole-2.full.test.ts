/** The whole collection of share 2 of the dumps, against the simulator (newman-run.ts says which, and why). */
import { describeWholeRuns } from "./newman-run.js";

describeWholeRuns(2);
