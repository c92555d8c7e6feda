export * from './sequential-error-test.js';
export * from './traffic-router.js';
export { HaproxyRouter, HAPROXY_MAX_WEIGHT } from './haproxy-router.js';
export { HttpRouter, WEIGHTS_PATH } from './http-router.js';
