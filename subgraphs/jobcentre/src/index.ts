export { jobcentre } from './server';
export { jobcentreMappings } from './import';
