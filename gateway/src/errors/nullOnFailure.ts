import { INDICATOR_OWNERS, readingField } from '@hub/core';

/** Whether an entity fetch the partner did not answer answers null for `type.field` (see `unansweredEntities`). */
export type NullOnFailure = (type: string, field: string) => boolean;

const OWNER_READINGS = new Set(INDICATOR_OWNERS.map(readingField));

/**
 * The fields a failed partner's entity fetch answers with null rather than leaving out: those whose
 * null every consumer reads as "this partner has nothing to say", so that a field needing several
 * partners' fields (`@requires`) is still computed from the others'. The owners' indicator
 * readings are such: each owner answers null for every indicator it does not own, and an
 * indicator no owner read is unknown. A cohort release is not: its recipient reads null as a
 * refusal and would answer an error of its own (counted against its own circuit) for a definer
 * that was merely down, so a release stays missing and the recipient is not asked.
 */
export const nullOnFailure: NullOnFailure = (_type, field) => OWNER_READINGS.has(field);
