/** Roles a caller's token can carry. */
export enum Role {
  /** Staff of a partner organisation: its own person-level data, with a purpose. */
  PARTNER_STAFF = 'partner-staff',
  /** The backbone secretariat: aggregates of every partner. */
  ANALYST = 'analyst',
  /** Public dashboards: disclosure-controlled aggregates only. */
  DASHBOARD = 'dashboard',
  /** A partner's administrator: its own audit log. */
  ADMIN = 'admin',
}

/**
 * The verified caller, as the gateway established it and each subgraph verifies again: who,
 * for which partner organisation, in which roles, for what purpose of processing.
 */
export interface Viewer {
  subject: string;
  /** The partner organisation's code, e.g. "jobcentre-esbjerg" (fixed by the token's issuer). */
  partner: string;
  roles: Role[];
  /** Purpose of processing (GDPR art. 5(1)(b)); person-level reads need one. */
  purpose: string | null;
}
