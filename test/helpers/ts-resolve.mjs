// Lets a child `node --experimental-transform-types --import ./ts-resolve.mjs x.ts` run the
// TypeScript sources directly: their imports say './file.js', the file on disk is './file.ts'.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (e) {
      if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
      throw e;
    }
  },
});
