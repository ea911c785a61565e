// One GraphQL request as a client sends it; an answer with errors is a failure of the benchmark.

/** POSTs a JSON body; @returns the answer's body exactly as it came. */
export async function postBody(url: string, headers: Record<string, string>, body: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || (JSON.parse(text) as { errors?: unknown }).errors) {
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 1000)}`);
  }
  return text;
}

/** @returns the answer's body exactly as it came, to compare later answers with. */
export const postQuery = (url: string, headers: Record<string, string>, query: string): Promise<string> =>
  postBody(url, headers, JSON.stringify({ query }));
