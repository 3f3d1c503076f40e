/** A JSON object: not null, not an array. `V` names its values where the caller knows them (`isObject<JsonValue>`). */
export function isObject<V = unknown>(value: unknown): value is Record<string, V> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
