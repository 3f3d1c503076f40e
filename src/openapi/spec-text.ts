/** A spec's text field, or undefined when it is missing or blank (a page never shows "undefined"). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
