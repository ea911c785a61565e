/**
 * A whole-number setting from the environment, or undefined when unset. Anything else stops the
 * gateway at start with the variable and the value in the message.
 */
export function wholeNumber(env: NodeJS.ProcessEnv, variable: string, min: number): number | undefined {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`${variable} must be a whole number of ${min} or more, got "${value}"`);
  }
  return number;
}
