/** How many causes deep a log line follows an error's `cause` chain. */
const MAX_CAUSES = 3;

/**
 * What a log line says about an unexpected error: enough to find the bug (kind, message, code,
 * stack, the SQL text), never the values a database error carries with it (TypeORM's
 * `parameters`, PostgreSQL's `detail`), which can be pseudonyms or other person data.
 */
export function errorDetail(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const { code, query } = error as { code?: unknown; query?: unknown };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof query === 'string' ? { query: query.slice(0, 1000) } : {}),
    ...(error.cause !== undefined && depth < MAX_CAUSES ? { cause: errorDetail(error.cause, depth + 1) } : {}),
  };
}
