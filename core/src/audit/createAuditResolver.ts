import { notePersonalRead } from '../sharing/shareableAnswers';
import { Arg, Args, Ctx, Directive, ID, Query, Resolver, type ClassType } from 'type-graphql';
import { AuditLevel } from '../auth/access';
import type { DataSource } from 'typeorm';
import { forbidden } from '../auth/errors';
import { Role, type Viewer } from '../auth/Viewer';
import { badUserInput } from '../graphql/errors';
import { PageArgs, pageWindow, toConnection, type Connection, type PageWindow } from '../graphql/pagination';
import { partnerSpec, type PartnerName } from '../partners';
import { AuditRecord, AuditRecordConnection } from './AuditRecord';
import { isPseudonym } from './AuditTrail';

/** What the audit resolvers need of a subgraph's request context. */
export interface AuditReadContext {
  viewer: Viewer | null;
  db: DataSource;
}

/** The tag by which the access layer finds the audit fields. */
export const AUDIT_TAG = 'audit';

/** `housing-association` → `housingAssociation`: the prefix of the partner's audit fields. */
export function auditFieldPrefix(partner: PartnerName): string {
  return partner.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The two root fields of a partner's audit log, e.g. `jobcentreAuditLog`, `jobcentreAccessesToPerson`. */
export function auditFieldNames(partner: PartnerName): { auditLog: string; accessesToPerson: string } {
  const prefix = auditFieldPrefix(partner);
  return { auditLog: `${prefix}AuditLog`, accessesToPerson: `${prefix}AccessesToPerson` };
}

interface AuditRow {
  id: string;
  at: Date;
  request_id: string | null;
  subject: string;
  partner: string;
  role: string;
  purpose: string | null;
  operation_name: string | null;
  fields: string[];
  persons: number;
}

const COLUMNS = 'r.id, r.at, r.request_id, r.subject, r.partner, r.role, r.purpose, r.operation_name, r.fields, r.persons';

function toRecord(row: AuditRow, withSubject: boolean): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    requestId: row.request_id,
    subject: withSubject ? row.subject : null,
    partner: row.partner,
    role: row.role,
    purpose: row.purpose,
    operationName: row.operation_name,
    fields: row.fields,
    persons: row.persons,
  };
}

/** The id after which the page starts (newest first: ids below it), or null on the first page. */
function afterId(window: PageWindow): string | null {
  if (window.afterKey === null) return null;
  if (!/^[1-9][0-9]{0,18}$/.test(window.afterKey)) {
    throw badUserInput(`"after" is not a cursor this list gave out.`, 'after');
  }
  return window.afterKey;
}

const created = new Map<PartnerName, ClassType>();

/**
 * The resolver of one partner's audit log, for its administrators: `<partner>AuditLog` (every
 * record, newest first) and `<partner>AccessesToPerson` (the records that read one person, for a
 * data subject's right to know who looked). Both are tagged `@tag(name: "audit")`; the access
 * layer restricts them to the partner's admins, and each checks that again itself.
 */
export function createAuditResolver(partner: PartnerName): ClassType {
  const existing = created.get(partner);
  if (existing) return existing;
  const { organisation } = partnerSpec(partner);
  const names = auditFieldNames(partner);

  function assertAdmin(viewer: Viewer | null, field: string): void {
    if (!viewer || !viewer.roles.includes(Role.ADMIN) || viewer.partner !== organisation) {
      throw forbidden(`Query.${field}`, `the role admin of ${organisation}`);
    }
  }

  @Resolver()
  class AuditResolver {
    @AuditLevel(partner)
    @Directive(`@tag(name: "${AUDIT_TAG}")`)
    @Query(() => AuditRecordConnection, {
      name: names.auditLog,
      description: `Who read person-level data from ${organisation}, newest first (its admins only).`,
    })
    async auditLog(@Args() page: PageArgs, @Ctx() { viewer, db }: AuditReadContext): Promise<Connection<AuditRecord>> {
      assertAdmin(viewer, names.auditLog);
      notePersonalRead(); // an audit log is the admin's own look, never another caller's answer
      const window = pageWindow(page);
      const rows = (await db.query(
        `SELECT ${COLUMNS} FROM audit_record r
         WHERE $1::bigint IS NULL OR r.id < $1::bigint
         ORDER BY r.id DESC LIMIT $2`,
        [afterId(window), window.limit + 1],
      )) as AuditRow[];
      const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM audit_record')) as { count: number }[];
      return toConnection(rows.map((row) => toRecord(row, true)), window, (record) => record.id, count);
    }

    @AuditLevel(partner)
    @Directive(`@tag(name: "${AUDIT_TAG}")`)
    @Query(() => AuditRecordConnection, {
      name: names.accessesToPerson,
      description:
        `The reads of one person's data at ${organisation}, newest first (its admins only), for the data ` +
        `subject's right of access (GDPR art. 15; C-579/21): which organisation and role looked, when and why.`,
    })
    async accessesToPerson(
      @Arg('pseudonym', () => ID) pseudonym: string,
      @Arg('revealSubject', () => Boolean, {
        defaultValue: false,
        description:
          'Also name the employee who read: only when that is indispensable for the data subject to exercise their rights (C-579/21).',
      })
      revealSubject: boolean,
      @Args() page: PageArgs,
      @Ctx() { viewer, db }: AuditReadContext,
    ): Promise<Connection<AuditRecord>> {
      assertAdmin(viewer, names.accessesToPerson);
      notePersonalRead(); // an audit log is the admin's own look, never another caller's answer
      if (!isPseudonym(pseudonym)) {
        throw badUserInput('"pseudonym" must be 64 lowercase hexadecimal characters.', 'pseudonym');
      }
      const window = pageWindow(page);
      const rows = (await db.query(
        `SELECT ${COLUMNS} FROM audit_person p JOIN audit_record r ON r.id = p.audit_id
         WHERE p.pseudonym = $1 AND ($2::bigint IS NULL OR r.id < $2::bigint)
         ORDER BY r.id DESC LIMIT $3`,
        [pseudonym, afterId(window), window.limit + 1],
      )) as AuditRow[];
      const [{ count }] = (await db.query(
        'SELECT count(*)::int AS count FROM audit_person WHERE pseudonym = $1',
        [pseudonym],
      )) as { count: number }[];
      return toConnection(rows.map((row) => toRecord(row, revealSubject)), window, (record) => record.id, count);
    }
  }

  created.set(partner, AuditResolver);
  return AuditResolver;
}
