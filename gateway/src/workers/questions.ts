import cluster, { type Worker } from 'node:cluster';

/**
 * Questions between a clustered gateway's processes over node:cluster's IPC channel, so that any
 * worker can answer for the whole gateway (its `/metrics` and `/readyz`): a worker asks the
 * primary, and the primary may ask every worker in turn.
 */
type Answers = Record<string, () => unknown>;

interface Message {
  type: string;
  id: number;
  question: string;
  answer?: unknown;
  error?: string;
}

const TO_PRIMARY = 'hub:question-for-primary';
const FROM_PRIMARY = 'hub:answer-from-primary';
const TO_WORKER = 'hub:question-for-worker';
const FROM_WORKER = 'hub:answer-from-worker';
/** A worker waits longer than prom-client's own 5 s for the other workers' metrics. */
const PRIMARY_WAIT_MS = 6000;
/** Workers answer at once from memory; one that does not is starting or stuck. */
const WORKER_WAIT_MS = 1000;

const isMessage = (message: unknown, type: string): message is Message =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/** Questions sent and not yet answered, by id. */
class Waiting {
  private next = 0;
  private readonly replies = new Map<number, (message: Message) => void>();

  ask(question: string, send: (message: Message) => void, type: string, waitMs: number): Promise<unknown> {
    const id = (this.next += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(new Error(`no answer to "${question}" within ${waitMs} ms`));
      }, waitMs);
      this.replies.set(id, (message) => {
        clearTimeout(timer);
        this.replies.delete(id);
        if (message.error === undefined) resolve(message.answer);
        else reject(new Error(message.error));
      });
      send({ type, id, question });
    });
  }

  settle(message: Message): void {
    this.replies.get(message.id)?.(message);
  }
}

/** Answers one question with `answers`, sending the reply as `type`. */
function reply(answers: Answers, message: Message, type: string, send: (reply: Message) => void): void {
  const { id, question } = message;
  const answer = answers[question];
  Promise.resolve()
    .then(() => (answer ? answer() : Promise.reject(new Error(`no answer to "${question}"`))))
    .then(
      (value) => send({ type, id, question, answer: value }),
      (error: unknown) => send({ type, id, question, error: String(error) }),
    );
}

const fromWorkers = new Waiting();
const fromPrimary = new Waiting();

/** In the primary: answers the workers' questions; may use `askEveryWorker`. */
export function answerWorkers(answers: Answers): void {
  cluster.on('message', (worker: Worker, message: unknown) => {
    if (isMessage(message, FROM_WORKER)) fromWorkers.settle(message);
    else if (isMessage(message, TO_PRIMARY)) reply(answers, message, FROM_PRIMARY, (answer) => worker.send(answer));
  });
}

/**
 * In the primary: the answers of the workers that gave one; a worker still starting (or stuck)
 * is left out. Fails only when none answers.
 */
export async function askEveryWorker(question: string): Promise<unknown[]> {
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker?.isConnected());
  const asked = workers.map((worker) => fromWorkers.ask(question, (message) => worker.send(message), TO_WORKER, WORKER_WAIT_MS));
  const settled = await Promise.allSettled(asked);
  const answers = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (answers.length === 0) throw new Error(`no worker answered "${question}"`);
  return answers;
}

const workerAnswers: Answers = {};
let listening = false;

/**
 * In a worker: listens to the primary from the start, so that a question asked while the worker
 * starts is refused at once rather than left to time out; `answers` are added to what it answers.
 */
export function answerPrimary(answers: Answers = {}): void {
  Object.assign(workerAnswers, answers);
  if (listening) return;
  listening = true;
  process.on('message', (message: unknown) => {
    if (isMessage(message, FROM_PRIMARY)) fromPrimary.settle(message);
    else if (isMessage(message, TO_WORKER)) reply(workerAnswers, message, FROM_WORKER, (answer) => process.send?.(answer));
  });
}

/** In a worker: the primary's answer to `question`. */
export function askPrimary(question: string): Promise<unknown> {
  answerPrimary();
  return fromPrimary.ask(question, (message) => process.send?.(message), TO_PRIMARY, PRIMARY_WAIT_MS);
}
