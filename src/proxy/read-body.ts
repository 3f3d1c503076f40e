/**
 * Reads a request body up to `max` bytes. Request bodies are small (JSON, a form) and the
 * upstream often wants a Content-Length, so they are collected; an oversized one is refused
 * before or while it is read, never held past the limit.
 */
export async function readBody(request: Request, max: number): Promise<Uint8Array | 'too-large' | undefined> {
  if (request.body === null) return undefined;
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
    await request.body.cancel().catch(() => {});
    return 'too-large';
  }
  if (declared !== null) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > max ? 'too-large' : bytes;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return 'too-large';
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
