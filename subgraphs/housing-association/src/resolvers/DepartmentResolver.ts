import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Department } from '../entities/Department';
import { Area } from './types/stubs';

@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The estate the department belongs to.' })
  estate(@Root() department: Department): Area {
    return { code: department.estateCode };
  }
}
