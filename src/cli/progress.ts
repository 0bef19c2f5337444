// Progress lines for long CLI commands: one line per step, updated in place on a TTY.
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStep = '';
  let lastPrint = 0;
  return (step: string, done: number, total: number) => {
    const now = Date.now();
    const finished = done >= total;
    if (!finished && step === lastStep && now - lastPrint < 200) return;
    lastPrint = now;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    const line = `${step}: ${done}/${total} (${pct}%)`;
    if (stream.isTTY) {
      stream.write(`\r\x1b[K${line}${finished ? '\n' : ''}`);
    } else if (finished || step !== lastStep) {
      stream.write(`${line}\n`);
    }
    lastStep = step;
  };
}
