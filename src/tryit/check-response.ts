// Keeps the spec and the API honest: the answer is checked against the schema documented
// for its status and media type; streams are checked event by event against the chunk schema.
import { describeResponseErrors, type Problem, type SchemaError } from './schema-errors.ts';

export type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** What an operation's validator module (compile-validators.ts) exports. */
export interface ValidatorModule {
  params: Validate;
  body?: Validate;
  /** `"<status> <media type>"` → validator; status may be `2XX` or `default`. */
  responses: Record<string, Validate>;
}

export interface ResponseCheck {
  /** The documented response that applied: `200 application/json`; undefined when none is documented. */
  against?: string;
  problems: Problem[];
}

const MAX_PROBLEMS = 20;

export function checkResponse(module: ValidatorModule, status: number, contentType: string, values: readonly unknown[]): ResponseCheck {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const candidates = [`${status} ${type}`, `${String(status)[0]}XX ${type}`, `default ${type}`];
  const against = candidates.find((key) => module.responses[key]);
  if (!against) return { problems: [] };
  const validate = module.responses[against];
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
