export { foundation } from './server';
