import { FOUNDATION_CODE, INITIATIVES, MUNICIPALITY_PARTNER_CODE, type InitiativeSpec } from './initiatives';
import { createRandom, type Random } from './random';
import { compareStrings } from './spells';
import type { GovernanceRole, GrantRecord, LineOfActionRecord, PartnerKind, PartnerRecord, World } from './world';

function partner(code: string, name: string, kind: PartnerKind, role: GovernanceRole, joinedOn: string): PartnerRecord {
  return { code, name, kind, governanceRole: role, joinedOn };
}

/**
 * MedVind's partners (docs/domain.md): the partner group (foundation and municipality), the steering
 * group, and activity partners that joined as initiatives needed them.
 */
const PARTNERS: readonly PartnerRecord[] = [
  partner(FOUNDATION_CODE, 'Lauritzen Foundation', 'FOUNDATION', 'PARTNER_GROUP', '2017-01-01'),
  partner(MUNICIPALITY_PARTNER_CODE, 'Esbjerg Municipality', 'MUNICIPALITY', 'PARTNER_GROUP', '2017-01-01'),
  partner('ungdomsbo', 'Ungdomsbo', 'HOUSING_ASSOCIATION', 'STEERING_GROUP', '2017-01-01'),
  partner('jobcentre-esbjerg', 'Jobcentre Esbjerg', 'JOBCENTRE', 'STEERING_GROUP', '2017-01-01'),
  partner('vindrosen', 'Volunteer Centre Vindrosen', 'VOLUNTEER_CENTRE', 'STEERING_GROUP', '2017-01-01'),
  partner('business-esbjerg', 'Business Esbjerg', 'BUSINESS', 'STEERING_GROUP', '2017-03-01'),
  partner('urbanskolen', 'Urbanskolen', 'SCHOOL', 'STEERING_GROUP', '2017-01-01'),
  partner('praestegardsskolen', 'Præstegårdsskolen', 'SCHOOL', 'ACTIVITY_PARTNER', '2017-08-01'),
  partner('museum-southwest-jutland', 'Museum of Southwest Jutland', 'MUSEUM', 'STEERING_GROUP', '2017-03-01'),
  partner('dagtilbud-osterbyen', 'Dagtilbud Østerbyen', 'DAY_CARE', 'STEERING_GROUP', '2017-03-01'),
  partner('foodbank-esbjerg', 'Fødevarebanken Esbjerg', 'ASSOCIATION', 'ACTIVITY_PARTNER', '2018-06-01'),
  partner('red-cross-esbjerg', 'Røde Kors Esbjerg', 'ASSOCIATION', 'ACTIVITY_PARTNER', '2017-06-01'),
  partner('efb-youth', 'EfB Ungdom', 'ASSOCIATION', 'ACTIVITY_PARTNER', '2018-01-01'),
  partner('bornehuset-solsikken', 'Børnehuset Solsikken', 'DAY_CARE', 'ACTIVITY_PARTNER', '2018-01-01'),
  partner('esbjerg-kulturskole', 'Esbjerg Kulturskole', 'SCHOOL', 'ACTIVITY_PARTNER', '2018-08-01'),
  partner('port-esbjerg', 'Port Esbjerg', 'BUSINESS', 'ACTIVITY_PARTNER', '2019-02-01'),
  partner('esbjerg-ungdomsskole', 'Esbjerg Ungdomsskole', 'SCHOOL', 'ACTIVITY_PARTNER', '2019-08-01'),
];

const LINES_OF_ACTION: readonly LineOfActionRecord[] = [
  {
    code: 'HEALTH',
    name: 'Health',
    description: 'Children and young people thrive in body and mind, eat well and move every day.',
  },
  {
    code: 'CULTURE_LEISURE',
    name: 'Culture and leisure',
    description: 'Every child has a leisure activity and meets the culture of the town beyond its own district.',
  },
  {
    code: 'LEARNING',
    name: 'Learning',
    description: 'Children start school ready to learn and leave it ready for a youth education.',
  },
  {
    code: 'JOB',
    name: 'Job and profession',
    description: 'Young people meet working life early, through part-time jobs, and find their way into work.',
  },
];

type Foundation = World['foundation'];

/**
 * The alliance as the foundation records it. Only what exists by the extract date is included:
 * partners that have joined, initiatives that have started, grants already awarded.
 */
export function generateFoundation(seed: string, until: string): Foundation {
  const random = createRandom(seed, 'foundation');
  const started = INITIATIVES.filter((spec) => spec.startedOn <= until);
  const byCode = (a: { code: string }, b: { code: string }): number => compareStrings(a.code, b.code);
  return {
    partners: PARTNERS.filter((record) => record.joinedOn <= until).sort(byCode),
    linesOfAction: LINES_OF_ACTION.map((line) => ({ ...line })),
    initiatives: started.map((spec) => initiativeRecordOf(spec, until)).sort(byCode),
    grants: started.flatMap((spec) => grantsOf(spec, until, random)).sort(byCode),
  };
}

/** The record as of the extract date: an end planned after it is not yet known to have happened. */
function initiativeRecordOf(spec: InitiativeSpec, until: string): Foundation['initiatives'][number] {
  const { code, name, description, lineOfAction, ageBand, areaCode, startedOn, endedOn, partnerCodes } = spec;
  return {
    code,
    name,
    description,
    lineOfAction,
    ageBand,
    areaCode,
    startedOn,
    endedOn: endedOn !== null && endedOn < until ? endedOn : null,
    partnerCodes: [...partnerCodes],
  };
}

/**
 * One grant a year from the foundation while an initiative runs, and a smaller one from the
 * municipality where it co-funds. The first year's grant is awarded on the start date, later
 * ones in January. Amounts vary around a level set per initiative.
 */
function grantsOf(spec: InitiativeSpec, until: string, random: Random): GrantRecord[] {
  const grants: GrantRecord[] = [];
  const firstYear = Number(spec.startedOn.slice(0, 4));
  const lastYear = Number((spec.endedOn !== null && spec.endedOn < until ? spec.endedOn : until).slice(0, 4));
  const yearlyLevel = random.between(250_000, 1_500_000);
  for (let year = firstYear; year <= lastYear; year++) {
    const awardedOn = year === firstYear ? spec.startedOn : `${year}-01-15`;
    // Both amounts are drawn every year, awarded or not, so the draws do not depend on `until`.
    const foundationAmount = thousands(yearlyLevel * random.between(0.8, 1.2));
    const municipalityAmount = thousands(yearlyLevel * random.between(0.1, 0.35));
    if (awardedOn > until) continue;
    grants.push(grant(spec.code, year, FOUNDATION_CODE, foundationAmount, awardedOn));
    if (spec.municipalityCoFunds) {
      grants.push(grant(spec.code, year, MUNICIPALITY_PARTNER_CODE, municipalityAmount, awardedOn));
    }
  }
  return grants;
}

function grant(
  initiativeCode: string,
  year: number,
  grantorCode: string,
  amountDkk: number,
  awardedOn: string,
): GrantRecord {
  return { code: `${initiativeCode}-${year}-${grantorCode}`, initiativeCode, grantorCode, amountDkk, awardedOn };
}

/** Grants are decided in whole thousands of kroner, within 50,000-2,000,000 DKK. */
function thousands(amount: number): number {
  return Math.min(2_000_000, Math.max(50_000, Math.round(amount / 1000) * 1000));
}
