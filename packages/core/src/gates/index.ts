export * from './quantity.js';
export * from './gate.js';
export * from './evaluate-gates.js';
export { closestName, editDistance } from './closest-name.js';
