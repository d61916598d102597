// CPU seconds this process has used (user + system), read from /proc/self/stat like the .NET side of the
// same benchmark reads its own, so that both are measured the same way (clock ticks of 1/100 s).
import { readFileSync } from 'node:fs';

export function cpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
