import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  chooseMapping,
  DEFAULT_WORLD_OPTIONS,
  ImportFileError,
  ImportSetupError,
  holdsNationalId,
  linkageKeyFrom,
  maskNationalIds,
  parseNationalId,
  readHeader,
} from '@hub/core';
import { foundationMappings } from '@hub/subgraph-foundation';
import { housingAssociationMappings } from '@hub/subgraph-housing-association';
import { jobcentreMappings } from '@hub/subgraph-jobcentre';
import { municipalityMappings } from '@hub/subgraph-municipality';
import { volunteerCentreMappings } from '@hub/subgraph-volunteer-centre';

const [employment] = jobcentreMappings;

describe('national IDs read from an extract', () => {
  it('are read with or without the dash, in the dashed form the seed also hashes', () => {
    expect(parseNationalId('010203-1234')).toEqual({ ok: true, value: { canonical: '010203-1234', birthYear: 1903 } });
    expect(parseNationalId(' 0102031234 ')).toEqual({ ok: true, value: { canonical: '010203-1234', birthYear: 1903 } });
  });

  it('take the century from the first serial digit, as the CPR scheme does', () => {
    const year = (id: string) => (parseNationalId(id) as { value: { birthYear: number } }).value.birthYear;
    expect([
      year('010110-3000'),
      year('010110-4000'),
      year('010150-4000'),
      year('010110-5000'),
      year('010160-5000'),
    ]).toEqual([1910, 2010, 1950, 2010, 1860]);
  });

  it('accept replacement numbers (day of month + 60) and refuse dates that do not exist', () => {
    expect(parseNationalId('610203-1234').ok).toBe(true);
    expect(parseNationalId('290201-5000').ok).toBe(false); // 2001 is no leap year
    expect(parseNationalId('290204-5000').ok).toBe(true);
    expect(parseNationalId('011303-1234').ok).toBe(false);
  });

  it('give reasons that never repeat the value, and notice a lost leading zero', () => {
    for (const raw of ['12345', '010203-12345', 'abc', '310203-1234', '102031234']) {
      const parsed = parseNationalId(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).not.toContain(raw);
    }
    expect(parseNationalId('102031234')).toMatchObject({ reason: expect.stringContaining('leading zero lost') });
  });

  it('are masked wherever they appear in a text, mistyped ones too, and dates are not', () => {
    expect(maskNationalIds('got "010203-1234" and 0102031234, 010203-123 and 102031234')).toBe(
      'got "******-****" and **********, ******-*** and *********',
    );
    expect(maskNationalIds('2024-01-01, 20240101, 123456789012')).toBe('2024-01-01, 20240101, 123456789012');
  });
});

describe('a national ID hidden in another column', () => {
  it('is found in free text, with or without the dash, when its first six digits are a date of birth', () => {
    expect(holdsNationalId('Anna Jensen 170402-4711 homework')).toBe(true);
    expect(holdsNationalId('Anna Jensen 1704024711 homework')).toBe(true);
    expect(holdsNationalId('called 170402 4711 about it')).toBe(true);
    expect(holdsNationalId('610203-1234')).toBe(true); // a replacement number
    expect(holdsNationalId('ref:170402-4711;')).toBe(true);
  });

  it('is not seen in dates, phone numbers, longer numbers or digits that are no date of birth', () => {
    const texts = ['2024-01-01', 'call 75 12 34 56', '12345678', '170402-47110', '320105-5555', '9999999999'];
    expect(texts.filter(holdsNationalId)).toEqual([]);
  });
});

