import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource } from 'typeorm';
import { auditRole, clientOperationName } from '../audit/auditPlugin';
import type { Viewer } from '../auth/Viewer';
import { insertRows } from '../db/insertRows';
import { notePersonalRead } from '../sharing/shareableAnswers';

/** One cohort crossing, as the partner on either side records it (never the pseudonyms). */
export interface CohortAuditEntry {
  action: 'RELEASED' | 'ANSWERED';
  /** `describeCohort` of the definition. */
  cohort: string;
  agreement: string;
  /** The recipient (of a release) or the provider (of an answered cohort). */
  counterpart: string;
  measures: string[];
  persons: number;
}

/** What a resolver knows of the request, for the audit row. */
export interface CohortAuditCaller {
  viewer: Viewer;
  requestId: string;
  info: GraphQLResolveInfo;
}

/**
 * Writes the entries before the members or the answer leave: when the write fails, the resolver
 * fails and nothing crosses (a crossing that is not logged does not happen).
 */
export async function writeCohortAudit(db: DataSource, caller: CohortAuditCaller, entries: CohortAuditEntry[]): Promise<void> {
  const { viewer } = caller;
  notePersonalRead();
  await insertRows(
    db.manager,
    'cohort_audit',
    entries.map((entry) => ({
      request_id: caller.requestId,
      subject: viewer.subject,
      partner: viewer.partner,
      role: auditRole(viewer),
      purpose: viewer.purpose,
      operation_name: clientOperationName(caller.info.operation.name?.value),
      action: entry.action,
      cohort: entry.cohort,
      agreement: entry.agreement,
      counterpart: entry.counterpart,
      measures: entry.measures,
      persons: entry.persons,
    })),
  );
}
