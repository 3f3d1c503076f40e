/** A snippet problem an author can fix: names the file, the place (field or line) and the reason. */
export class SnippetError extends Error {
  readonly file: string;
  readonly where?: string;
  readonly reason: string;

  constructor(file: string, where: string | undefined, reason: string) {
    super(`${file}${where ? ` (${where})` : ''}: ${reason}`);
    this.name = 'SnippetError';
    this.file = file;
    this.where = where;
    this.reason = reason;
  }
}