describe('the linkage key', () => {
  const real = 'k'.repeat(40);

  it('comes from HUB_LINKAGE_KEY', () => {
    expect(linkageKeyFrom({ HUB_LINKAGE_KEY: real })).toEqual({ key: real, development: false });
  });

  it('is required: without it the import refuses to run', () => {
    expect(() => linkageKeyFrom({})).toThrow(ImportSetupError);
    expect(() => linkageKeyFrom({})).toThrow(/HUB_LINKAGE_KEY is not set/);
  });

  it('is the development key only when asked for, never in production, never by accident', () => {
    expect(linkageKeyFrom({}, { developmentKey: true })).toEqual({
      key: DEFAULT_WORLD_OPTIONS.linkageKey,
      development: true,
    });
    expect(() => linkageKeyFrom({ NODE_ENV: 'production' }, { developmentKey: true })).toThrow(/NODE_ENV=production/);
    expect(() => linkageKeyFrom({ HUB_LINKAGE_KEY: real }, { developmentKey: true })).toThrow(/choose one/);
    expect(() => linkageKeyFrom({ HUB_LINKAGE_KEY: DEFAULT_WORLD_OPTIONS.linkageKey })).toThrow(
      /public development key/,
    );
  });

  it('is refused when shorter than 32 characters', () => {
    expect(() => linkageKeyFrom({ HUB_LINKAGE_KEY: 'short' })).toThrow('expected at least 32 characters, got 5');
  });
});

describe('choosing the mapping of a file', () => {
  it("takes the partner's only mapping when the file does not name one", () => {
    expect(chooseMapping('jobcentre', jobcentreMappings, null)).toBe(employment);
  });

  it("takes the version the file names, and refuses one it does not know or another partner's", () => {
    expect(
      chooseMapping('jobcentre', jobcentreMappings, { partner: 'jobcentre', name: 'employment', version: 1 }),
    ).toBe(employment);
    expect(() =>
      chooseMapping('jobcentre', jobcentreMappings, { partner: 'jobcentre', name: 'employment', version: 2 }),
    ).toThrow('line 1: the file was written for jobcentre/employment v2, which this hub does not know (it has v1)');
    expect(() =>
      chooseMapping('jobcentre', jobcentreMappings, { partner: 'municipality', name: 'employment', version: 1 }),
    ).toThrow(ImportFileError);
    expect(() => chooseMapping('jobcentre', jobcentreMappings, null, 'benefits')).toThrow(
      new ImportSetupError('jobcentre has no mapping "benefits"; it has employment'),
    );
  });
});

describe('the header line', () => {
  it('may list the columns in any order and case, and leave out optional ones', () => {
    const header = readHeader(['District', 'CPR', 'kind', 'started_on'], employment, 1);
    expect(header.index).toEqual(
      new Map([
        ['district', 0],
        ['cpr', 1],
        ['kind', 2],
        ['started_on', 3],
      ]),
    );
    expect(header.nationalIdIndex).toBe(1);
  });

  it('must have every required column and no unknown or repeated one', () => {
    expect(() => readHeader(['cpr', 'kind', 'kind', 'navn', 'ended_on'], employment, 2)).toThrow(
      'line 2: the header does not match jobcentre/employment v1 (missing started_on, district; unknown "navn"; repeated "kind"); ' +
        'expected the columns cpr, kind, started_on, ended_on, district, estate',
    );
  });
});

describe('the partner IT guide (docs/partner-it.md)', () => {
  const guide = readFileSync(path.resolve(__dirname, '../../../docs/partner-it.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Importing data'));

  const everyMapping = [
    ...jobcentreMappings,
    ...municipalityMappings,
    ...housingAssociationMappings,
    ...volunteerCentreMappings,
    ...foundationMappings,
  ];

  it.each(everyMapping.map((m) => `${m.partner}/${m.name} v${m.version}`))('documents %s', (title) => {
    expect(section).toContain(`\`${title}\``);
  });

  it.each(
    everyMapping.flatMap((m) =>
      Object.keys(m.columns).map((column) => [`${m.partner}/${m.name} v${m.version}`, column]),
    ),
  )("documents %s's column %s", (_mapping, column) => {
    expect(section).toContain(`| \`${column}\` |`);
  });
});
