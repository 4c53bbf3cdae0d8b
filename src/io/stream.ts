/**
 * Reading a body (an HTTP answer, a download) up to a limit: past it,
 * reading stops there and the stream is cancelled, so that an endless or
 * huge body costs at most `max` bytes. (The generated client's runtime has
 * its own copy: it ships alone.)
 */
export async function readAtMost(body: AsyncIterable<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels a web stream and destroys a Node one.
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
