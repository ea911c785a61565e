export { municipality } from './server';
