export * from './sequential-error-test.js';
export * from './traffic-router.js';
export { HaproxyRouter, HAPROXY_MAX_WEIGHT } from './haproxy-router.js';
