export { ANY_ROLE, resolveBy } from '../plan-format/resolve-by.js';
