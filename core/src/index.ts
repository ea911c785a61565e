import 'reflect-metadata';

export * from './partners';
export * from './auth/Viewer';
export * from './auth/errors';
export * from './auth/callerVerifier';
export * from './auth/internalToken';
export * from './auth/keys';
export * from './auth/access';
export * from './audit/AuditTables1767225600050';
export * from './audit/AuditTrail';
export * from './audit/auditPlugin';
export * from './audit/AuditRecord';
export * from './audit/createAuditResolver';
export * from './sharing/shareableAnswers';
export * from './db/AreaReference';
export * from './db/Residence';
export * from './db/SharedTables1767225600000';
export * from './db/openDatabase';
export * from './db/insertRows';
export * from './db/personRow';
export * from './db/residenceFilter';
export * from './db/SqlStatementCounter';
export * from './db/dataVersion';
export * from './db/retryOnReset';
export * from './db/DataVersion1767225600100';
export * from './db/DataVersionOrigin1767225600120';
export * from './disclosure/threshold';
export * from './disclosure/rules';
export * from './disclosure/perturbation';
export * from './disclosure/recordKey';
export * from './graphql/enums';
export * from './graphql/scalars';
export * from './graphql/Measure';
export * from './graphql/errors';
export * from './graphql/nulBytes';
export * from './graphql/lineOfActionReference';
export * from './graphql/pagination';
export * from './graphql/buildFederatedSchema';
export * from './loaders/loaders';
export * from './loaders/childPageLoader';
export * from './loaders/spellsOfPersons';
export * from './measures/populationMeasure';
export * from './measures/groupedPopulations';
export * from './measures/AreaDateArgs';
export * from './measures/referenceDates';
export * from './measures/versionedMeasures';
export * from './cohort';
export * from './export/csvRows';
export * from './indicators/IndicatorReading';
export * from './indicators/createIndicatorReadings';
export * from './observability/createLogger';
export * from './observability/createMetricsRegistry';
export * from './observability/requestId';
export * from './observability/errorDetail';
export * from './observability/operationLabel';
export * from './observability/observeRequests';
export * from './observability/observationPlugin';
export * from './observability/readiness';
export * from './observability/subgraphMetrics';
export * from './observability/tracing';
export * from './server/context';
export * from './server/formatError';
export * from './server/graphqlHttp';
export * from './server/SubgraphDefinition';
export * from './server/seedDatabase';
export * from './server/startSubgraph';
export * from './server/runSubgraph';
export type {
  World,
  WorldOptions,
  AreaRecord,
  PersonRecord,
  Spell,
  YouthStatus,
  EmploymentKind,
  BenefitKind,
  AgeBandCode,
  SchoolRecord,
  WellBeingRecord,
  DepartmentRecord,
  TenancyRecord,
  SafetySurveyRecord,
  PlacementRecord,
  ClubRecord,
  MembershipRecord,
  PartnerRecord,
  LineOfActionRecord,
  InitiativeRecord,
  GrantRecord,
} from './seed/world';
export * from './seed/generateWorld';
export * from './seed/pseudonym';
export * from './import/ImportMapping';
export * from './import/columns';
export * from './import/csvHead';
export * from './import/embeddedDatabase';
export * from './import/errors';
export * from './import/importCsv';
export * from './import/linkageKey';
export * from './import/nationalId';
export * from './import/upsertRows';
