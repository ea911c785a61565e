import { Role } from '@hub/core';
import { registeredOperation } from '@hub/gateway';
import { postGraphQL } from '../support/graphql';
import { callerToken } from '../support/identity';
import { DocsHub } from './docsHub';
import { coveringFiles, documentedExamples, name, registeredFileWith, type Example } from './examples';
import { differences, missingLines } from './expectations';

const examples = documentedExamples();
const notRun = examples.filter((example) => example.notRun !== undefined);
const graphqlExamples = examples.filter((example) => example.block.lang === 'graphql' && example.notRun === undefined);
const shellExamples = examples.filter((example) => example.block.lang !== 'graphql' && example.notRun === undefined);
const isOperation = (example: Example) => /^\s*(query|mutation|subscription)\b/m.test(example.block.content);

/** What an example's shown answer says about what it printed or answered. */
function answerDifferences(example: Example, actual: string): string[] {
  const answer = example.answer;
  if (!answer) return [];
  if (answer.lang !== 'json') return missingLines(docs.localise(answer.content), actual).map((line) => `missing line: ${line}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(actual);
  } catch {
    return [`expected JSON, got ${actual.slice(0, 500)}`];
  }
  return differences(JSON.parse(docs.localise(answer.content)), parsed);
}

let docs: DocsHub;
beforeAll(async () => {
  docs = await DocsHub.start();
});
afterAll(async () => {
  await docs?.stop();
});

describe('the examples of README.md and docs/', () => {
  it('finds the GraphQL and shell examples and their answers', () => {
    expect(graphqlExamples.length).toBeGreaterThan(5);
    expect(shellExamples.length).toBeGreaterThan(5);
    expect(examples.filter((example) => example.answer).length).toBeGreaterThan(5);
  });

  it.each(notRun.map((example) => [name(example), example] as const))('%s, not run here, names files that exist', (_name, example) => {
    const files = coveringFiles(example.notRun ?? '');
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !file.exists)).toEqual([]);
  });

  describe('GraphQL: each is a registered file word for word, and answers as shown under HUB_SAFELIST=enforce', () => {
    it.each(graphqlExamples.map((example) => [name(example), example] as const))('%s', async (_name, example) => {
      const file = registeredFileWith(example.block.content);
      if (!file) throw new Error(`${name(example)} is not the text of a file in schema/examples/ or another registered folder`);
      if (!isOperation(example)) return; // a fragment: registered, spread by the operations
      const operation = registeredOperation(file);
      const role = (example.role ?? Role.ANALYST) as Role;
      const token = await callerToken({ partner: 'lauritzen-foundation', roles: [role] });
      const variables = { ...example.variables, ...variablesOfAnswer(example) };
      const { status, ...response } = await postGraphQL(docs.hub.gatewayUrl, operation.body, variables, token);
      const shown = example.answer ? (JSON.parse(example.answer.content) as Record<string, unknown>) : undefined;
      const whole = shown && ('data' in shown || 'errors' in shown);
      if (!whole) expect(response.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(answerDifferences(example, JSON.stringify(whole ? response : response.data))).toEqual([]);
    });
  });

  describe('shell: each runs in the repository against the hub, exits 0, and prints what is shown', () => {
    it.each(shellExamples.map((example) => [name(example), example] as const))('%s', async (_name, example) => {
      const run = await docs.run([...example.session.map((line) => `${line} >/dev/null`), example.block.content].join('\n'));
      const output = `${run.stdout}${run.stderr}`;
      if (run.code !== example.exit) {
        throw new Error(`exit code ${run.code}, not ${example.exit}; stderr:\n${run.stderr.slice(-2000)}\nstdout:\n${run.stdout.slice(-1000)}`);
      }
      if (!example.answer && example.exit === 0) expect(refusedAnswers(run.stdout)).toEqual([]);
      expect(answerDifferences(example, example.answer?.lang === 'json' ? run.stdout : output)).toEqual([]);
    });
  });
});

/** `<!-- variables: {…} -->` above a shown answer: the variables that answer was given with. */
function variablesOfAnswer(example: Example): Record<string, unknown> {
  const text = example.answer?.markers.find((marker) => marker.startsWith('variables:'));
  return text ? (JSON.parse(text.slice('variables:'.length)) as Record<string, unknown>) : {};
}

/** GraphQL answers in a command's output that carry errors (an example that shows none must get none). */
function refusedAnswers(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => {
      try {
        return Array.isArray((JSON.parse(line) as { errors?: unknown }).errors);
      } catch {
        return false;
      }
    });
}
