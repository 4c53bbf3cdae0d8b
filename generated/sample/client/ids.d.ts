/**
 * An item's id as one URL path segment, for rosapi and for the clients it
 * generates (shipped beside the runtime, so it imports nothing). RFC 3986
 * resolves a `.` or `..` segment, and `%2E`-spelled ones too, before the
 * router sees the path: `/ip/dns/forwarders/..` is `/ip/dns`. Such an id
 * would change the menu above, so it is refused, never sent.
 */
/** Why `id` cannot name one item in a URL, or undefined when it can. */
export declare function idProblem(id: string): string | undefined;
/** The id percent-encoded as one path segment (`/` too); throws a RangeError for an id that is none (see idProblem). */
export declare function idSegment(id: string): string;
