import { readFileSync } from 'node:fs';
import { DEFAULT_ADMISSION, admissionSettingsFromEnv, memberMovingFields } from '@hub/gateway';
import { SUPERGRAPH_PATH } from '@hub/schema';

describe('the fields that move cohort members', () => {
  it('are, in the checked-in supergraph, exactly the measures partners answer on a cohort\'s members', () => {
    const fields = memberMovingFields(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect([...fields].sort()).toEqual(['Cohort.clubMember', 'Cohort.inEducation', 'Cohort.inWork', 'Cohort.onBenefits', 'Cohort.partTimeJob']);
  });

  it('are read from @requires selecting a release\'s members, not from names', () => {
    const sdl = `
      type Cohort @join__type(graph: A, key: "id") {
        id: ID!
        size: Int @join__field(graph: A, requires: "count { value }")
        housed: Int @join__field(graph: B, requires: "terms { code } releaseForB { members withheld }")
      }`;
    expect([...memberMovingFields(sdl)]).toEqual(['Cohort.housed']);
  });
});

describe('HUB_GATEWAY_COHORT_CONCURRENCY and HUB_GATEWAY_COHORT_QUEUE', () => {
  it('default to four running and 64 waiting per gateway process', () => {
    expect(admissionSettingsFromEnv({})).toEqual(DEFAULT_ADMISSION);
    expect(DEFAULT_ADMISSION).toEqual({ concurrency: 4, queue: 64 });
  });

  it('take whole numbers, a queue of none included, and refuse anything else', () => {
    expect(admissionSettingsFromEnv({ HUB_GATEWAY_COHORT_CONCURRENCY: '2', HUB_GATEWAY_COHORT_QUEUE: '0' })).toEqual({ concurrency: 2, queue: 0 });
    expect(() => admissionSettingsFromEnv({ HUB_GATEWAY_COHORT_CONCURRENCY: '0' })).toThrow(
      'HUB_GATEWAY_COHORT_CONCURRENCY must be a whole number of 1 or more, got "0"',
    );
    expect(() => admissionSettingsFromEnv({ HUB_GATEWAY_COHORT_QUEUE: 'many' })).toThrow(
      'HUB_GATEWAY_COHORT_QUEUE must be a whole number of 0 or more, got "many"',
    );
  });
});
