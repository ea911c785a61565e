import { RegistryChange, badUserInput } from '@hub/core';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { Indicator } from '../entities/Indicator';
import { IndicatorDirection } from '../entities/IndicatorEnums';
import { Initiative } from '../entities/Initiative';
import type { FoundationContext } from './context';
import { checkAfter, checkDate, checkKnown, checkName, checkPattern, checkRange, checkText } from './registryChecks';
import { createRegistryRow, updateRegistryRow } from './registryChange';
import { IndicatorChangeInput } from './types/IndicatorChange.input';
import { InitiativeChangeInput } from './types/InitiativeChange.input';
import { NewIndicatorInput } from './types/NewIndicator.input';

/** Largest count or mean an indicator's value may hold; a share (a measure named "…Share") is at most 1. */
const MAX_VALUE = 1e9;

/** An indicator's id: a slug, as the table's CHECK requires. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A measure: a GraphQL field name of the owner's LineOfAction. */
const FIELD_NAME = /^[a-z][A-Za-z0-9]*$/;

async function checkIndicator(indicator: Indicator, manager: EntityManager): Promise<void> {
  checkPattern(indicator.id, 'input.id', SLUG, 'lowercase letters and digits joined by single hyphens');
  checkPattern(indicator.measure, 'input.measure', FIELD_NAME, 'a field name of LineOfAction, e.g. "partTimeJobShare"');
  checkName(indicator.name, 'input.name');
  checkDate(indicator.baselineOn, 'input.baselineOn');
  checkDate(indicator.targetOn, 'input.targetOn');
  checkAfter(indicator.baselineOn, indicator.targetOn, 'input.targetOn', 'the baseline\'s date');
  const max = indicator.measure.endsWith('Share') ? 1 : MAX_VALUE;
  checkRange(indicator.baselineValue, 'input.baselineValue', 0, max);
  checkRange(indicator.targetValue, 'input.targetValue', 0, max);
  const up = indicator.direction === IndicatorDirection.UP;
  // The goal's progress is only defined when the target lies in the indicator's direction.
  if (up ? indicator.targetValue <= indicator.baselineValue : indicator.targetValue >= indicator.baselineValue) {
    throw badUserInput(`The input.targetValue must be ${up ? 'above' : 'below'} the baseline value for direction ${indicator.direction}.`, 'input.targetValue');
  }
  if (indicator.comparisonAreaCode === indicator.areaCode) {
    throw badUserInput('The input.comparisonAreaCode must differ from the indicator\'s area.', 'input.comparisonAreaCode');
  }
  await checkKnown(manager, 'partner', indicator.ownerCode, 'input.ownerCode');
  await checkKnown(manager, 'area', indicator.areaCode, 'input.areaCode');
  if (indicator.comparisonAreaCode !== null) await checkKnown(manager, 'area', indicator.comparisonAreaCode, 'input.comparisonAreaCode');
}

async function checkInitiative(initiative: Initiative, manager: EntityManager): Promise<void> {
  checkName(initiative.name, 'input.name');
  checkText(initiative.description, 'input.description');
  checkDate(initiative.startedOn, 'input.startedOn');
  if (initiative.endedOn !== null) {
    checkDate(initiative.endedOn, 'input.endedOn');
    checkAfter(initiative.startedOn, initiative.endedOn, 'input.endedOn', 'the start');
  }
  await checkKnown(manager, 'area', initiative.areaCode, 'input.areaCode');
}

/** The secretariat's changes to the alliance's registry; every mutation is checked by `RegistryChange`. */
@Resolver()
export class RegistryResolver {
  @Mutation(() => Indicator, { description: 'Adds an indicator at version 1 (CONFLICT when its id is taken).' })
  @RegistryChange()
  createIndicator(@Arg('input', () => NewIndicatorInput) input: NewIndicatorInput, @Ctx() context: FoundationContext): Promise<Indicator> {
    return createRegistryRow(context, {
      entity: Indicator,
      table: 'indicator',
      key: { argument: 'input.id', column: 'id', value: input.id },
      row: input,
      check: checkIndicator,
    });
  }

  @Mutation(() => Indicator, { description: 'Changes an indicator\'s definition, based on the version given (CONFLICT when it is not the current one).' })
  @RegistryChange()
  updateIndicator(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => IndicatorChangeInput) input: IndicatorChangeInput,
    @Ctx() context: FoundationContext,
  ): Promise<Indicator> {
    return updateRegistryRow(context, {
      entity: Indicator,
      table: 'indicator',
      key: { argument: 'id', column: 'id', value: id },
      version,
      changes: input,
      check: checkIndicator,
    });
  }

  @Mutation(() => Initiative, { description: 'Changes an initiative, based on the version given (CONFLICT when it is not the current one).' })
  @RegistryChange()
  updateInitiative(
    @Arg('code') code: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => InitiativeChangeInput) input: InitiativeChangeInput,
    @Ctx() context: FoundationContext,
  ): Promise<Initiative> {
    return updateRegistryRow(context, {
      entity: Initiative,
      table: 'initiative',
      key: { argument: 'code', column: 'code', value: code },
      version,
      changes: input,
      check: checkInitiative,
    });
  }
}
