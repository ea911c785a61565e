/** Errors of a database connection that dropped, as opposed to an error of the SQL it ran. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE']);

export function isDroppedConnection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DROPPED.has(code);
}

/**
 * Runs `attempt` and, if it fails because the connection dropped, once more. The embedded
 * database's socket server holds a single connection, and on a loaded machine it has been seen
 * to drop it while a partner started (`read ECONNRESET`, stopping the whole hub). Starting again
 * is safe: migrations and the seed each run in one transaction, rolled back when the connection
 * goes. Any other error, or a second drop, is thrown.
 */
export async function retryOnReset<T>(attempt: () => Promise<T>, onRetry: (error: unknown) => void): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isDroppedConnection(error)) throw error;
    onRetry(error);
    return attempt();
  }
}
