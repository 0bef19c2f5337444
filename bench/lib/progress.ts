// Progress on stderr: updated in place on a terminal, otherwise one line per finished table.
import { progressPrinter } from '../../src/cli/progress.ts';

export type Progress = (step: string, done: number, total: number) => void;

export function tableProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) return progressPrinter(stream);
  return (step, done, total) => {
    if (done >= total) stream.write(`${step}: ${done}/${total}\n`);
  };
}
