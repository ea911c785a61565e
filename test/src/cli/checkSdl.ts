import {
  Kind,
  parse,
  parseConstValue,
  parseType,
  print,
  visit,
  type ASTVisitor,
  type ConstDirectiveNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';

/**
 * Edits of a real subgraph SDL for the `hub check` tests, on the syntax tree so that they do not
 * depend on descriptions or layout. Each throws when what it edits is not there, so a test
 * cannot pass because the subgraph changed under it.
 */
function edited(sdl: string, what: string, edit: (found: () => void) => ASTVisitor): string {
  let hits = 0;
  const result = print(visit(parse(sdl), edit(() => (hits += 1))));
  if (hits === 0) throw new Error(`not in the SDL: ${what}`);
  return result;
}

export function withoutField(sdl: string, typeName: string, fieldName: string): string {
  return edited(sdl, `${typeName}.${fieldName}`, (found) => ({
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      const fields = node.fields?.filter((field) => field.name.value !== fieldName);
      if (fields?.length !== node.fields?.length) found();
      return { ...node, fields };
    },
  }));
}

export function withField(sdl: string, typeName: string, fieldSdl: string): string {
  const [field] = (parse(`type T { ${fieldSdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields ?? [];
  return edited(sdl, typeName, (found) => ({
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      found();
      return { ...node, fields: [...(node.fields ?? []), field] };
    },
  }));
}

export function withArgumentType(sdl: string, coordinate: string, type: string): string {
  const [typeName, fieldName, argumentName] = coordinate.split('.');
  let inType = false;
  return edited(sdl, coordinate, (found) => ({
    ObjectTypeDefinition: {
      enter(node: ObjectTypeDefinitionNode) {
        inType = node.name.value === typeName;
      },
    },
    FieldDefinition(node: FieldDefinitionNode) {
      if (!inType || node.name.value !== fieldName) return undefined;
      return {
        ...node,
        arguments: node.arguments?.map((argument) => {
          if (argument.name.value !== argumentName) return argument;
          found();
          return { ...argument, type: parseType(type) };
        }),
      };
    },
  }));
}

export function withoutEnumValue(sdl: string, enumName: string, value: string): string {
  return edited(sdl, `${enumName}.${value}`, (found) => ({
    EnumTypeDefinition(node: EnumTypeDefinitionNode) {
      if (node.name.value !== enumName) return undefined;
      const values = node.values?.filter((candidate) => candidate.name.value !== value);
      if (values?.length !== node.values?.length) found();
      return { ...node, values };
    },
  }));
}

/** The type's `@key`s replaced by these field sets. */
export function withKeys(sdl: string, typeName: string, fieldSets: readonly string[]): string {
  const keys: ConstDirectiveNode[] = fieldSets.map((fields) => ({
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'key' },
    arguments: [
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: parseConstValue(JSON.stringify(fields)) },
    ],
  }));
  return edited(sdl, `${typeName} @key`, (found) => ({
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      found();
      const others = (node.directives ?? []).filter((directive) => directive.name.value !== 'key');
      return { ...node, directives: [...keys, ...others] };
    },
  }));
}

/** `@tag(name: …)` added to a field, e.g. to hide it from the dashboard contract. */
export function withFieldTag(sdl: string, coordinate: string, tag: string): string {
  const [typeName, fieldName] = coordinate.split('.');
  const directive: ConstDirectiveNode = {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: 'tag' },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'name' }, value: parseConstValue(JSON.stringify(tag)) }],
  };
  return edited(sdl, coordinate, (found) => ({
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      return {
        ...node,
        fields: node.fields?.map((field) => {
          if (field.name.value !== fieldName) return field;
          found();
          return { ...field, directives: [...(field.directives ?? []), directive] };
        }),
      };
    },
  }));
}
