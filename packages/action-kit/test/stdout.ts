/** What a function printed on stdout, as the runner reads it (the real @actions/core writes there). */
export function captureStdout(body: () => void): string {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    body();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

/** The workflow commands in printed text, line by line as the runner parses them (V2 `::` and legacy `##[`). */
export function workflowCommands(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).flatMap((line) => {
    const v2 = /^::([A-Za-z-]+)[ :]/.exec(line.trimStart());
    if (v2) return [v2[1]];
    const v1 = /##\[([A-Za-z-]+)[\] ]/.exec(line);
    return v1 ? [v1[1]] : [];
  });
}
