export { jobcentre } from './server';
