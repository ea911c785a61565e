import { registerEnumType } from 'type-graphql';

/** The youth guidance register's status of a 15-24-year-old: one at a time. */
export enum YouthStatus {
  EDUCATION = 'EDUCATION',
  WORK = 'WORK',
  NEITHER = 'NEITHER',
}

registerEnumType(YouthStatus, {
  name: 'YouthStatus',
  description: 'In education, in work, or in neither (NEET), as the youth guidance register records it.',
});
