import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/Viewer';
import { insertRows } from '../db/insertRows';
import { notePersonalRead } from '../sharing/shareableAnswers';

/** What the audit record says about the request besides the fields and persons noted. */
export interface AuditEntry {
  /** The verified caller: subject, partner organisation and purpose are written as they are. */
  viewer: Viewer;
  /** The role under which the caller read, e.g. "partner-staff". */
  role: string;
  operationName: string | null;
  requestId: string;
}

const PSEUDONYM = /^[0-9a-f]{64}$/;
const FIELD = /^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/;

/** A person's linkage pseudonym: 64 lowercase hex characters (see `pseudonymise`). */
export function isPseudonym(value: string): boolean {
  return PSEUDONYM.test(value);
}

/**
 * The person-level reads of one request, collected while it resolves and written once when it
 * is answered: distinct fields (`"Person.employment"`) and distinct persons (pseudonyms).
 * Created with the request context; the audit plugin flushes it before the response leaves.
 */
export class AuditTrail {
  private readonly noted = { fields: new Set<string>(), persons: new Set<string>() };
  /** Flushes run one after another; once one failed, every later one fails too. */
  private written: Promise<void> = Promise.resolve();

  /**
   * Records that `field` was read for these persons. Call it before the data is returned. A note
   * without pseudonyms read nobody's data and records nothing. Throws on a malformed field or
   * pseudonym (a bug in the caller): a read that cannot be logged must not be answered.
   */
  note(field: string, pseudonyms: readonly string[]): void {
    if (!FIELD.test(field)) {
      throw new Error(`AuditTrail.note: expected a field as "Type.field", got ${JSON.stringify(field)}`);
    }
    const invalid = pseudonyms.find((pseudonym) => !isPseudonym(pseudonym));
    if (invalid !== undefined) {
      throw new Error(`AuditTrail.note: expected pseudonyms of 64 lowercase hex characters, got ${JSON.stringify(invalid)}`);
    }
    if (pseudonyms.length === 0) return;
    notePersonalRead();
    this.noted.fields.add(field);
    for (const pseudonym of pseudonyms) this.noted.persons.add(pseudonym);
  }

  /** True when nothing is waiting to be written. */
  get isEmpty(): boolean {
    return this.noted.persons.size === 0;
  }

  /** The fields noted and not yet written, sorted. */
  get fields(): string[] {
    return [...this.noted.fields].sort();
  }

  /** The pseudonyms noted and not yet written, sorted. */
  get persons(): string[] {
    return [...this.noted.persons].sort();
  }

  /**
   * Writes what was noted since the last flush: one `audit_record` and its `audit_person` rows in
   * one transaction; nothing at all when nothing was noted. Rejects when the write fails, and
   * from then on every later flush of this trail rejects as well.
   */
  flush(db: DataSource, entry: AuditEntry): Promise<void> {
    const fields = this.fields;
    const persons = this.persons;
    this.noted.fields.clear();
    this.noted.persons.clear();
    this.written = this.written.then(() => (persons.length ? write(db, entry, fields, persons) : undefined));
    return this.written;
  }
}

/** Longest text the audit record keeps of one value; the gateway already refuses longer claims. */
const MAX_AUDIT_TEXT = 1000;

/**
 * A text as the audit record can always hold it: PostgreSQL text cannot contain NUL, and the write
 * must not fail on what a caller chose (a claim, an operation name), or the read goes unanswered.
 */
const auditText = (value: string | null) => value?.replaceAll('\0', '\uFFFD').slice(0, MAX_AUDIT_TEXT) ?? null;

async function write(db: DataSource, entry: AuditEntry, fields: string[], persons: string[]): Promise<void> {
  const { viewer } = entry;
  const texts = [entry.requestId, viewer.subject, viewer.partner, entry.role, viewer.purpose, entry.operationName].map(auditText);
  await db.transaction(async (manager) => {
    const [record] = (await manager.query(
      `INSERT INTO audit_record (request_id, subject, partner, role, purpose, operation_name, fields, persons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id`,
      [...texts, fields, persons.length],
    )) as { id: string }[];
    await insertRows(
      manager,
      'audit_person',
      persons.map((pseudonym) => ({ audit_id: record.id, pseudonym })),
    );
  });
}
