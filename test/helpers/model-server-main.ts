// A model server as its own process (started by spawnModelServer with a TypeScript loader):
// argv[2] is the ModelServerOptions JSON; prints {"port", "pid"} once listening; SIGTERM or the
// parent closing stdin stops it.
import { startModelServer, type ModelServerOptions } from './model-server.js';

const options = JSON.parse(process.argv[2]) as ModelServerOptions;
const server = await startModelServer(options);
process.stdout.write(JSON.stringify({ port: server.port, pid: process.pid }) + '\n');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin: its end means the test process is gone.
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
