// "Did you mean": the known names closest to what a caller typed, for error messages a model
// can act on. Edit distance on lower-cased names, with a bonus for containing the input.

export function closest(input: string, known: string[], count = 5): string[] {
  const needle = normalize(input);
  return known
    .map((name) => {
      const hay = normalize(name);
      const contains = hay.includes(needle) || (hay.length > 2 && needle.includes(hay));
      return { name, score: distance(needle, hay) - (contains ? needle.length : 0) };
    })
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
