// The post step's entry (runs.post in action.yml), as the runner starts it.
import { post } from './post.js';

await post();
