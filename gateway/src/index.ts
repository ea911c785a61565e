export { startGateway, type GatewayOptions, type RunningGateway } from './startGateway';
export { gatewayOptionsFromEnv } from './server';
export { DEFAULT_GATEWAY_HEAP_MB, gatewayWorkersFromEnv, runClustered, type WorkerPlan } from './cluster';
export type { GatewayContext, RequestRecord, PartnerFailureNote } from './GatewayContext';
export { HubDataSource, outgoingHeaders } from './HubDataSource';
export { PartnerLink, type PartnerHealth, type PartnerState, type PartnerObserver } from './traffic/PartnerLink';
export { PartnerLinks } from './traffic/PartnerLinks';
export { InFlightFetches, type PartnerAnswer } from './traffic/InFlightFetches';
export { DEFAULT_TRAFFIC, trafficSettingsFromEnv, type TrafficSettings } from './traffic/trafficSettings';
export { DEFAULT_ANSWER_CACHE_MB, answerCacheSettingsFromEnv, type AnswerCacheSettings } from './traffic/answers/answerCacheSettings';
export { VersionProbe } from './traffic/answers/VersionProbe';
export { PartnerErrorCode, PartnerFailure } from './traffic/PartnerFailure';
export { graphqlAnswerOf } from './traffic/graphqlAnswer';
export { failurePath } from './errors/failurePath';
export { LimitCode } from './limits/LimitExceededError';
export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/queryLimits';
export { DEFAULT_BODY_LIMIT } from './limits/bodyLimit';
export {
  Admission,
  BUSY_CODE,
  DEFAULT_ADMISSION,
  admissionSettingsFromEnv,
  type AdmissionSettings,
} from './admission/Admission';
export { memberMovingFields } from './admission/memberMovingFields';
export { mergeReadiness, type Readiness } from './workers/wholeGateway';
export {
  buildManifest,
  readManifest,
  registeredOperation,
  sha256,
  CLIENT_OPERATIONS_DIR,
  DASHBOARD_OPERATIONS_DIR,
  MANIFEST_PATH,
  OPERATION_DIRS,
  type PersistedQueryManifest,
} from './safelist/manifest';
export { Safelist, safelistModeFromEnv, type SafelistMode } from './safelist/Safelist';
export { authenticate } from './authenticate';
export { cachedVouching, type VouchedCaller } from './callerCache';
