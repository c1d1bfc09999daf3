/** Process trees from /proc (Linux): which processes a CLI run started. */
import * as fs from "node:fs";

/** The direct children of a process (every thread's), or none when it is gone. */
export function children(pid: number): number[] {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tids) {
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8");
    } catch {
      continue;
    }
    for (const c of text.trim().split(/\s+/)) if (c !== "") out.push(Number(c));
  }
  return out;
}

/** Every process below `pid`, breadth first (bounded: a CLI run has a few dozen at most). */
export function descendants(pid: number, max = 256): number[] {
  const queue = children(pid);
  for (let i = 0; i < queue.length && queue.length < max; i++) queue.push(...children(queue[i]!)); // i < queue.length
  return queue;
}
