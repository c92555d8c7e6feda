// Jest's node environment, with the host's typed-array constructors. onnxruntime-node's native
// binding creates output arrays in the host realm while onnxruntime-common, loaded inside the
// test's VM context, checks them with `instanceof` against that context's constructors, which
// fails ("A int64 tensor's data must be type of BigInt64Array"). One set of constructors for both
// realms makes the check hold, as it does outside Jest.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];

class HostTypedArrayEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = HostTypedArrayEnvironment;
