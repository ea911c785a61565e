import { registerEnumType } from 'type-graphql';

export enum EmploymentKind {
  PART_TIME_JOB = 'PART_TIME_JOB',
  FULL_TIME_JOB = 'FULL_TIME_JOB',
}

export enum BenefitKind {
  CASH_BENEFIT = 'CASH_BENEFIT',
  EDUCATION_BENEFIT = 'EDUCATION_BENEFIT',
  UNEMPLOYMENT_BENEFIT = 'UNEMPLOYMENT_BENEFIT',
}

registerEnumType(EmploymentKind, { name: 'EmploymentKind' });
registerEnumType(BenefitKind, {
  name: 'BenefitKind',
  description: 'Public benefits (student grants are not benefits here).',
});
