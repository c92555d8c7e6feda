/**
 * Every registry backend, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openRegistry, so a step (and its bundle) gets all of them or none.
 */
import './local-oci-registry.js';
import './oci-registry.js';
import './mlflow-registry.js';

export { checkMlflowModelName, checkVersionRef, openRegistry } from './model-registry.js';
