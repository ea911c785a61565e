import { GraphQLLocalDate } from 'graphql-scalars';

/** Calendar date `YYYY-MM-DD`; values stay ISO strings end to end. */
export const LocalDate = GraphQLLocalDate;
