// Text columns hold values the write schemas restricted to a list; reading one back narrows it to
// that list, so a presenter is typed from its response schema without a cast.

/** `stored` as one of `values`; anything else was written around the schemas and is a data error. */
export function oneOf<const T extends readonly string[]>(values: T, stored: string, column: string): T[number] {
  if ((values as readonly string[]).includes(stored)) return stored as T[number];
  throw new Error(`${column} holds ${JSON.stringify(stored)}, not one of ${values.join(', ')}`);
}
