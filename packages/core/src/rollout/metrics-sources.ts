/**
 * Every metrics source, chosen by the URI's scheme. Importing this file is what makes each
 * adapter known to openMetricsSource, so a step (and its bundle) gets all of them or none.
 */
import './prometheus-metrics.js';
import './http-json-metrics.js';

export { openMetricsSource } from './metrics-source.js';
