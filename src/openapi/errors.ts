/** Where in a spec a problem is: the file, a JSON pointer and, when the source is known, a line. */
export interface SpecLocation {
  file: string;
  pointer?: string;
  line?: number;
}

/** A problem a spec author can fix: names the file, the place and the reason. */
export class SpecError extends Error {
  readonly location: SpecLocation;
  readonly reason: string;

  constructor(location: SpecLocation, reason: string) {
    super(formatSpecError(location, reason));
    this.name = 'SpecError';
    this.location = location;
    this.reason = reason;
    // The author needs the file, the place and the reason, not where in our code it was found.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function formatSpecError({ file, pointer, line }: SpecLocation, reason: string): string {
  const where = [file + (line === undefined ? '' : `:${line}`), pointer ? `at ${pointer}` : ''].filter(Boolean).join(' ');
  return `${where}: ${reason}`;
}
