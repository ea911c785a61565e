// A .graphql file of operations/ holds one named operation; build.mjs bundles its registered text.
declare module '*.graphql' {
  const operation: string;
  export default operation;
}
