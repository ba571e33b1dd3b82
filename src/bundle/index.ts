export { createBundle } from './create-bundle.js';
export { loadBundle } from './load-bundle.js';
export { readBundle } from './read-bundle.js';
export { BundleError, type BundleErrorCode } from './bundle-error.js';
export { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type PlanBundle, type BundleJson } from './bundle-format.js';
export { PLANWRIGHT_VERSION } from './version.js';
