/** What `/console/inspect` takes and answers: the one definition shared by the crawler that asks and the simulator that answers. */

export const INSPECT_REQUESTS = ["child", "syntax", "completion"] as const;
export type InspectRequest = (typeof INSPECT_REQUESTS)[number];

/** One row of an answer: a flat object whose values are all strings, as RouterOS gives them. */
export type InspectRow = Record<string, string>;
