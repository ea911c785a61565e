import { randomUUID } from 'node:crypto';
import type express from 'express';

/** What the hub accepts as a caller's request id: short, and nothing a log viewer could misread. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id to log and to pass on: the caller's `x-request-id` when it is a safe token,
 * otherwise a fresh UUID, so hostile input (newlines, markup, megabytes) never reaches a log.
 */
export function requestIdOf(req: express.Request): string {
  const sent = req.header('x-request-id');
  return sent !== undefined && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
