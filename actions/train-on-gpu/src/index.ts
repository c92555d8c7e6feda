// The main step's entry, as the runner starts it.
import { run } from './main.js';

await run();
