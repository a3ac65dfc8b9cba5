import { readdirSync, readFileSync } from 'node:fs';

/** One live process as /proc tells it (Linux). */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Its process group. */
  pgrp: number;
}

/** Every live process; zombies (exited, not yet reaped) count as gone. */
export function processTable(): ProcessEntry[] {
  const table: ProcessEntry[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return table; // no /proc: nothing to tell
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while listing
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so split after the last ')'.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z') table.push({ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp) });
  }
  return table;
}

/**
 * The live descendants of `pid`, however deep, including those in process groups of their own (a
 * detached worker). Read while their ancestors live: a process whose parent died is init's child.
 */
export function descendants(pid: number): ProcessEntry[] {
  const table = processTable();
  const found: ProcessEntry[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of table) {
      if (parents.has(entry.ppid) && !parents.has(entry.pid)) {
        parents.add(entry.pid);
        found.push(entry);
        grew = true;
      }
    }
  }
  return found;
}
