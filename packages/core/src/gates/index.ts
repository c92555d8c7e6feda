export * from './quantity.js';
export * from './gate.js';
export * from './evaluate-gates.js';
export { closestName, editDistance } from './closest-name.js';
export * from './read-metrics-report.js';
export * from './run-quality-gates.js';
export { gateAnnotations } from './gate-annotations.js';
