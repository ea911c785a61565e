import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, getMetadataStorage, type ClassType } from 'type-graphql';
import { ConnectionType } from '../graphql/pagination';

/**
 * One request that read person-level data from this partner. The same type in every subgraph
 * (each partner lists its own log), hence `@shareable`.
 */
@Directive('@shareable')
@ObjectType({ description: 'One request that read person-level data: who looked, when, why, at what, at how many persons.' })
export class AuditRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'When the read was answered.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The request id that ties the partners\' logs together.' })
  requestId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The employee who read (the token\'s subject). Null in the accesses to one person unless asked for: ' +
      'the data subject learns which organisation and role looked, not the employee\'s name (C-579/21).',
  })
  subject!: string | null;

  @Field({ description: 'The organisation of the caller, e.g. "jobcentre-esbjerg".' })
  partner!: string;

  @Field({ description: 'The role under which the caller read, e.g. "partner-staff".' })
  role!: string;

  @Field(() => String, { nullable: true, description: 'The purpose of processing the caller gave.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => [String], { description: 'The person-level fields read, e.g. "Person.employment".' })
  fields!: string[];

  @Field(() => Int, { description: 'How many distinct persons were read.' })
  persons!: number;
}

/** Marks a connection type from `ConnectionType` and its edge type `@shareable`. */
function shareableConnection<T extends object>(connection: ClassType<T>): ClassType<T> {
  Directive('@shareable')(connection);
  const edges = getMetadataStorage().fields.find((field) => field.target === connection && field.name === 'edges');
  if (!edges) throw new Error(`shareableConnection: ${connection.name} has no "edges" field`);
  Directive('@shareable')(edges.getType() as ClassType);
  return connection;
}

export const AuditRecordConnection = shareableConnection(ConnectionType(AuditRecord, 'AuditRecord'));
