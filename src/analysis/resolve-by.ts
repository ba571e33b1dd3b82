export { ANY_ROLE, resolveBy } from '../dsl/resolve-by.js';
