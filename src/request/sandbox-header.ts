/**
 * The response header by which the sandbox marks its answers (`x-sandbox: 1`), so the try-it
 * console can tell a sandbox answer from the real API's. Here because both sides import it.
 */
export const SANDBOX_HEADER = 'x-sandbox';
