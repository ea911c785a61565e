import { echoed } from '@hub/core';

/** Longest message an error carries: a backstop for an echo that is not in quotes. */
const MAX_MESSAGE_CHARACTERS = 500;

/** The index of the `"` closing a quoted run that starts at `from`, skipping escapes; -1 if none. */
function closingQuote(text: string, from: number): number {
  for (let at = from; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === '"') return at;
  }
  return -1;
}

/**
 * An error message with every quoted run (graphql-js and the partners quote what a client sent:
 * `got invalid value "…"`, `No area with code "…"`) cut to 64 characters and "…", then the whole
 * message to 500, so a megabyte argument is not repeated in the answer. One pass, no regular
 * expression to backtrack on hostile text.
 */
export function capEchoes(message: string): string {
  let capped = '';
  let at = 0;
  for (let open = message.indexOf('"'); open >= 0; open = message.indexOf('"', at)) {
    const close = closingQuote(message, open + 1);
    if (close < 0) break;
    capped += `${message.slice(at, open)}"${echoed(message.slice(open + 1, close))}"`;
    at = close + 1;
  }
  return echoed(capped + message.slice(at), MAX_MESSAGE_CHARACTERS);
}
