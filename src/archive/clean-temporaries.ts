import fs from 'node:fs'
import path from 'node:path'

/** `writeAtomic`'s temporary name: `.<target>.<pid>.<random>.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.[a-z0-9]*\.tmp$/

/**
 * Remove temporary files a killed build left in `outDir` (recursively).
 * Files of a process that is still running are left alone: that build may
 * yet rename them into place. Returns the removed paths, sorted.
 */
export function cleanTemporaries(outDir: string): string[] {
  const removed: string[] = []
  const walk = (dir: string): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) {
        const pid = TEMPORARY.exec(entry.name)?.[1]
        if (pid === undefined || isRunning(Number(pid))) continue
        fs.rmSync(full, {force: true})
        removed.push(full)
      }
    }
  }
  walk(outDir)
  return removed.sort()
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

/**
 * A killed process stays a zombie until its parent reaps it, and a build
 * killed with its parent is reaped by init, which may take seconds: it
 * answers signals, but will never rename its files. Linux only (`/proc`);
 * elsewhere a process that answers is taken as running.
 */
function isZombie(pid: number): boolean {
  let stat: string
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1')
  } catch {
    return false
  }
  // "pid (command) state ...": the command may hold spaces and parentheses.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
  return state === 'Z' || state === 'X'
}
