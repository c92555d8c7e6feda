/**
 * Every traffic router, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openRouter, so a step (and its bundle) gets all of them or none.
 */
import './haproxy-router.js';
import './http-router.js';
import './command-router.js';

export { openRouter } from './traffic-router.js';
