// The action's entry, as the runner starts it: everything it does is in main.ts.
import { run } from './main.js';

await run();
