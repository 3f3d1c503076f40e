// Keeps the spec and the API honest: the answer is checked against the schema documented
// for its status and media type; streams are checked event by event against the chunk schema.
import { describeResponseErrors, type Problem, type SchemaError } from '../request/index.ts';

export type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** What an operation's validator module (compile-validators.ts) exports: the request's checks. */
export interface ValidatorModule {
  params: Validate;
  body?: Validate;
}

export interface ResponseCheck {
  /** The documented response that applied: `200 application/json`; undefined when none is documented. */
  against?: string;
  problems: Problem[];
}

const MAX_PROBLEMS = 20;

/** `responses`: `"<status> <media type>"` → validator; status may be `2XX` or `default`. */
export function checkResponse(responses: Record<string, Validate>, status: number, contentType: string, values: readonly unknown[]): ResponseCheck {
  const against = pickResponse(Object.keys(responses), status, contentType);
  return against ? checkValues(against, responses[against], values) : { problems: [] };
}

/** The documented response that applies to an answer: its status, its status range (`4XX`), else `default`. */
export function pickResponse(documented: readonly string[], status: number, contentType: string): string | undefined {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const candidates = [`${status} ${type}`, `${String(status)[0]}XX ${type}`, `default ${type}`];
  return candidates.find((key) => documented.includes(key));
}

export function checkValues(against: string, validate: Validate, values: readonly unknown[]): ResponseCheck {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (problems.length >= MAX_PROBLEMS || validate(value)) return;
    for (const problem of describeResponseErrors(validate.errors ?? [], value)) {
      // A stream repeats the same difference in every event: say it once, naming the first event.
      if (seen.has(problem.message)) continue;
      seen.add(problem.message);
      problems.push(values.length > 1 ? { ...problem, message: `event ${index + 1}: ${problem.message}` } : problem);
    }
  });
  return { against, problems: problems.slice(0, MAX_PROBLEMS) };
}
