/** A request that cannot be built: names the API, the operation and what to fix. */
export class RequestError extends Error {
  constructor(where: string, reason: string) {
    super(`${where}: ${reason}`);
    this.name = 'RequestError';
  }
}
